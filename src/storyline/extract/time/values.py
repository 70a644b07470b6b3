"""TimeML DATE values and the calendar arithmetic behind them (no parsing here)."""
from __future__ import annotations

import datetime as dt

ONE_DAY = dt.timedelta(days=1)


def day(d: dt.date, part: str | None = None) -> str:
    return d.isoformat() + (f"T{part}" if part else "")


def week(d: dt.date, weekend: bool = False) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}" + ("-WE" if weekend else "")


def month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def year(y: int) -> str:
    return f"{y:04d}"


def quarter(y: int, q: int) -> str:
    return f"{y:04d}-Q{q}"


def half(y: int, h: int) -> str:
    return f"{y:04d}-H{h}"


def season(y: int, s: str) -> str:
    return f"{y:04d}-{s}"


def decade(y: int) -> str:
    return f"{y // 10:03d}"


def century(c: int) -> str:
    """``c`` as written ("the 19th century" → 19) → the TimeML century value "18"."""
    return f"{c - 1:02d}"


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def weekday_near(anchor: dt.date, wd: int, direction: str | None, strict: bool = False) -> dt.date:
    """The date with weekday ``wd`` nearest ``anchor`` in ``direction`` ("past" default, "future").

    Not strict: the anchor itself counts ("on Monday" in a report dated Monday is that day).
    """
    if direction == "future":
        delta = (wd - anchor.weekday()) % 7
        if strict and delta == 0:
            delta = 7
        return anchor + dt.timedelta(days=delta)
    delta = (anchor.weekday() - wd) % 7
    if strict and delta == 0:
        delta = 7
    return anchor - dt.timedelta(days=delta)


def month_near(anchor: dt.date, m: int, direction: str | None) -> tuple[int, int]:
    """Year for a bare month: most recent (past), next (future) or the nearest (unknown)."""
    y = anchor.year
    if direction == "past":
        return (y, m) if m <= anchor.month else (y - 1, m)
    if direction == "future":
        return (y, m) if m >= anchor.month else (y + 1, m)
    best = min((y - 1, y, y + 1), key=lambda yy: (abs((yy - y) * 12 + m - anchor.month), yy > y))
    return best, m


def month_day_near(anchor: dt.date, m: int, d: int, direction: str | None) -> dt.date | None:
    """Year for "June 15": most recent (past), next (future), or the nearest (unknown)."""
    cands = [c for c in (safe_date(yy, m, d) for yy in (anchor.year - 1, anchor.year, anchor.year + 1)) if c]
    if not cands:
        return None
    if direction == "past":
        past = [c for c in cands if c <= anchor]
        return max(past) if past else min(cands)
    if direction == "future":
        fut = [c for c in cands if c >= anchor]
        return min(fut) if fut else max(cands)
    return min(cands, key=lambda c: (abs((c - anchor).days), c > anchor))


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def quarter_near(anchor: dt.date, q: int, direction: str | None) -> tuple[int, int]:
    """Year for a bare quarter: the latest begun (past), the next not ended (future), else the nearest."""
    cur = quarter_of(anchor)
    if direction == "future":
        return (anchor.year, q) if q >= cur else (anchor.year + 1, q)
    if direction == "past":
        return (anchor.year, q) if q <= cur else (anchor.year - 1, q)
    best = min((anchor.year - 1, anchor.year, anchor.year + 1),
               key=lambda y: (abs((y - anchor.year) * 4 + q - cur), y > anchor.year))
    return best, q


_SEASON_ORDER = ("SP", "SU", "FA", "WI")
_SEASON_OF_MONTH = {1: -1, 2: -1, 3: 0, 4: 0, 5: 0, 6: 1, 7: 1, 8: 1, 9: 2, 10: 2, 11: 2, 12: 3}


def season_near(anchor: dt.date, s: str, direction: str | None, strict: bool = False) -> tuple[int, str]:
    """Year for a season: the latest one begun (past), the next not ended (future), else the nearest.

    Winter carries the year of its December; January and February belong to last year's.
    ``strict`` leaves out the current season ("last summer" in July is a year back).
    """
    k = _SEASON_OF_MONTH[anchor.month]
    cur = anchor.year * 4 + (k if k >= 0 else -1)
    target = _SEASON_ORDER.index(s)
    cands = [y * 4 + target for y in (anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1)]
    if direction == "past":
        pick = max(c for c in cands if (c < cur if strict else c <= cur))
    elif direction == "future":
        pick = min(c for c in cands if (c > cur if strict else c >= cur))
    else:
        pick = min(cands, key=lambda c: (abs(c - cur), c > cur))
    return pick // 4, _SEASON_ORDER[pick % 4]
