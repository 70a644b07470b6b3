"""Toponyms geocoded offline. PENDING: issue 6 fills this in."""
from __future__ import annotations

from spacy.tokens import Doc

from storyline.records import Entity, Place


def extract_places(doc: Doc, entities: list[Entity]) -> list[Place]:
    return []
