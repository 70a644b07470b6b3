"""Streaming story clustering: rewrites join, other events split, bad input never crashes."""
from __future__ import annotations

import datetime as dt

import pytest

from storyline.records import Article, Entity, Extraction
from storyline.stories import ClusterConfig, StoryClusterer, batch_cluster, cluster

D = dt.date(2024, 3, 4)

QUAKE_1 = ("A magnitude 6.4 earthquake struck the coastal province of Valmora early on Monday, "
           "killing at least 31 people and flattening houses in the port town of Essa, the "
           "civil protection agency said. Rescuers in Essa were searching the rubble.")
QUAKE_2 = ("At least 31 people died when a 6.4-magnitude quake hit Valmora province on Monday. "
           "Houses collapsed across Essa, a port town, and rescue teams dug through rubble, "
           "according to the civil protection agency.")
QUAKE_OTHER = ("A magnitude 5.1 earthquake shook the mountain region of Tarsk on Friday, cracking "
               "walls in the village of Orrin; no one was hurt, the geological survey reported.")
FOOTBALL = ("Lindqvist scored twice as Northgate beat Southport 3-1 in the cup final on Saturday, "
            "lifting the trophy for the first time in forty years before a crowd of 60,000.")


def ext(aid: str, text: str, published: dt.date | None = D, title: str | None = None,
        names: tuple[tuple[str, str], ...] = ()) -> Extraction:
    ents = []
    for i, (name, label) in enumerate(names, 1):
        at = text.find(name.split()[-1])
        ents.append(Entity(id=f"e{i}", name=name, type=label,
                           mentions=((at, at + len(name.split()[-1])),) if at >= 0 else ()))
    return Extraction(article=Article(id=aid, text=text, title=title, published=published),
                      entities=tuple(ents))


def cfg() -> ClusterConfig:
    return ClusterConfig(today=dt.date(2024, 6, 1))


@pytest.mark.parametrize("second, same_story", [
    (ext("b", QUAKE_2, D + dt.timedelta(days=1), names=(("Valmora", "GPE"), ("Essa", "GPE"))), True),
    (ext("b", QUAKE_1, D), True),                                             # exact copy
    (ext("b", QUAKE_OTHER, D, names=(("Tarsk", "GPE"), ("Orrin", "GPE"))), False),  # look-alike
    (ext("b", FOOTBALL, D, names=(("Lindqvist", "PERSON"),)), False),          # unrelated
    (ext("b", QUAKE_2, D + dt.timedelta(days=90)), False),                     # long after: retired
])
def test_second_article_joins_or_starts_a_story(second, same_story):
    cl = StoryClusterer(cfg())
    first = cl.add(ext("a", QUAKE_1, names=(("Valmora", "GPE"), ("Essa", "GPE"))))
    got = cl.add(second)
    assert (got.story == first.story) is same_story


def test_exact_copy_is_marked_duplicate_of_the_earlier_article():
    cl = StoryClusterer(cfg())
    cl.add(ext("a", QUAKE_1))
    got = cl.add(ext("b", QUAKE_1, title=None))
    assert got.duplicate_of == "a"
    assert cl.add(ext("c", QUAKE_2)).duplicate_of is None


@pytest.mark.parametrize("published, flag", [
    (dt.date(2031, 1, 1), "future_date"),
    (dt.date(1970, 1, 1), "absurd_date"),
    (None, None),
    (D, None),
])
def test_untrusted_dates_are_flagged_and_ignored(published, flag):
    cl = StoryClusterer(cfg())
    cl.add(ext("a", QUAKE_1, D))
    got = cl.add(ext("b", QUAKE_2, published))
    assert (flag in got.flags) if flag else not got.flags
    assert cl.clock == D  # an untrusted date never moves the stream clock
    assert got.story == "s1"  # and does not keep the rewrite out of its story


@pytest.mark.parametrize("text, title", [("", None), ("   \n ", "Breaking"), ("!!!", None)])
def test_articles_without_usable_text_do_not_crash(text, title):
    cl = StoryClusterer(cfg())
    cl.add(ext("a", QUAKE_1))
    got = cl.add(ext("b", text, None, title=title))
    assert got.article_id == "b" and got.story


