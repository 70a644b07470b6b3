"""CI gate: PLOVER events and counts must not drop below the pinned floors, nor predict more
than 1.6 distinct types per sentence on average."""
from __future__ import annotations

import json

import pytest

from storyline.evaluation import events
from storyline.evaluation.common import FLOORS_DIR, load_floors


@pytest.fixture(scope="module")
def report(shared_data):
    return events.run(shared_data("events"))


@pytest.mark.parametrize("metric, floor", sorted(load_floors("events").items()))
def test_events_meet_floor(report, metric, floor):
    assert report.storyline[metric] >= floor, f"{metric} {report.storyline[metric]:.3f} < floor {floor}"


def test_types_per_sentence_within_budget(report):
    ceilings = json.loads((FLOORS_DIR / "floors_events.json").read_text())["ceilings"]
    assert report.storyline["types_per_sentence"] <= ceilings["types_per_sentence"]


def test_storyline_beats_keyword_baseline(report):
    assert report.storyline["type_accuracy"] > report.rows["keyword_baseline"]["type_accuracy"]


def test_event_metrics_are_fractions(report):
    assert all(0.0 <= v <= 1.0 for k, v in report.storyline.items() if k != "types_per_sentence")
