"""spaCy DATE/TIME entities that no pattern covers, resolved by dateparser once per distinct text."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from storyline.extract.time import values as V
from storyline.extract.time.blocks import MA_NODOT, MF, case_rx, nocase_rx
from storyline.extract.time.context import Result


# ---------------------------------------------------------------- spaCy entities no rule covers
ENTITY_HINT = case_rx(rf"\b(?:{MF}|{MA_NODOT})\b|\b(?:1[5-9]|20)\d\d\b|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}")
DURATION = nocase_rx(r"\b(?:years?|months?|weeks?|days?|hours?|decades?)\b(?!\s+(?:ago|earlier|later|before|after))|\bold\b|\bage")


@lru_cache(maxsize=4096)
def resolve_entity_text(text: str, published: dt.date | None) -> Result | None:
    """A DATE/TIME entity the patterns did not cover: dateparser, once per distinct text."""
    if not ENTITY_HINT.search(text) or DURATION.search(text):
        return None
    has_year = bool(re.search(r"\b(?:1[5-9]|20)\d\d\b", text))
    base = dt.datetime.combine(published or dt.date(2000, 1, 1), dt.time(12))
    try:
        data = parser(base, has_year).get_date_data(text)
    except (ValueError, TypeError, OverflowError, AttributeError):  # odd inputs: the entity is skipped
        return None
    if data is None or data.date_obj is None:
        return None
    if published is None and not has_year:
        return None, True
    d = data.date_obj.date()
    period = data.period or "day"
    value = {"year": V.year(d.year), "month": V.month(d.year, d.month), "week": V.week(d)}.get(period, V.day(d))
    return value, not has_year


@lru_cache(maxsize=64)
def parser(base: dt.datetime, has_year: bool):
    """One DateDataParser per publication date: RELATIVE_BASE, past preferred, strict parts."""
    from dateparser.date import DateDataParser

    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "STRICT_PARSING": False,
                "RETURN_TIME_AS_PERIOD": True, "REQUIRE_PARTS": ["year"] if has_year else []}
    return DateDataParser(languages=["en"], settings=settings)
