"""CI gate: date normalisation on MEANTIME must not drop below the pinned floors."""
from __future__ import annotations

import pytest

from storyline.evaluation import dates
from storyline.evaluation.common import load_floors


@pytest.fixture(scope="module")
def report(shared_data):
    return dates.run(shared_data(dates.SUBFOLDER), baseline=False)


@pytest.mark.parametrize("metric, floor", sorted(load_floors("dates").items()))
def test_dates_meet_floor(report, metric, floor):
    assert report.storyline[metric] >= floor, f"{metric} {report.storyline[metric]:.3f} < floor {floor}"


def test_dates_metrics_are_fractions(report):
    assert all(0.0 <= v <= 1.0 for v in report.storyline.values())
