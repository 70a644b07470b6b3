"""Counts of people and things. PENDING: issue 5 fills this in."""
from __future__ import annotations

from spacy.tokens import Doc

from storyline.records import Count


def extract_counts(doc: Doc) -> list[Count]:
    return []
