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
