"""PLOVER events. PENDING: issue 5 fills this in."""
from __future__ import annotations

from spacy.tokens import Doc

from storyline.records import DateValue, Entity, Event, Place


def extract_events(doc: Doc, entities: list[Entity], places: list[Place],
                   dates: list[DateValue]) -> list[Event]:
    return []
