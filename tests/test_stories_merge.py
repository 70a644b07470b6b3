"""Merged story records: facts folded across versions with provenance, additions, conflicts."""
from __future__ import annotations

import datetime as dt
import pytest

from storyline.records import Article, Attribution, Count, Entity, Extraction
from storyline.stories import StoryClusterer
from storyline.stories.merge import merge_story, render_story

@pytest.fixture(scope="module")
def sample_extractions(nlp, shared_sample):
    from storyline.pipeline import extract

    lines = shared_sample.read_text("utf-8").split("\n")
    pub = dt.date(2025, 2, 18)
    a1 = Article(id="sample#1", text="\n".join(lines[:4]), published=pub)
    a2 = Article(id="sample#2", text="\n".join(lines[5:]).strip(), title=lines[4].strip(),
                 published=pub)
    return list(extract([a1, a2]))


def test_sample_versions_form_one_story(sample_extractions):
    cl = StoryClusterer()
    stories = {cl.add(e).story for e in sample_extractions}
    assert len(stories) == 1


def test_sample_merge_lists_each_quote_and_count_once(sample_extractions):
    story = merge_story("s1", sample_extractions)
    quotes = [f for f in story.facts if f.kind == "attribution"]
    talked = [f for f in quotes if "deployment of contingents" in f.text]
    assert len(talked) == 1, [f.text for f in quotes]
    assert set(talked[0].article_ids) == {"sample#1", "sample#2"}
    funding = [f for f in quotes if "funding for the acquisition" in f.text
               and dict(f.detail)["speaker"] == "volodymyr zelensky"]
    assert len(funding) == 1 and set(funding[0].article_ids) == {"sample#1", "sample#2"}
    counts = [f for f in story.facts if f.kind == "count"]
    texts = sorted(f.text for f in counts)
    assert len(texts) == len(set(texts))
    drones = [f for f in counts if "drones" in f.text]
    assert len(drones) == 1 and drones[0].article_ids == ("sample#1",)
    # the spans point at the quoted words in each article
    for s in talked[0].support:
        text = next(e.article.text for e in sample_extractions if e.article.id == s.article_id)
        assert any("deployment of contingents" in text[a:b] for a, b in s.spans)


def test_sample_merge_says_what_each_version_adds(sample_extractions):
    story = merge_story("s1", sample_extractions)
    v1, v2 = story.versions
    adds1 = " ".join(story.facts[i].text for i in v1.adds)
    adds2 = " ".join(story.facts[i].text for i in v2.adds)
    assert "drones" in adds1 and "drones" not in adds2
    assert "Contact Group" in adds2 and "Contact Group" not in adds1
    assert story.title.startswith("Zelensky Discusses")
    assert story.start == story.end == dt.date(2025, 2, 18)
    assert all(s.article_id in {"sample#1", "sample#2"} for s in story.summary)
    text = render_story(story)
    assert "sample#1, sample#2" in text and "Contact Group" in text
    d = story.to_dict()
    assert d["versions"][0]["article_id"] == "sample#1" and d["facts"]


def _count_ext(aid: str, text: str, value: int, qualifier: str, src: str = "wire") -> Extraction:
    start = text.index(str(value))
    return Extraction(
        article=Article(id=aid, text=text, published=dt.date(2025, 2, 18), source=src),
        counts=(Count(value=value, qualifier=qualifier, object="Ukrainian drones",
                      span=(start - (10 if qualifier == "more_than" else 0), start + len(str(value)) + 17),
                      type="shot_down"),))


@pytest.mark.parametrize("second, conflict", [
    (("b", "Air defences shot down 180 Ukrainian drones overnight.", 180, "exact"), True),
    (("b", "Air defences shot down more than 200 Ukrainian drones overnight.", 200, "more_than"), False),
])
def test_conflicting_figures_are_flagged(second, conflict):
    first = _count_ext("a", "Air defences shot down more than 200 Ukrainian drones overnight.", 200,
                       "more_than")
    story = merge_story("s", [first, _count_ext(*second)])
    counts = [f for f in story.facts if f.kind == "count"]
    assert bool(story.conflicts) is conflict
    assert len(counts) == (2 if conflict else 1)
    if conflict:
        assert set(story.conflicts[0].values) == {"more than 200", "180"}
        assert "vs" in render_story(story)


def test_speakers_keep_different_quotes_apart():
    t1 = 'Smith said "the dam will hold until spring".'
    t2 = 'Jones said "the dam will hold until spring".'

    def e(aid, text, name):
        at = text.index(name)
        q = text.index('"') + 1
        return Extraction(
            article=Article(id=aid, text=text),
            entities=(Entity("e1", name, "PERSON", ((at, at + len(name)),)),),
            attributions=(Attribution("direct", ((q, text.rindex('"')),), None, (at, at + len(name)),
                                      "e1", "person"),))

    story = merge_story("s", [e("a", t1, "Smith"), e("b", t2, "Jones")])
    assert len([f for f in story.facts if f.kind == "attribution"]) == 2


@pytest.mark.parametrize("published", [None, dt.date(2099, 1, 1), dt.date(1970, 1, 1)])
def test_merge_survives_bare_versions_and_untrusted_dates(published):
    exts = [Extraction(article=Article(id="a", text="", published=published)),
            Extraction(article=Article(id="b", text="Short note.", published=None))]
    story = merge_story("s", exts)
    assert story.start is None and len(story.versions) == 2
    assert render_story(story)
    if published and published.year == 2099:
        assert "future_date" in story.flags


@pytest.mark.parametrize("name, source_text, shown, hidden", [
    ("Volodymyr Zelensky", "Volodymyr Zelensky", "— Volodymyr Zelensky", "volodymyr zelensky"),
    (None, "Russian media", "— Russian media", "russian media"),
])
def test_render_prints_names_as_written(name, source_text, shown, hidden):
    text = f'{source_text} said "the talks will resume in March".'
    q = text.index('"') + 1
    ents = (Entity("e1", name, "PERSON", ((0, len(name)),)),) if name else ()
    ext = Extraction(article=Article(id="a", text=text), entities=ents,
                     attributions=(Attribution("direct", ((q, text.rindex('"')),), None,
                                               (0, len(source_text)), "e1" if name else None,
                                               "person"),))
    story = merge_story("s", [ext])
    out = render_story(story)
    assert shown in out and hidden not in out
    fact = next(f for f in story.facts if f.kind == "attribution")
    assert dict(fact.detail)["speaker"] == hidden  # the key stays internal and folded
