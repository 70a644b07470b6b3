"""Attributions (quotes, indirect speech, sourced claims). PENDING: issue 3 fills this in."""
from __future__ import annotations

from spacy.tokens import Doc

from storyline.records import Attribution, Entity


def extract_attributions(doc: Doc, entities: list[Entity]) -> list[Attribution]:
    return []
