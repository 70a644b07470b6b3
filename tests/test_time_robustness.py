"""Any text: no crash, spans index the text, values follow the contract grammar, no overlaps."""
from __future__ import annotations

import datetime as dt

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.evaluation.dates import is_contract_value
from storyline.extract.time import extract_dates

WORDS = ["on", "Monday", "last", "week", "March", "May", "3,", "2021", "the", "1990s", "'70s", "early",
         "mid-", "during", "night", "overnight", "today", "yesterday", "now", "recently", "Q3", "quarter",
         "third", "half", "of", "spring", "fall", "this", "year", "ago", "two", "days", "anniversary",
         "Christmas", "Eve", "the day before", "12/31/99", "18.02.2025", "-", ",", ".", "\n", "'", "’",
         "century", "19th", "weekend", "next", "will", "said", "in", "since", "2014-2016"]


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(WORDS), max_size=30),
       published=st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2090, 12, 31))))
def test_any_text_gives_well_formed_dates(blank, words, published):
    text = " ".join(words)
    out = extract_dates(blank(text), published)
    spans = sorted(d.span for d in out)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    for d in out:
        assert text[d.span[0]:d.span[1]] == d.text
        assert d.value is None or is_contract_value(d.value), d
        if published is None and d.relative:
            assert d.value is None


def test_empty_text(blank):
    assert extract_dates(blank(""), dt.date(2025, 2, 18)) == []
