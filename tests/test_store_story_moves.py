"""Ingest keeps the store in step with the clusterer when a split moves earlier articles."""
from __future__ import annotations

import datetime as dt

import pytest
from test_stories_cluster import ferry  # two look-alike ferry sinkings with shared background

from storyline import jobs
from storyline.stories import ClusterConfig, StoryClusterer
from storyline.store import Store


class MoveRecorder(StoryClusterer):
    """The real clusterer, remembering the moves it handed out."""

    recorded: list = []

    def take_moves(self):
        out = super().take_moves()
        self.recorded = self.recorded + out
        return out


@pytest.mark.parametrize("batch_size", [1, 3, 12])
def test_ingest_refiles_what_a_split_moves(tmp_path, batch_size):
    store = Store(tmp_path / "moves.db")
    cl = MoveRecorder(ClusterConfig(today=dt.date(2024, 6, 1)))
    items, texts = [], set()
    for e in (ferry(ev, i) for i in range(6) for ev in "AB"):
        if e.article.text not in texts:  # ingest drops exact copies before clustering
            texts.add(e.article.text)
            items.append(e)
    report = jobs.RunReport()
    for i in range(0, len(items), batch_size):
        jobs._write(store, [(e, cl.add(e)) for e in items[i:i + batch_size]], cl, report)

    assert cl.recorded, "the interleaved look-alikes must be merged first and split later"
    stored = {r["id"]: r["story"] for r in store.articles()}
    assert stored == {aid: cl.story_of[aid] for aid in stored}  # the store ends where the clusterer does
    by_event = {ev: {s for a, s in stored.items() if a[0] == ev} for ev in "AB"}
    assert len(by_event["A"]) == 1 and len(by_event["B"]) == 1 and by_event["A"] != by_event["B"]
    listed = {s["id"] for s in store.stories()}
    assert listed == set(stored.values())  # no story record left behind empty
    for sid in listed:  # each merged record lists exactly the story's articles
        versions = sorted(v["article_id"] for v in store.story(sid)["versions"])
        assert versions == sorted(a for a, s in stored.items() if s == sid)


def _ingest_ferries(store: Store, cl: StoryClusterer) -> list[str]:
    items, texts = [], set()
    for e in (ferry(ev, i) for i in range(6) for ev in "AB"):
        if e.article.text not in texts:
            texts.add(e.article.text)
            items.append(e)
    report = jobs.RunReport()
    for i in range(0, len(items), 4):
        jobs._write(store, [(e, cl.add(e)) for e in items[i:i + 4]], cl, report)
    return [e.article.id for e in items]


def _consistent(store: Store, cl: StoryClusterer) -> None:
    stored = {r["id"]: r["story"] for r in store.articles()}
    assert stored == {aid: cl.story_of[aid] for aid in stored}
    assert {s["id"] for s in store.stories()} == set(stored.values())
    for sid in set(stored.values()):
        assert sorted(v["article_id"] for v in store.story(sid)["versions"]) == \
            sorted(a for a, s in stored.items() if s == sid)


@pytest.mark.parametrize("state", [b"not a pickle", None])
def test_an_unreadable_saved_state_is_rebuilt_from_the_store(tmp_path, state):
    store = Store(tmp_path / "old.db")
    ids = _ingest_ferries(store, StoryClusterer(ClusterConfig(today=dt.date(2024, 6, 1))))
    if state is not None:
        store.add_batch([], clusterer_state=state)  # as if written by another version
        report = jobs.RunReport()
        cl = jobs._clusterer(store, report)
        assert report.reclustered == len(ids)
    else:  # a good state loads as it is
        report = jobs.RunReport()
        cl = jobs._clusterer(store, report)
        assert report.reclustered == 0
    _consistent(store, cl)
    assert StoryClusterer.loads(store.clusterer_state()).story_of == cl.story_of


def test_recluster_command_refiles_and_keeps_everything(tmp_path):
    from typer.testing import CliRunner

    from storyline.cli import app

    store = Store(tmp_path / "r.db")
    ids = _ingest_ferries(store, StoryClusterer(ClusterConfig(today=dt.date(2024, 6, 1), split_threshold=0.0)))
    assert len({r["story"] for r in store.articles()}) == 1  # splits off: the look-alikes stay merged
    res = CliRunner().invoke(app, ["recluster", "--db", str(tmp_path / "r.db")])
    assert res.exit_code == 0, res.output
    assert f"{len(ids)} articles in 2 stories" in res.output
    _consistent(store, StoryClusterer.loads(store.clusterer_state()))
    assert store.count_articles() == len(ids)


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