# Two look-alike events (two ferry sinkings) told with the same background sentences: the
# first article of the second event joins the first event's story; once each side has a few
# articles the story splits in two and the moved articles are reported.
FERRY_SHARED = (
    "The ferry capsized in a storm and the coast guard led the rescue of passengers from the cold water.",
    "Survivors said the ferry listed sharply before it sank, and rescue boats pulled passengers from the water.",
    "Coast guard divers searched the sunken ferry while relatives of missing passengers waited at the pier.",
    "Officials said the ferry was overloaded with passengers when the storm hit and it capsized.",
)
FERRIES = {
    "A": ("Lake Morven", "Dunmere", "Ilse Harrow", "Brisa", (
        "The Brisa left Dunmere harbour on Lake Morven with 41 people aboard.",
        "Captain Ilse Harrow of the Brisa was questioned by police in Dunmere.",
        "Fishermen from Dunmere reached the Brisa first on Lake Morven.",
        "The owners of the Brisa in Dunmere said Captain Ilse Harrow had twenty years of experience.")),
    "B": ("Carran Strait", "Port Velis", "Tomas Okoro", "Tamsin Star", (
        "The Tamsin Star sailed from Port Velis across the Carran Strait carrying 212 passengers.",
        "Captain Tomas Okoro of the Tamsin Star was detained in Port Velis.",
        "Navy ships from Port Velis joined the search in the Carran Strait for the Tamsin Star.",
        "Port Velis authorities said the Tamsin Star was licensed for 150 passengers.")),
}


def ferry(event: str, i: int) -> Extraction:
    """Article ``i`` about ferry sinking ``event``: its own lead and details, shared background."""
    place, town, captain, boat, details = FERRIES[event]
    body = [f"A ferry, the {boat}, sank in the {place} near {town}, and Captain {captain} "
            f"survived, officials said.",
            FERRY_SHARED[i % 4], FERRY_SHARED[(i + 1) % 4],
            details[i % 4], details[(i + 1) % 4], details[(i + 2) % 4]]
    text = " ".join(body)
    ents = []
    for j, (name, label) in enumerate(((place, "LOC"), (town, "GPE"), (captain, "PERSON"),
                                       (boat, "PRODUCT")), 1):
        spans, at = [], text.find(name)
        while at >= 0:
            spans.append((at, at + len(name)))
            at = text.find(name, at + 1)
        ents.append(Entity(id=f"e{j}", name=name, type=label, mentions=tuple(spans)))
    return Extraction(article=Article(id=f"{event}{i}", text=text), entities=tuple(ents))


def _replay(items):
    """Feed ``items``; apply reported moves to what ``add`` returned; return the clusterer,
    the replayed partition and all moves."""
    cl = StoryClusterer(cfg())
    seen, moves = {}, []
    for e in items:
        a = cl.add(e)
        seen[a.article_id] = a.story
        for aid, old, new in cl.take_moves():
            assert seen[aid] == old and aid != a.article_id
            seen[aid] = new
            moves.append(aid)
        assert seen == {aid: cl.story_of[aid] for aid in seen}  # nothing moves unreported
    return cl, seen, moves


@pytest.mark.parametrize("items, moved", [
    ([ext("a", QUAKE_1), ext("b", FOOTBALL), ext("c", QUAKE_2), ext("d", QUAKE_OTHER)], False),
    ([ferry("A", i) for i in range(12)], False),                       # one event: never split
    ([ferry(ev, i) for i in range(6) for ev in "AB"], True),           # look-alikes interleaved
    ([ferry("A", 0), ferry("B", 0)] + [ferry(ev, i) for i in range(1, 6) for ev in "BA"], True),
])
def test_earlier_assignments_change_only_by_reported_moves(items, moved):
    _, _, moves = _replay(items)
    assert bool(moves) is moved


@pytest.mark.parametrize("items", [
    [ferry(ev, i) for i in range(6) for ev in "AB"],
    [ferry(ev, i) for i in range(6) for ev in "BA"],
    [ferry("A", 0), ferry("B", 0)] + [ferry(ev, i) for i in range(1, 6) for ev in "BA"],
])
def test_an_early_merge_of_look_alike_events_is_split(items):
    cl, seen, _ = _replay(items)
    by_event = {ev: {seen[e.article.id] for e in items if e.article.id[0] == ev} for ev in "AB"}
    assert len(by_event["A"]) == 1 and len(by_event["B"]) == 1
    assert by_event["A"] != by_event["B"]
    for sid in by_event["A"] | by_event["B"]:  # story profiles agree with the partition
        assert cl.stories[sid].size == sum(1 for s in seen.values() if s == sid)
    later = ferry("B", 7)  # a later article of the split-off event joins its story
    assert cl.add(later).story == by_event["B"].pop()


def test_splits_can_be_turned_off():
    cl = StoryClusterer(ClusterConfig(today=dt.date(2024, 6, 1), split_threshold=0.0))
    stories = {cl.add(ferry(ev, i)).story for i in range(6) for ev in "AB"}
    assert len(stories) == 1 and not cl.take_moves()


def test_retired_stories_leave_the_candidate_index():
    cl = StoryClusterer(ClusterConfig(today=dt.date(2024, 6, 1), window_days=10))
    cl.add(ext("a", QUAKE_1, D))
    assert cl.state.postings and cl.live_stories == 1
    cl.add(ext("b", FOOTBALL, D + dt.timedelta(days=30)))
    assert cl.live_stories == 1
    assert not any("s1" in p for p in cl.state.postings.values())


