"""Counts: value, qualifier, object and type; and the numbers that are not counts of things."""
from __future__ import annotations

import pytest

from storyline.extract.counts import extract_counts, parse_number


def _counts(nlp, text):
    doc = nlp(text)
    return [(c.value, c.qualifier, c.object, c.type, text[c.span[0]:c.span[1]])
            for c in extract_counts(doc)]


@pytest.mark.parametrize("text, value, qualifier, obj, ctype", [
    ("Air defences shot down more than 200 Ukrainian drones overnight.", 200, "more_than",
     "Ukrainian drones", "shot_down"),
    ("The army said it had intercepted five ballistic missiles.", 5, "exact", "ballistic missiles",
     "shot_down"),
    ("The bombing killed at least 156 people.", 156, "at_least", "people", "killed"),
    ("Dozens of people were wounded in the blast.", 12, "at_least", "people", "wounded"),
    ("Between 10 and 20 protesters were arrested.", 10, "range", "protesters", "arrested"),
    ("Police detained about 300 demonstrators.", 300, "about", "demonstrators", "arrested"),
    ("Up to 1,500 residents fled the fighting.", 1500, "at_most", "residents", "displaced"),
    ("Gunmen kidnapped 12 schoolchildren.", 12, "exact", "schoolchildren", "kidnapped"),
    ("Tens of thousands of workers marched in Paris.", 10000, "at_least", "workers", "protesters"),
    ("Some 1.5 million people have been displaced.", 1500000, "about", "people", "displaced"),
    ("Fewer than 40 soldiers survived.", 40, "less_than", "soldiers", None),
    ("A journalist was killed in the shelling.", 1, "exact", "journalist", "killed"),
    ("Nearly two dozen civilians died in the shelling.", 24, "about", "civilians", "killed"),
    ("At least 40 people were killed and more than 100 injured.", 100, "more_than", "", "wounded"),
    ("The death toll rose to 56.", 56, "exact", "", "killed"),
    ("Hundreds of thousands marched in Paris.", 100000, "at_least", "", "protesters"),
    ("Last year 1,200 migrants drowned at sea.", 1200, "exact", "migrants", "killed"),
    ("Twenty-nine people were injured tonight.", 29, "exact", "people", "wounded"),
])
def test_count(nlp, text, value, qualifier, obj, ctype):
    got = _counts(nlp, text)
    assert any(g[:4] == (value, qualifier, obj, ctype) for g in got), got


@pytest.mark.parametrize("text", [
    "As the war approaches its third anniversary, talks resumed.",
    "Macron raised the idea last year.",
    "The law was passed in 1998 and amended in 2014.",
    "Prices rose 12 percent in March.",
    "The deal is worth $50 million.",
    "The company paid 3,000 euros in fines.",
    "The convoy travelled 40 km in 3 hours.",
    "Workers held a 24-hour strike.",
    "Smith, 45, was elected on Tuesday.",
    "No one was hurt; one of them called the police.",
    "The meeting starts at 10 a.m. on 5 May.",
    "Officials shipped 25,000 tons of grain.",
    "The two-term senator spoke first.",
    "One option was a seat on the board.",
    "The 12-year-old boy was among the victims.",
    "He paid 50,000 dollars for the car.",
    "Turnout was 65 percent, up from 58 in 2020.",
    "The ceasefire held for 48 hours.",
    "A 911 caller told the dispatcher about the car.",
    "Nearly eight of 10 voters say they will watch.",
])
def test_not_a_count(nlp, text):
    assert _counts(nlp, text) == []


def test_count_span_is_the_phrase(nlp):
    text = "Moscow's defenses have shot down more than 200 Ukrainian drones."
    got = _counts(nlp, text)
    assert got and got[0][4] == "more than 200 Ukrainian drones"


@pytest.mark.parametrize("words, value", [
    (["200"], 200), (["1,500"], 1500), (["1.5", "million"], 1500000), (["five"], 5),
    (["twenty-five"], 25), (["two", "hundred"], 200), (["three", "thousand"], 3000),
    (["dozen"], 12), (["many"], None), (["million"], None),
])
def test_parse_number(words, value):
    assert parse_number(words) == value
