"""CI gate: story clustering on BASIL dev and ECB+ dev must not fall below the pinned floors."""
from __future__ import annotations

import pytest

from storyline.evaluation.common import load_floors


@pytest.fixture(scope="module")
def report(shared_data):
    from storyline.evaluation.stories import run

    return run(shared_data("stories"), baselines=False)


@pytest.mark.parametrize("metric, floor", sorted(load_floors("stories").items()))
def test_story_clustering_meets_floor(report, metric, floor):
    assert report.storyline[metric] >= floor, f"{metric} {report.storyline[metric]:.4f} < {floor}"


def test_report_carries_both_sets(report):
    assert {"basil_bcubed_p", "ecbplus_bcubed_r"} <= set(report.storyline)
