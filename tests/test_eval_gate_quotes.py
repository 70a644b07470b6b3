"""CI gate: quotes as newsrooms count them (GGT dev, speech only) may only go down on purpose."""
from __future__ import annotations

from storyline.evaluation.common import load_floors
from storyline.evaluation.quotes import run


def test_quotes_above_floors(shared_data):
    data = shared_data("ggt")
    report = run(data, split="dev", errors=3)
    got = report.storyline
    floors = load_floors("quotes")
    low = {k: (round(got[k], 4), v) for k, v in floors.items() if got[k] < v}
    assert not low, f"below floor (got, floor): {low}"
    assert got["overlap_f1@0.3"] > report.rows["regex_baseline"]["overlap_f1@0.3"]
    # the errors are listed by kind, with the article and the quote, so they can be read
    listed = "\n".join(report.notes)
    for kind in ("missed", "spurious", "speaker", "boundary"):
        assert f"--- {kind}: {int(got['errors_' + kind])}" in listed
