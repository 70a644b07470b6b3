"""Rules for calendar expressions, normalised to TimeML DATE values: ISO and numeric dates, month
and day, months, years, quarters, halves, seasons, decades, centuries, holidays.
"""
from __future__ import annotations

import datetime as dt
import re

from storyline.extract.time import values as V
from storyline.extract.time.words import (
    COUNT_NOUNS, DECADE_WORDS, HOLIDAYS, MONTH_GUARD, MONTH_NUMBERS, MONTH_PREP, ORD, POSSESSIVE,
    SEASON_CODES, SEASON_PREP, WEEKDAY_NUMBERS, YEAR_PREP,
)


def month_of(m: re.Match) -> int:
    return MONTH_NUMBERS[m.group("mon").lower().rstrip(".")]


def year2(yy: int, anchor: dt.date | None) -> int:
    """A two-digit year: the century that puts it nearest the anchor (or today)."""
    ref = (anchor or dt.date.today()).year
    cands = [c * 100 + yy for c in (ref // 100 - 1, ref // 100, ref // 100 + 1)]
    near = [y for y in cands if y <= ref + 10] or cands
    return max(near)


def rel_year(rel: str, anchor: dt.date) -> int:
    rel = " ".join(rel.lower().split())
    if rel in ("last", "the previous", "the past"):
        return anchor.year - 1
    if rel in ("next", "the following", "the coming"):
        return anchor.year + 1
    return anchor.year


# ---------------------------------------------------------------- rules
def r_iso(m, ctx, s, e):
    d = V.safe_date(int(m.group("year")), int(m.group("m")), int(m.group("d")))
    return (V.day(d), False) if d else None


def r_numeric(m, ctx, s, e):
    a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
    yy = int(y) if len(y) == 4 else year2(int(y), ctx.published)
    mo, d = (a, b) if a <= 12 else (b, a)
    date = V.safe_date(yy, mo, d)
    return (V.day(date), False) if date else None


def r_mdy(m, ctx, s, e):
    d = V.safe_date(int(m.group("year")), month_of(m), int(m.group("day")))
    return (V.day(d), False) if d else None


def r_month_year(m, ctx, s, e):
    return V.month(int(m.group("year")), month_of(m)), False


def r_month_rel_year(m, ctx, s, e):
    if ctx.published is None:
        return None, True
    return V.month(rel_year(m.group("rel"), ctx.published), month_of(m)), True


def r_md_rel_year(m, ctx, s, e):
    if ctx.published is None:
        return None, True
    d = V.safe_date(rel_year(m.group("rel"), ctx.published), month_of(m), int(m.group("day")))
    return (V.day(d), True) if d else None


NAME_ENTS = frozenset({"ORG", "FAC", "PRODUCT"})


def r_month_day(m, ctx, s, e):
    span = ctx.span(s, e)
    if span is not None and len(span) and span[0].ent_type_ in NAME_ENTS and span[-1].ent_type_ in NAME_ENTS:
        return None  # a date inside a name
    if span is not None and len(span) and ctx.prev_word(s) == "the" and span[-1].i + 1 < len(ctx.doc):
        nxt = ctx.doc[span[-1].i + 1]
        if nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.lower_ not in MONTH_NUMBERS and nxt.lower_ not in WEEKDAY_NUMBERS:
            return None  # "the 17 February Brigade", "the 6 April Youth Movement"
    if ctx.published is None:
        return None, True
    d = V.month_day_near(ctx.published, month_of(m), int(m.group("day")), ctx.direction(s, e))
    return (V.day(d), True) if d else None


def r_month(m, ctx, s, e):
    mon = m.group("mon")
    rel = m.group("rel")
    if ctx.prev_word(m.start("mon")).isdigit():
        return None  # the rest of a day-month the month-day rule turned down ("the 17 February Brigade")
    if mon.lower() in MONTH_GUARD and not rel and not m.group("mod"):
        if ctx.prev_word(s) not in MONTH_PREP:
            return None
    if ctx.published is None:
        return None, True
    mo = month_of(m)
    p = ctx.published
    if rel:
        r = rel.lower()
        if r in ("last", "past"):
            y = p.year if mo < p.month else p.year - 1
        elif r in ("next", "coming"):
            y = p.year if mo > p.month else p.year + 1
        else:
            y = p.year
        return V.month(y, mo), True
    y, mo = V.month_near(p, mo, ctx.direction(s, e))
    return V.month(y, mo), True


def r_holiday(m, ctx, s, e):
    key = " ".join(m.group(0).lower().split())
    year = m.groupdict().get("year")
    if key.startswith("thanksgiving"):
        def thanksgiving(y: int) -> dt.date:
            first = dt.date(y, 11, 1)
            return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
        if year:
            return V.day(thanksgiving(int(year))), False
        if ctx.published is None:
            return None, True
        p = ctx.published
        cands = [thanksgiving(y) for y in (p.year - 1, p.year, p.year + 1)]
        direction = ctx.direction(s, e)
        if direction == "future":
            d = min(c for c in cands if c >= p)
        elif direction == "past":
            d = max(c for c in cands if c <= p)
        else:
            d = min(cands, key=lambda c: abs((c - p).days))
        return V.day(d), True
    key = re.sub(r",?\s+(?:of\s+)?\d{4}$", "", key)
    mo, d = HOLIDAYS[key]
    if year:
        return V.day(dt.date(int(year), mo, d)), False
    if ctx.published is None:
        return None, True
    date = V.month_day_near(ctx.published, mo, d, ctx.direction(s, e))
    return (V.day(date), True) if date else None


def ordinal(word: str) -> int:
    return ORD[word.lower()]


def r_quarter(m, ctx, s, e):
    g = m.groupdict()
    q = int(g["q"]) if g.get("q") else ordinal(g["ord"])
    if q == -1:
        q = 4
    if not 1 <= q <= 4:
        return None
    if m.group("year"):
        return V.quarter(int(m.group("year")), q), False
    if m.groupdict().get("yy"):
        return V.quarter(year2(int(m.group("yy")), ctx.published), q), False
    if ctx.published is None:
        return None, True
    if g.get("rel"):
        return V.quarter(rel_year(g["rel"], ctx.published), q), True
    y, q = V.quarter_near(ctx.published, q, ctx.direction(s, e))
    return V.quarter(y, q), True


def r_half(m, ctx, s, e):
    o = m.group("ord").lower()
    h = 1 if o in ("first", "1st") else 2
    if m.group("year"):
        return V.half(int(m.group("year")), h), False
    if not m.group("rel") and not m.group("ofyear"):
        span = ctx.span(s, e)
        if span is None or not any(t.ent_type_ == "DATE" for t in span):
            return None
    if ctx.published is None:
        return None, True
    p = ctx.published
    if m.group("rel"):
        return V.half(rel_year(m.group("rel"), p), h), True
    cur = 1 if p.month <= 6 else 2
    direction = ctx.direction(s, e)
    y = p.year
    if direction == "future" and h < cur:
        y += 1
    elif direction != "future" and h > cur:
        y -= 1
    return V.half(y, h), True


def r_season(m, ctx, s, e):
    word = m.group("season")
    code = SEASON_CODES[word.lower()]
    year, rel, mod = m.group("year"), m.group("rel"), m.group("mod")
    if year:
        return V.season(int(year), code), False
    if not rel:
        prev = ctx.prev_word(m.start("season"))
        if word.lower() == "fall":
            if prev not in ("the", "this", "last", "next") or ctx.prev_word(m.start("season") - 4) not in SEASON_PREP:
                if not (m.group("the") and ctx.prev_word(s) in SEASON_PREP):
                    return None
            after = ctx.text[e:e + 4].lower()
            if after.startswith(" of") or after.startswith(" in"):
                return None
        else:
            span = ctx.span(m.start("season"), m.end("season"))
            pos = span[0].pos_ if span is not None and len(span) else ""
            if pos == "VERB" or not (word[0].isupper() or prev in SEASON_PREP or prev == "the" or mod
                                     or (pos == "NOUN" and span[0].dep_ in ("nsubj", "pobj", "npadvmod"))):
                return None
    if ctx.published is None:
        return None, True
    p = ctx.published
    if rel:
        r = " ".join(rel.lower().split())
        if r in ("this", "the current", "the same"):
            return V.season(*V.season_near(p, code, None)), True
        back = r in ("last", "the past", "the previous")
        return V.season(*V.season_near(p, code, "past" if back else "future", strict=True)), True
    return V.season(*V.season_near(p, code, ctx.direction(s, e))), True


def r_decade(m, ctx, s, e):
    if ctx.prev_word(s) in POSSESSIVE:
        return None  # "in their 70s" is an age
    g = m.groupdict()
    if g.get("yyyy"):
        return V.decade(int(g["yyyy"])), False
    yy = g.get("yy") or g.get("yy2")
    if g.get("dw"):
        yy = str(DECADE_WORDS[g["dw"].lower()] * 10)
    y = year2(int(yy), ctx.published)
    if y > (ctx.published or dt.date.today()).year:
        y -= 100
    return V.decade(y), False


def r_century(m, ctx, s, e):
    c = int(m.group("c")) if m.group("c") else ORD.get(m.group("cw").lower())
    if not c or c < 1:
        return None
    return V.century(c), False


YEAR_RANGE = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d[-–]\Z")
YEAR_REJECT_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


def r_year(m, ctx, s, e):
    y = int(m.group("year"))
    ys = m.start("year")
    if not m.group("mod") and ys > 0 and ctx.text[ys - 1] == "-" and not YEAR_RANGE.search(ctx.text, max(0, ys - 6), ys):
        return None  # glued to a hyphen ("KC-1990"), unless a range ("2014-2016")
    if not m.group("mod"):
        ys = m.start("year")
        span = ctx.span(ys, m.end("year"))
        ent = span[0].ent_type_ if span is not None and len(span) else ""
        prev = ctx.prev_word(ys)
        if ent in YEAR_REJECT_ENTS and prev not in YEAR_PREP:
            return None
        nxt = ctx.text[m.end("year"):m.end("year") + 2]
        if nxt.startswith(" ") and span is not None and len(span) and span[0].i + 1 < len(ctx.doc):
            i = span[0].i
            t = ctx.doc[i + 1]
            if t.pos_ == "NOUN" and t.lower_ in COUNT_NOUNS:
                return None
            before = ctx.doc[i - 1] if i > 0 else None
            if (before is not None and not before.is_sent_start and before.pos_ == "PROPN"
                    and before.text[:1].isupper() and t.pos_ == "PROPN" and t.text[:1].isupper()):
                return None  # inside a name: "the Russell 2000 Index", "Windows 2000 Server"
    return V.year(y), False


def r_year2(m, ctx, s, e):
    return V.year(year2(int(m.group("yy")), ctx.published)), False


def r_nine_eleven(m, ctx, s, e):
    """"9/11", "the Sept. 11 attacks": the date the name stands for."""
    return "2001-09-11", False


def r_h_year(m, ctx, s, e):
    """"H1 2024", "1H 2024"."""
    return V.half(int(m.group("year")), int(m.group("h") or m.group("h2"))), False
