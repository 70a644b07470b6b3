"""Rules for expressions read against the publication date: weekdays, today/yesterday, parts of
the day, "last week", "earlier this year", "two years ago", "now", "the same day", anniversaries.
"""
from __future__ import annotations

import datetime as dt
import re

from storyline.extract.time import values as V
from storyline.extract.time.absolute import month_of
from storyline.extract.time.blocks import DAYN, MON_ANY, MON_DAY, Y4, case_rx, nocase_rx
from storyline.extract.time.words import (
    ADJ_REF_SKIP, HOLIDAY_PREFIX, NUM, ORD, POD, TEENS, TENS, WEEKDAY_NUMBERS,
)


def r_weekday(m, ctx, s, e):
    if m.group("plural"):
        return None  # "on Mondays" is a set, not a date
    pre = (m.group("pre") or "").lower()
    if not pre and ctx.prev_word(s) in HOLIDAY_PREFIX:
        return None
    if ctx.published is None:
        return None, True
    wd = WEEKDAY_NUMBERS[m.group("wd").lower()]
    p = ctx.published
    if pre == "last" or pre == "past":
        d = V.weekday_near(p, wd, "past", strict=True)
    elif pre in ("next", "coming"):
        d = V.weekday_near(p, wd, "future", strict=True)
    else:
        direction = ctx.direction(s, e) or "past"
        if direction == "present":  # "the trial begins Thursday", "stocks fall on Monday"
            back, fwd = V.weekday_near(p, wd, "past"), V.weekday_near(p, wd, "future")
            d = back if (p - back) <= (fwd - p) else fwd
        else:
            d = V.weekday_near(p, wd, direction)
    pod = m.group("pod")
    return V.day(d, POD[pod.lower()] if pod else None), True


def r_dayword(m, ctx, s, e):
    if ctx.published is None:
        return None, True
    w = " ".join(m.group("w").lower().split())
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
              "the day before yesterday": -2, "the day after tomorrow": 2}[w]
    pod = m.group("pod")
    part = POD[pod.lower()] if pod else ("NI" if w == "tonight" else None)
    return V.day(ctx.published + dt.timedelta(days=offset), part), True


def r_this_pod(m, ctx, s, e):
    if ctx.published is None:
        return None, True
    return V.day(ctx.published, POD[m.group("pod").lower()]), True


def r_last_night(m, ctx, s, e):
    if ctx.published is None:
        return None, True
    return V.day(ctx.published - V.ONE_DAY, POD[m.group("pod").lower()]), True


def r_overnight(m, ctx, s, e):
    if m.group(0).lower() == "overnight":
        span = ctx.span(s, e)
        if span is not None and len(span) == 1 and span[0].dep_ in ("amod", "compound"):
            return None  # "overnight rate", "an overnight stay"
    if ctx.published is None:
        return None, True
    return V.day(ctx.published - V.ONE_DAY, "NI"), True


