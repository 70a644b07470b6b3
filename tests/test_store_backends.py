"""The store behaves the same on SQLite and on a real PostgreSQL server."""
from __future__ import annotations

import datetime as dt

import pytest

from storyline.records import (Actor, Article, Attribution, Entity, Event, Extraction, Place,
                               StoryAssignment)
from storyline.store import Store

TEXT = "Police in Eastport said three protesters were arrested on Thursday near the harbour gate."


def _at(part: str) -> tuple[int, int]:
    i = TEXT.index(part)
    return (i, i + len(part))


def _extraction(id_="strike-1", text=TEXT) -> Extraction:
    a = Article(id=id_, text=text, title="Strike", published=dt.date(2024, 6, 14), source="Daily")
    police = Entity("e1", "Police", "ORG", ((0, 6),))
    eastport = Entity("e2", "Eastport", "GPE", ((10, 18),))
    claim = Attribution("indirect", (_at("three protesters were arrested"),), _at("said"), _at("Police in Eastport"),
                        "e1", "government")
    arrest = Event("COERCE", _at("arrested"), mode="arrest", actor=(Actor("Police", "e1", (0, 6)),),
                   recipient=(Actor("three protesters", None, _at("three protesters")),), place=0)
    place = Place((10, 18), "Eastport", 123, "USA", 1.0, 2.0)
    return Extraction(a, entities=(police, eastport), attributions=(claim,), events=(arrest,), places=(place,))


def test_batch_is_stored_once_and_read_back(store_url):
    store = Store(store_url)
    ex = _extraction()
    story = {"title": "Strike", "start": "2024-06-14", "end": "2024-06-14", "versions": [{"id": "strike-1"}]}
    assert store.add_batch([(ex, StoryAssignment("strike-1", "s1"))], stories={"s1": story}) == 1
    assert store.add_batch([(ex, StoryAssignment("strike-1", "s1"))]) == 0  # same content: nothing added
    assert store.count_articles() == 1
    assert store.known_hashes([ex.article.content_hash, "nope"]) == {ex.article.content_hash}
    rec = store.article("strike-1")
    assert rec["story"] == "s1" and rec["text"] == TEXT
    assert Extraction.from_contract(rec).attributions == ex.attributions
    assert store.stories() == [{"id": "s1", "title": "Strike", "articles": 1,
                                "first_published": "2024-06-14", "last_published": "2024-06-14"}]
    assert store.story("s1") == story


def test_listing_quotes_events_and_search(store_url):
    store = Store(store_url)
    store.add_batch([(_extraction(), StoryAssignment("strike-1", "s1"))])
    (q,) = store.quotes(speaker="police")
    assert (q["speaker"], q["cue"], q["content"]) == ("Police", "said", "three protesters were arrested")
    assert store.quotes(about="arrested protesters")[0]["article"] == "strike-1"
    assert store.quotes(speaker="nobody") == []
    (e,) = store.events(type="coerce", actor="protesters")
    assert (e["type"], e["mode"], e["actors"], e["place"]) == ("COERCE", "arrest", "Police", "Eastport")
    assert [r["id"] for r in store.search("protesters")] == ["strike-1"]
    assert store.search("volcano") == []


def test_a_failed_batch_writes_nothing(store_url):
    store = Store(store_url)
    good = _extraction("a")
    broken = _extraction("b", text=TEXT + " More.")
    broken = Extraction(broken.article, events=(Event("COERCE", (0, 6), place=5),))  # no place 5
    with pytest.raises(IndexError):
        store.add_batch([(good, StoryAssignment("a", "s1")), (broken, StoryAssignment("b", "s1"))])
    assert store.count_articles() == 0


def test_gkg_export_has_one_clean_row_per_article(tmp_path):
    import io

    from storyline.store.export import GKG_COLUMNS, write_gkg

    store = Store(tmp_path / "g.db")
    ex = _extraction()
    ex = Extraction(ex.article, entities=ex.entities + (Entity("e3", "Anna; Lind", "PERSON", ((0, 6),)),),
                    attributions=(Attribution("direct", (_at("three protesters"),), _at("said"), None, None,
                                              "unnamed"),), places=ex.places)
    store.add_batch([(ex, StoryAssignment("strike-1", "s1"))])
    buf = io.StringIO()
    assert write_gkg(store.articles(), buf) == 1
    header, row = buf.getvalue().rstrip("\n").split("\n")
    cells = dict(zip(header.split("\t"), row.split("\t")))
    assert tuple(header.split("\t")) == GKG_COLUMNS and len(row.split("\t")) == len(GKG_COLUMNS)
    assert cells["V2.1DATE"] == "20240614" and cells["STORYLINE_STORY"] == "s1"
    assert cells["V1PERSONS"] == "Anna  Lind"  # delimiters never leak into a value
    assert cells["V1LOCATIONS"] == "Eastport#USA#1.0#2.0#123"
    assert cells["V2.1QUOTATIONS"] == f"{TEXT.index('three')}|16|said|three protesters"


def test_moves_refile_stored_articles_and_empty_stories_are_dropped(store_url):
    store = Store(store_url)
    a, b = _extraction("a"), _extraction("b", text=TEXT + " Later.")
    store.add_batch([(a, StoryAssignment("a", "s1")), (b, StoryAssignment("b", "s1"))],
                    stories={"s1": {"title": "Strike", "versions": [{"id": "a"}, {"id": "b"}]}})
    c = _extraction("c", text=TEXT + " Even later.")
    store.add_batch([(c, StoryAssignment("c", "s2"))], moves=[("b", "s1", "s2"), ("a", "s9", "s2")],
                    stories={"s1": {"title": "Strike", "versions": [{"id": "a"}]},
                             "s2": {"title": "Strike", "versions": [{"id": "b"}, {"id": "c"}]}})
    assert [r["id"] for r in store.articles(story="s2")] == ["b", "c"]
    assert [r["id"] for r in store.articles(story="s1")] == ["a"]  # a move from the wrong story is ignored
    assert [r["id"] for r in store.articles(story=["s1", "s2"])] == ["a", "b", "c"]
    assert store.article("b")["story"] == "s2"  # the contract record follows the column
    assert {q["story"] for q in store.quotes()} == {"s1", "s2"}
    store.add_batch([], moves=[("a", "s1", "s2")], stories={"s1": None})
    assert {s["id"] for s in store.stories()} == {"s2"} and store.story("s1") is None
