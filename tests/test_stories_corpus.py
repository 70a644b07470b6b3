"""The bundled sample corpus: short rewrites of one report join, different events stay apart."""
from __future__ import annotations

import dataclasses

import pytest

from storyline import jobs
from storyline.store import Store
from storyline.stories import StoryClusterer

# title word that tells each event apart -> expected versions
EVENTS = {"flood": ("riverton", 2), "bank": ("rate", 2), "strike": ("dock", 2)}


@pytest.fixture(scope="module")
def corpus(shared_sample):
    return sorted((shared_sample.parent / "corpus").iterdir())


@pytest.fixture(scope="module")
def corpus_extractions(corpus, nlp):
    from storyline.pipeline import extract

    arts = [a for a in jobs.read_paths(corpus) if hasattr(a, "text")]
    return list(extract(arts))


def _event(title: str | None) -> str:
    t = (title or "").lower()
    return next(k for k, (word, _) in EVENTS.items() if word in t)


def test_ingest_groups_the_corpus_into_three_stories(corpus, tmp_path):
    store = Store(tmp_path / "t.db")
    jobs.ingest(corpus, store)
    stories = store.stories()
    assert len(stories) == 3, stories
    seen = {}
    for s in stories:
        events = {_event(a["title"]) for a in store.articles(story=s["id"])}
        assert len(events) == 1, (s, events)  # no story mixes two events
        seen[events.pop()] = s["articles"]
    assert seen == {k: n for k, (_, n) in EVENTS.items()}


@pytest.mark.parametrize("dated, reverse", [(True, False), (False, False), (True, True),
                                            (False, True)])
def test_short_rewrites_join_with_or_without_dates_in_any_order(corpus_extractions, dated, reverse):
    exts = list(reversed(corpus_extractions)) if reverse else list(corpus_extractions)
    if not dated:
        exts = [dataclasses.replace(e, article=dataclasses.replace(e.article, published=None))
                for e in exts]
    cl = StoryClusterer()
    got: dict[str, set[str]] = {}
    for e in exts:
        got.setdefault(cl.add(e).story, set()).add(_event(e.article.title))
    assert sorted(len(v) for v in got.values()) == [1, 1, 1]  # pure stories...
    assert len(got) == 3  # ...and one per event



def test_an_older_backfill_after_newer_news_still_groups(corpus, shared_sample, tmp_path):
    """Ingesting 2025 news first must not retire the stories of a 2024 archive ingested later."""
    import datetime as dt

    store = Store(tmp_path / "backfill.db")
    jobs.ingest([shared_sample], store, published=dt.date(2025, 2, 18))
    jobs.ingest(corpus, store)
    assert sorted(s["articles"] for s in store.stories()) == [2, 2, 2, 2]