def r_rel_unit(m, ctx, s, e):
    unit = m.group("unit").lower()
    rel = " ".join(m.group("rel").lower().split())
    if ctx.published is None:
        return None, True
    p = ctx.published
    if rel in ("the latest", "the most recent"):
        if unit != "quarter":
            return None  # "the latest year" is no calendar unit; "the latest quarter" is the last one reported
        rel = "last"
    back = rel in ("last", "the past", "the previous", "the last", "past", "previous")
    fwd = rel in ("next", "the coming", "the following", "the next", "coming")
    step = -1 if back else (1 if fwd else 0)
    if unit == "week":
        return V.week(p + dt.timedelta(days=7 * step)), True
    if unit == "weekend":
        if step == 0:
            return V.week(p, weekend=True), True
        sat = V.weekday_near(p, 5, "past" if back else "future", strict=True)
        return V.week(sat, weekend=True), True
    if unit == "month":
        return V.month(*V.add_months(p.year, p.month, step)), True
    if unit == "year":
        return V.year(p.year + step), True
    if unit == "quarter":
        y, mo = V.add_months(p.year, p.month, 3 * step)
        return V.quarter(y, (mo - 1) // 3 + 1), True
    if unit == "decade":
        return V.decade(p.year + 10 * step), True
    if unit == "century":
        return V.century(p.year // 100 + 1 + step), True
    return None


def r_in_the_unit(m, ctx, s, e):
    """"earlier in the week", "later in the year": the current one."""
    if ctx.published is None:
        return None, True
    unit = m.group("unit").lower()
    p = ctx.published
    return {"week": V.week(p), "month": V.month(p.year, p.month), "year": V.year(p.year),
            "day": V.day(p)}[unit], True


def r_the_year(m, ctx, s, e):
    """"the beginning of the year", "the end of the month": the publication year, month, week."""
    if ctx.published is None:
        return None, True
    p = ctx.published
    unit = m.group("unit").lower()
    if unit == "week":
        return V.week(p), True
    if unit == "month":
        return V.month(p.year, p.month), True
    return V.year(p.year), True


def r_year_end(m, ctx, s, e):
    """"by year-end": the end of the publication year."""
    if ctx.published is None:
        return None, True
    return V.year(ctx.published.year), True


def r_the_weekend(m, ctx, s, e):
    """"the weekend": in a past report the one just gone, otherwise the coming one (ISO weeks)."""
    if ctx.published is None:
        return None, True
    p = ctx.published
    if p.weekday() < 5 and ctx.direction(s, e) == "past":
        return V.week(p - dt.timedelta(days=7), weekend=True), True
    return V.week(p, weekend=True), True


def r_day_shift(m, ctx, s, e):
    """"the day before", "the next day": a day from the last day mentioned (or publication)."""
    if ctx.published is None:
        return None, True
    w = " ".join(m.group(0).lower().split())
    back = any(k in w for k in ("before", "previous", "preceding", "earlier", "prior"))
    if ctx.last_day is None:
        if not back:
            return None
        return V.day(ctx.published - V.ONE_DAY), True
    d = dt.date.fromisoformat(ctx.last_day[:10])
    return V.day(d - V.ONE_DAY if back else d + V.ONE_DAY), True


def number(words: str) -> int | None:
    w = " ".join(words.lower().replace("-", " ").split())
    if w.isdigit():
        return int(w)
    parts = w.split(" ")
    if parts[0] in TENS:
        return TENS[parts[0]] + (NUM.get(parts[1]) or 0 if len(parts) > 1 else 0)
    return TEENS.get(w) or NUM.get(w)


def r_ago(m, ctx, s, e):
    """"two years ago" (back) and "three weeks from now" (forward) from the publication date."""
    k = number(m.group("n"))
    if not k:
        return None  # "several years ago", "a few weeks ago": no exact value
    if ctx.published is None:
        return None, True
    if m.group("dir").lower() != "ago":
        k = -k
    p = ctx.published
    unit = m.group("unit").lower()
    if unit == "day":
        return V.day(p - dt.timedelta(days=k)), True
    if unit == "week":
        return V.day(p - dt.timedelta(days=7 * k)), True
    if unit == "month":
        return V.month(*V.add_months(p.year, p.month, -k)), True
    if unit == "year":
        return V.year(p.year - k), True
    if unit == "decade":
        return V.decade(p.year - 10 * k), True
    return None


def ref_rule(value: str):
    def rule(m, ctx, s, e):
        return value, True
    return rule


def r_adj_ref(m, ctx, s, e):
    """"the recent downturn" (PAST_REF), "the current crisis", "the ongoing recession" (PRESENT_REF)."""
    span = ctx.span(s, e)
    if span is None or len(span) != 1 or span[0].pos_ != "ADJ" or span[0].dep_ != "amod":
        return None
    head = span[0].head.lower_
    if head in ADJ_REF_SKIP:
        return None
    return ("PAST_REF" if m.group("w").lower() == "recent" else "PRESENT_REF"), True


def r_same_period(m, ctx, s, e):
    """"the same period last year": the last month or quarter mentioned, a year back."""
    if ctx.published is None:
        return None, True
    last = ctx.last_value or ""
    mm = re.match(r"^(\d{4})(-(?:\d{2}|Q[1-4]|H[12]))$", last)
    if mm:
        return f"{int(mm.group(1)) - 1:04d}{mm.group(2)}", True
    return V.year(ctx.published.year - 1), True


def r_same_day(m, ctx, s, e):
    if ctx.published is None:
        return None, True
    return (ctx.last_day or V.day(ctx.published)), True


def r_anniversary(m, ctx, s, e):
    """"the third anniversary": only with its anchor date written nearby.

    The anchor is a full written date (day, month, year) in the same sentence or within a few
    hundred characters, preferring one introduced by a start verb ("began on", "since").
    """
    word = m.group("ord").lower()
    n = ORD.get(word) or (int(re.sub(r"\D", "", word)) if re.search(r"\d", word) else None)
    if not n or n < 1:
        return None
    span = ctx.span(s, e)
    if span is None:
        return None
    if ctx.has_sents:
        sent = span[0].sent
        lo, hi = sent.start_char, sent.end_char
    else:
        lo, hi = s, e
    same_sentence = (lo, hi)
    lo = max(0, lo - 400)
    hi = min(len(ctx.text), hi + 400)
    best = None
    for mm in (x for rx in ANCHORS for x in rx.finditer(ctx.text, lo, hi)):
        d = V.safe_date(int(mm.group("year")), month_of(mm), int(mm.group("day")))
        if not d or (ctx.published is not None and d >= ctx.published):
            continue
        started = bool(START_CUE.search(ctx.text, max(0, mm.start() - 60), mm.start()))
        near = same_sentence[0] <= mm.start() < same_sentence[1]
        rank = (started, near, -abs(mm.start() - s))
        if best is None or rank > best[0]:
            best = (rank, d)
    if best is None or not (best[0][0] or best[0][1]):
        return None
    d = best[1]
    a = V.safe_date(d.year + n, d.month, d.day) or V.safe_date(d.year + n, d.month, d.day - 1)
    return (V.day(a), False) if a else None


ANCHORS = (case_rx(rf"\b{MON_DAY}\s+{DAYN},?\s+{Y4}"), case_rx(rf"\b{DAYN}\s+(?:of\s+)?{MON_ANY}\.?,?\s+{Y4}"))
START_CUE = nocase_rx(r"\b(?:began|begun|started|launched|invaded|founded|established|opened|erupted|broke\s+out|"
                 r"took\s+place|happened|occurred|died|killed|signed|since)\b[^.;]{0,40}\Z")