def test_stories_retire_after_a_window_of_arrivals_when_undated():
    cl = StoryClusterer(ClusterConfig(today=dt.date(2024, 6, 1), window_articles=2))
    cl.add(ext("a", QUAKE_1, None))
    cl.add(ext("b", FOOTBALL, None))
    cl.add(ext("c", QUAKE_OTHER, None))
    cl.add(ext("d", "An unrelated note about library opening hours in winter.", None))
    assert not cl.stories["s1"].live


def test_cluster_convenience_and_batch_mode_agree_on_simple_input():
    items = [ext("a", QUAKE_1), ext("b", FOOTBALL), ext("c", QUAKE_2)]
    stream = [a.story for a in cluster(items, config=cfg())]
    batch = [a.story for a in cluster(items, batch=True, config=cfg())]
    assert stream[0] == stream[2] != stream[1]
    assert batch[0] == batch[2] != batch[1]
    assert [a.article_id for a in batch_cluster(items, cfg())] == ["a", "b", "c"]


def test_ids_are_opaque():
    """Renaming every id changes nothing but the ids."""
    items = [ext("x1", QUAKE_1), ext("x2", FOOTBALL), ext("x3", QUAKE_2)]
    renamed = [ext(f"zz{i}", e.article.text) for i, e in enumerate(items)]
    a = [x.story for x in cluster(items, config=cfg())]
    b = [x.story for x in cluster(renamed, config=cfg())]
    assert a == b


def test_batch_mode_keeps_copies_with_their_original_and_covers_every_article():
    items = [ext("a", QUAKE_1), ext("b", FOOTBALL), ext("c", QUAKE_1), ext("d", QUAKE_OTHER),
             ext("e", "", None)]
    got = batch_cluster(items, cfg())
    assert [a.article_id for a in got] == ["a", "b", "c", "d", "e"]
    assert got[2].duplicate_of == "a" and got[2].story == got[0].story
    assert len({a.story for a in got}) == 4


@pytest.mark.parametrize("raw, date, flags", [
    ("2024-03-05", dt.date(2024, 3, 5), ()),
    ("2024-03-05T10:00:00Z", dt.date(2024, 3, 5), ()),
    ("yesterday", None, ("bad_date",)),
    (dt.datetime(2024, 3, 5, 23, 59), dt.date(2024, 3, 5), ()),
    (dt.date(2999, 1, 1), None, ("future_date",)),
])
def test_trusted_date(raw, date, flags):
    from storyline.stories.features import trusted_date

    assert trusted_date(raw, dt.date(2024, 6, 1)) == (date, flags)


def test_batch_mode_also_separates_look_alike_events():
    items = [ferry(ev, i) for i in range(6) for ev in "AB"]
    got = {a.article_id: a.story for a in batch_cluster(items, cfg())}
    assert len({got[e.article.id] for e in items if e.article.id[0] == "A"}) == 1
    assert {got[e.article.id] for e in items if e.article.id[0] == "A"}.isdisjoint(
        {got[e.article.id] for e in items if e.article.id[0] == "B"})


@pytest.mark.parametrize("n, remembered", [(3, 3), (32, 32), (45, 32)])
def test_a_story_remembers_a_bounded_number_of_members(n, remembered):
    cl = StoryClusterer(cfg())
    for i in range(n):
        cl.add(ferry("A", i))
    (story,) = [s for s in cl.stories.values() if s.size]
    assert story.size == n
    assert len(story.recent) == remembered
    assert len(story.sims) == remembered and all(len(r) == remembered for r in story.sims)


@pytest.mark.parametrize("text, numbers", [
    ("A 6.4 quake killed 31 people in 2013.", {"6.4", "31", "2013"}),
    ("The 76ers beat the Nets 101-99.", {"101", "99"}),       # '76ers' is a name
    ("No figures here.", set()),
])
def test_numbers_channel_reads_figures_not_names(text, numbers):
    from storyline.stories.features import article_features

    f = article_features(ext("a", text), today=dt.date(2024, 6, 1))
    assert set(f.numbers) == numbers


def test_cluster_gives_each_article_its_final_story_after_a_split():
    items = [ferry(ev, i) for i in range(6) for ev in "AB"]
    out = cluster(items, config=cfg())
    assert [a.article_id for a in out] == [e.article.id for e in items]
    by_event = {ev: {a.story for a in out if a.article_id[0] == ev} for ev in "AB"}
    assert len(by_event["A"]) == 1 and len(by_event["B"]) == 1 and by_event["A"] != by_event["B"]
