"""Publication dates given by users and feeds: ISO days, ISO datetimes, RFC 822 feed dates."""
from __future__ import annotations

import datetime as dt
import re
import time
from email.utils import parsedate_to_datetime

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def parse_published(value: str | dt.date | None) -> dt.date | None:
    """A publication date as a day, or ValueError with a readable message."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    value = value.strip()
    m = _ISO_DAY.match(value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    else:
        try:
            return parsedate_to_datetime(value).date()
        except (TypeError, ValueError, IndexError):
            pass
    raise ValueError(f"publication date {value!r} is not YYYY-MM-DD")


def from_struct_time(t: time.struct_time | None) -> dt.date | None:
    return dt.date(t.tm_year, t.tm_mon, t.tm_mday) if t else None
