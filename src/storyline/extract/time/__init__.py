"""Dates: temporal expressions normalised to TimeML DATE values.

Reads a parsed spaCy ``Doc`` (its text, sentences, tags and DATE/TIME entities) and the
article's publication date; returns ``storyline.records.DateValue`` records (span, TimeML value,
whether it is relative to the publication date). The words it looks for are the language's date
lexicon (``storyline/lexicons/en/dates.toml``).

    words.py     the lexicon entries in use, bound once
    values.py    TimeML values and the calendar arithmetic behind them
    context.py   per-document state: the anchor, the last day named, clause tense
    scanning.py  how a pattern is scanned and widened (Hit, Rule)
    blocks.py    regular-expression building blocks
    absolute.py  rules for calendar expressions ("March 3, 2021", "Q2", "the 1990s")
    relative.py  rules read against the publication date ("on Monday", "two years ago")
    patterns.py  the pattern table: each compiled pattern with its rule
    entities.py  spaCy entities no pattern covers, through dateparser
    extract.py   extract_dates: candidates, overlaps settled, values normalised
"""
from storyline.extract.time.entities import resolve_entity_text
from storyline.extract.time.extract import extract_dates

__all__ = ["extract_dates", "resolve_entity_text"]
