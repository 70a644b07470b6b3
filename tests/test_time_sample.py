"""The bundled real-world sample: dates resolved against the publication date, or left open."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storyline.records import Article

SAMPLE = "000_d82f11879fb1db06.txt"


def _sample_path() -> Path:
    return Path(__file__).resolve().parents[1] / "src" / "storyline" / "samples" / SAMPLE  # bundled copy


def _articles(published: dt.date | None) -> list[Article]:
    """Article records built by hand: lines 1-4 are article 1; line 5 is article 2's title."""
    lines = _sample_path().read_text(encoding="utf-8").split("\n")
    first = Article(id=f"{SAMPLE}#1", text="\n".join(lines[:4]), published=published)
    second = Article(id=f"{SAMPLE}#2", title=lines[4], text="\n".join(lines[5:]).strip(), published=published)
    return [first, second]


@pytest.fixture(scope="module")
def extracted(nlp):
    from storyline.pipeline import extract

    return {pub: list(extract(_articles(pub))) for pub in (dt.date(2025, 2, 18), None)}


def _dates(extraction) -> dict[str, str | None]:
    return {d.text: d.value for d in extraction.dates}


@pytest.mark.parametrize("article, text, value", [
    (0, "on Monday", "2025-02-17"),
    (0, "last year", "2024"),
    (0, "during the night", "2025-02-17TNI"),
    (1, "last week", "2025-W07"),
])
def test_sample_dates_resolve_against_publication_date(extracted, article, text, value):
    assert _dates(extracted[dt.date(2025, 2, 18)][article])[text] == value


def test_sample_dates_text_is_the_characters_at_span(extracted):
    for ex in extracted[dt.date(2025, 2, 18)]:
        for d in ex.dates:
            assert ex.article.text[d.span[0]:d.span[1]] == d.text


def test_sample_evening_speech_and_unanchored_anniversary_are_not_dates(extracted):
    texts = [d.text for ex in extracted[dt.date(2025, 2, 18)] for d in ex.dates]
    assert not any("evening" in t or "anniversary" in t for t in texts)


def test_sample_dates_stay_unresolved_and_relative_without_publication_date(extracted):
    dates = [d for ex in extracted[None] for d in ex.dates]
    assert {d.text for d in dates} >= {"on Monday", "last year", "during the night", "last week"}
    assert all(d.value is None and d.relative for d in dates)
