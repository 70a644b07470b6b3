"""Temporal expressions normalised to TimeML values. PENDING: issue 6 fills this in."""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from storyline.records import DateValue


def extract_dates(doc: Doc, published: dt.date | None) -> list[DateValue]:
    return []
