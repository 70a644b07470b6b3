"""Counts of people and things, GDELT-style: value, qualifier, what is counted and what
happened to it.

"more than 200 Ukrainian drones" → 200, more_than, "Ukrainian drones", shot_down (from "have
shot down"); "five American-made ATACMS ballistic missiles" → 5, exact; "dozens of people" →
12, at_least; "between 10 and 20 protesters" → range (value is the lower bound). Years, dates,
times, ages, money, percentages, measures ("25,000 tons", "a 24-hour strike") and ordinals
("the third anniversary") are not counts of things.

Reads a parsed spaCy ``Doc`` (tags, dependency parse, entities); returns
``storyline.records.Count`` records (span, value, qualifier, what is counted, count type). The
words it looks for are the language's count lexicon (``storyline/lexicons/en/counts.toml``).

    words.py    the lexicon entries in use, bound once
    numbers.py  the value of a number and the qualifier before it
    types.py    what happened to the counted
    extract.py  extract_counts: candidates, exclusions, records
"""
from storyline.extract.counts.extract import extract_counts
from storyline.extract.counts.numbers import parse_number

__all__ = ["extract_counts", "parse_number"]
