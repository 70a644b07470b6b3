"""CI gate: attribution accuracy on PolNeAR dev may only go down on purpose (floors pinned)."""
from __future__ import annotations

from storyline.evaluation.attributions import run
from storyline.evaluation.common import load_floors


def test_attributions_above_floors(shared_data):
    data = shared_data("polnear")
    report = run(data, split="dev")
    got = report.storyline
    floors = load_floors("attributions")
    low = {k: (round(got[k], 4), v) for k, v in floors.items() if got[k] < v}
    assert not low, f"below floor (got, floor): {low}"
    # the baseline row is there to compare against, and storyline beats it
    assert got["overlap_f1@0.3"] > report.rows["regex_baseline"]["overlap_f1@0.3"]
