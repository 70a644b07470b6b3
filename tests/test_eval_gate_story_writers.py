"""CI gate: story clustering through the store, with concurrent writers, stays within 0.02
BCubed F1 of the in-memory clusterer on BASIL dev and ECB+ dev (2 processes on SQLite; 4 on
the PostgreSQL server that .ci/run starts)."""
from __future__ import annotations


import pytest

from storyline.evaluation.stories import SETS, bcubed, load_stream, ner_extractions, storyline_labels
from storyline.evaluation.stories_store import store_labels

TOLERANCE = 0.02


@pytest.fixture(scope="module")
def streams(shared_data):
    root = shared_data("stories")
    out = {}
    for name, file in SETS.items():
        arts, gold = load_stream(root / file, name)
        exts = ner_extractions(arts)
        out[name] = (exts, gold, bcubed(storyline_labels(exts), gold)[2])
    return out


@pytest.mark.parametrize("name", list(SETS))
def test_one_writer_through_the_store_is_the_memory_clusterer(streams, name):
    exts, gold, alone = streams[name]
    assert bcubed(store_labels(exts), gold)[2] == pytest.approx(alone, abs=1e-9)


@pytest.mark.parametrize("name", list(SETS))
def test_two_sqlite_writers_stay_close(streams, name):
    exts, gold, alone = streams[name]
    f = bcubed(store_labels(exts, writers=2), gold)[2]
    assert f >= alone - TOLERANCE, f"{name}: 2 writers {f:.4f} vs one process {alone:.4f}"


@pytest.mark.parametrize("name", list(SETS))
def test_four_postgresql_writers_stay_close(streams, name, store_url):
    if "postgresql" not in store_url:
        pytest.skip("the SQLite case is the test above")
    exts, gold, alone = streams[name]
    f = bcubed(store_labels(exts, writers=4, url=store_url), gold)[2]
    assert f >= alone - TOLERANCE, f"{name}: 4 writers {f:.4f} vs one process {alone:.4f}"
