"""The bundled real-world sample: every required attribution found, no not_statement reported."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import storyline
from storyline.records import Article

NAME = "000_d82f11879fb1db06"
# the bundled copy, read at collection time to name one test per required attribution
_EXPECTED = Path(storyline.__file__).resolve().parent / "samples" / f"{NAME}.expected.json"


def _articles(path: Path) -> list[Article]:
    lines = path.read_text(encoding="utf-8").split("\n")
    # the first 4 lines are article 1; line 5 is the title of article 2, the rest its text
    return [
        Article(f"{NAME}.txt#1", "\n".join(lines[:4]).strip() + "\n"),
        Article(f"{NAME}.txt#2", "\n".join(lines[5:]).strip() + "\n", title=lines[4]),
    ]


@pytest.fixture(scope="module")
def extracted(shared_sample, sample_expected):
    from storyline.pipeline import extract

    return list(zip(extract(_articles(shared_sample)), sample_expected["articles"]))


def _chars(spans) -> set[int]:
    return {i for a, b in spans for i in range(a, b)}


def _find(ex, content: str):
    """The attribution whose content covers ``content`` with at most a few extra characters
    (quotation marks, a comma, "that ", "which")."""
    text = ex.article.text
    start = text.index(content)
    want = set(range(start, start + len(content)))
    for i, a in enumerate(ex.attributions):
        got = _chars(a.content)
        if len(want & got) >= 0.95 * len(want) and len(got - want) <= 8:
            return i, a
    return None, None


def _required():
    out = []
    expected = json.loads(_EXPECTED.read_text(encoding="utf-8"))
    for art in (0, 1):
        for req in expected["articles"][art]["attributions"]["required"]:
            out.append(pytest.param(art, req, id=f"{art + 1}:{req['content'][:30]}"))
    return out


@pytest.mark.parametrize("art, req", _required())
def test_sample_required_attribution_found(extracted, art, req):
    ex, _ = extracted[art]
    text = ex.article.text
    i, a = _find(ex, req["content"])
    assert a is not None, f"not found: {req['content']!r}"
    assert a.kind == req["kind"]
    assert a.cue is not None and text[a.cue[0]:a.cue[1]] == req["cue"]
    assert a.source is not None and text[a.source[0]:a.source[1]] == req["source"]
    names = {e.id: e.name for e in ex.entities}
    assert names.get(a.source_entity) == req.get("entity")
    assert a.source_type == req["source_type"]
    if "nested_in" in req:
        j, _ = _find_containing(ex, req["nested_in"])
        assert j is not None and a.nested_in == j
    else:
        assert a.nested_in is None


def _find_containing(ex, fragment: str):
    text = ex.article.text
    start = text.index(fragment)
    for i, a in enumerate(ex.attributions):
        if any(x <= start < y for x, y in a.content):
            return i, a
    return None, None


def test_sample_not_statements_not_reported(extracted):
    for ex, exp in extracted:
        text = ex.article.text + "\n" + (ex.article.title or "")
        for phrase in exp["attributions"]["not_statements"]:
            if phrase not in ex.article.text:
                continue  # a title is not part of the text: nothing can be reported there
            start = ex.article.text.index(phrase)
            span = set(range(start, start + len(phrase)))
            for a in ex.attributions:
                assert len(_chars(a.content) & span) < 0.5 * len(span), (phrase, a)
        assert text  # the title never enters the text
