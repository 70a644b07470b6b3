"""Ingest keeps the store in step with the clusterer when a split moves earlier articles."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from test_stories_cluster import ferry  # two look-alike ferry sinkings with shared background

from storyline import jobs
from storyline.stories import ClusterConfig, StoryClusterer
from storyline.store import Store


def _ferries() -> list:
    items, texts = [], set()
    for e in (ferry(ev, i) for i in range(6) for ev in "AB"):
        if e.article.text not in texts:  # ingest drops exact copies before clustering
            texts.add(e.article.text)
            items.append(e)
    return items


CFG = ClusterConfig(today=dt.date(2024, 6, 1))


@pytest.mark.parametrize("batch_size", [1, 3, 12])
def test_ingest_refiles_what_a_split_moves(tmp_path, batch_size):
    store = Store(tmp_path / "moves.db")
    items = _ferries()
    memory = StoryClusterer(CFG)
    for e in items:
        memory.add(e)
    jobs.store_extractions(items, store, batch_size=batch_size, config=CFG)

    stored = {r["id"]: r["story"] for r in store.articles()}
    assert stored == {e.article.id: memory.story_of[e.article.id] for e in items}  # as in memory
    by_event = {ev: {s for a, s in stored.items() if a[0] == ev} for ev in "AB"}
    assert len(by_event["A"]) == 1 and len(by_event["B"]) == 1 and by_event["A"] != by_event["B"]
    _consistent(store)


def test_the_interleaved_ferries_are_merged_first_and_split_later():
    cl = StoryClusterer(CFG)
    moves = []
    for e in _ferries():
        cl.add(e)
        moves += cl.take_moves()
    assert moves  # so the test above really re-files stored articles


def _consistent(store: Store) -> None:
    stored = {r["id"]: r["story"] for r in store.articles()}
    assert {s["id"] for s in store.stories()} == set(stored.values())  # no empty story left behind
    for sid in set(stored.values()):  # each merged record lists exactly the story's articles
        assert sorted(v["article_id"] for v in store.story(sid)["versions"]) == \
            sorted(a for a, s in stored.items() if s == sid)


def test_recluster_command_refiles_and_keeps_everything(tmp_path):
    from typer.testing import CliRunner

    from storyline.cli import app

    store = Store(tmp_path / "r.db")
    items = _ferries()
    jobs.store_extractions(items, store, batch_size=4, config=ClusterConfig(today=CFG.today, split_threshold=0.0))
    assert len({r["story"] for r in store.articles()}) == 1  # splits off: the look-alikes stay merged
    res = CliRunner().invoke(app, ["recluster", "--db", str(tmp_path / "r.db")])
    assert res.exit_code == 0, res.output
    assert f"{len(items)} articles in 2 stories" in res.output
    _consistent(store)
    assert store.count_articles() == len(items)
    b = ferry("B", 1)  # the rebuilt rows serve the next ingest
    later = replace(b, article=replace(b.article, id="B-later", text=b.article.text + " Divers resumed at dawn."))
    jobs.store_extractions([later], store, config=CFG)
    stored = {r["id"]: r["story"] for r in store.articles()}
    assert stored["B-later"] == stored["B1"] != stored["A1"]


def test_embeddings_without_the_extra_is_a_clear_cli_error(tmp_path, monkeypatch):
    import sys

    from typer.testing import CliRunner

    from storyline.cli import app
    from storyline.stories import embeddings

    embeddings.load_model.cache_clear()
    monkeypatch.setitem(sys.modules, embeddings.MODEL_PACKAGE, None)
    src = tmp_path / "a.txt"
    src.write_text("A ferry sank near Dunmere on Monday, officials said.\n")
    try:
        res = CliRunner().invoke(app, ["cluster", str(src), "--embeddings"])
    finally:
        embeddings.load_model.cache_clear()
    assert res.exit_code == 1 and "storyline[embeddings]" in res.output
