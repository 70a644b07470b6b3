"""CI gate: places on GeoWebNews must not fall below the pinned floors."""
from __future__ import annotations

from storyline.evaluation.common import load_floors


def test_places_floors_on_geowebnews(shared_data):
    from storyline.evaluation.places import run

    path = shared_data("geo/GWN.xml")
    report = run(path)
    ours = report.storyline
    for metric, floor in load_floors("places").items():
        assert ours[metric] >= floor, f"{metric} {ours[metric]:.3f} < floor {floor} ({report.notes})"
    # the naive baseline stays beside it and below it on recall
    assert report.rows["most_populous"]["recall"] < ours["recall"]
