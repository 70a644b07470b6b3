"""The patterns behind extract_dates: compiled once, each with the rule that normalises it.

A rule returns ``(value, relative)`` or None (not a date here: a duration, an age, a name).
``relative`` is True when the value depends on the publication date; with no publication
date such values are left None by the caller.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Doc

from storyline.extract import date_values as V
from storyline.extract.lexicon_dates import (
    FUTURE_MARKERS, FUTURE_REF, MONTH_ABBREVIATIONS, MONTHS, NUMBERS, ORDINALS, PARTS_OF_DAY,
    PAST_REF, PRESENT_REF, SEASONS, WEEKDAYS, YEAR_PREPOSITIONS,
)

LANG = "en"
_MONTHS = {**MONTH_ABBREVIATIONS[LANG], **MONTHS[LANG]}
_WEEKDAYS = WEEKDAYS[LANG]
_SEASONS = SEASONS[LANG]
_POD = PARTS_OF_DAY[LANG]
_ORD = ORDINALS[LANG]
_NUM = NUMBERS[LANG]
_FUTURE = FUTURE_MARKERS[LANG]
_YEAR_PREP = YEAR_PREPOSITIONS[LANG]

Result = tuple[str | None, bool]


class Context:
    """Per-document state the rules share: the doc, the anchor, tense lookups, the last day."""

    def __init__(self, doc: Doc, published: dt.date | None, text: str | None = None):
        self.doc = doc
        self.text = doc.text if text is None else text
        self.has_sents = doc.has_annotation("SENT_START")
        self.published = published
        self.last_day: str | None = None
        self.last_value: str | None = None
        self._tense: dict[tuple[int, int], str | None] = {}

    def span(self, s: int, e: int):
        return self.doc.char_span(s, e, alignment_mode="expand")

    def prev_word(self, s: int) -> str:
        m = _PREV_WORD.search(self.text, max(0, s - 40), s)
        return m.group(1).lower().strip("'") if m else ""

    def direction(self, s: int, e: int) -> str | None:
        """"past", "future" or None (present or unknown) for the clause governing s:e."""
        key = (s, e)
        if key not in self._tense:
            self._tense[key] = _direction(self, s, e)
        return self._tense[key]


_PREV_WORD = re.compile(r"([\w']+)[^\w']*\Z")


_FUTURE_VERBS = frozenset({"schedule", "plan", "expect", "intend", "slate", "due", "aim", "set"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _verb_tense(v) -> str | None:
    """"past", "future", "present" (simple present: scheduled events, headlines) or None."""
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    lows = {a.lower_ for a in auxes}
    if lows & {"will", "shall", "'ll", "wo", "may", "might", "should", "would", "could", "to"}:
        return "future"
    if v.lemma_ in _FUTURE_VERBS and v.tag_ != "VBD" and not any(a.tag_ == "VBD" and a.lemma_ == "have" for a in auxes):
        return "future"
    if lows & {"has", "have", "had", "'s", "'ve", "'d"} and v.tag_ == "VBN":
        return "past"
    if any(a.tag_ == "VBD" for a in auxes) or v.tag_ == "VBD":
        return "past"
    if v.tag_ == "VBN" and not auxes and v.dep_ in ("ROOT", "conj", "ccomp", "relcl", "advcl", "acl"):
        return "past"
    if v.lemma_ in ("go",) and v.tag_ == "VBG":
        return "future"
    if v.tag_ in _PRESENT_TAGS or any(a.tag_ in _PRESENT_TAGS for a in auxes):
        return "present"
    return None


def _direction(ctx: Context, s: int, e: int) -> str | None:
    span = ctx.span(s, e)
    if span is None or len(span) == 0:
        return None
    doc = ctx.doc
    first = span[0]
    sent_start = first.sent.start if ctx.has_sents else 0
    for t in doc[max(sent_start, first.i - 2):first.i]:
        if t.lower_ in ("until", "till", "next", "upcoming", "coming"):
            return "future"
    # "said on Monday", "announced Tuesday": the date goes with the reporting verb before it
    j = first.i - 1
    if j >= sent_start and doc[j].lower_ == "on":
        j -= 1
    if j >= sent_start and doc[j].tag_ == "VBD":
        return "past"
    v = span.root
    for _ in range(6):
        if v.pos_ in ("VERB", "AUX"):
            break
        if v.head is v:
            break
        v = v.head
    if v.pos_ not in ("VERB", "AUX"):
        return None
    for _ in range(3):
        t = _verb_tense(v)
        if t is not None:
            return t
        is_inf = v.tag_ == "VB" and any(c.lower_ == "to" for c in v.children if c.dep_ == "aux")
        if is_inf and v.head is not v:
            head = v.head
            if head.lemma_ in _FUTURE or head.lower_ in _FUTURE:
                return "future"
            v = head
            continue
        if v.tag_ in ("VB", "VBZ", "VBP", "VBG"):
            # "is set to", "is expected to": adjective/participle heads of an infinitive
            for c in v.children:
                if c.dep_ in ("xcomp", "acomp") and (c.lower_ in _FUTURE or c.lemma_ in _FUTURE):
                    return "future"
        break
    return None


class Hit:
    """A core match plus the optional words found just before it ("early", "on", "the")."""

    __slots__ = ("m", "b", "start0")

    def __init__(self, m: re.Match, b: re.Match | None):
        self.m = m
        self.b = b
        self.start0 = b.start() if b is not None and b.end() > b.start() else m.start()

    def _of(self, name):
        if name in self.m.re.groupindex:
            return self.m
        if self.b is not None and name in self.b.re.groupindex:
            return self.b
        return None

    def group(self, name=0):
        if name == 0:
            return self.m.string[self.start0:self.m.end()]
        src = self._of(name)
        return src.group(name) if src is not None else None

    def groupdict(self) -> dict:
        d = dict(self.b.groupdict()) if self.b is not None else {}
        d.update({k: v for k, v in self.m.groupdict().items() if v is not None or k not in d})
        return d

    def start(self, name=0):
        return self.start0 if name == 0 else self._of(name).start(name)

    def end(self, name=0):
        return self.m.end() if name == 0 else self._of(name).end(name)


class Rule:
    """How one pattern is found and normalised.

    ``back``: optional words just before a core match (compiled, anchored at the end) that
    widen it; looking back only at matches keeps the scan fast. ``need``: lowercase keywords
    of which one must occur in the text for the pattern to be worth scanning.
    """

    def __init__(self, fn: Callable[..., Result | None], deferred: bool = False,
                 back: re.Pattern | None = None, need: tuple[str, ...] = ()):
        self.fn = fn
        self.deferred = deferred
        self.back = back
        self.need = need
        # set by _fast(): a scan regex without a leading boundary (so that re can skip ahead
        # on its first characters), the boundary checked here instead, and lowercase scanning
        self.scan: re.Pattern | None = None
        self.bound: str | None = None
        self.on_lower = False

    def normalise(self, m, ctx: Context, s: int, e: int) -> Result | None:
        return self.fn(m, ctx, s, e)

    def hits(self, regex: re.Pattern, text: str, lower: str):
        if self.need and not any(k in lower for k in self.need):
            return
        back = self.back
        if self.scan is not None and (not self.on_lower or len(lower) == len(text)):
            src, rx, bound = (lower if self.on_lower else text), self.scan, self.bound
        else:  # lowercasing changed the length (rare scripts): the plain pattern on the text
            src, rx, bound = text, regex, None
        for m in rx.finditer(src):
            st = m.start()
            if bound is not None and st > 0:
                c = src[st - 1]
                if c.isalnum() or c == "_" or c in bound:
                    continue
            b = back.search(text, max(0, st - 48), st) if back is not None else None
            yield Hit(m, b) if back is not None else m


# ---------------------------------------------------------------- building blocks
_MF = "January|February|March|April|May|June|July|August|September|October|November|December"
_MA = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
_MA_NODOT = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
_MON_DAY = rf"(?P<mon>{_MF}|{_MA}|{_MA_NODOT}(?=\s+\d))"
_DAYN = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_BARE = r"(?P<year>1[5-9]\d\d|20\d\d)"
_Y4 = r"(?<![\w$£€#.,/-])" + _YEAR_BARE + r"(?![\w%]|[.,]\d)"
_MON_ANY = rf"(?P<mon>{_MF}|{_MA}|{_MA_NODOT})"
_WD = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_ORDW = "|".join(sorted((re.escape(k) for k in _ORD if k not in ("final", "last")), key=len, reverse=True))
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_TEENS = {"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
          "nineteen": 19}
_UNITW = "one|two|three|four|five|six|seven|eight|nine"
_NUMW = (rf"(?:{'|'.join(_TENS)})(?:[-\s](?:{_UNITW}))?|{'|'.join(_TEENS)}|a|an|{_UNITW}|ten|eleven|twelve|"
         r"\d+|several|a\s+few|a\s+couple\s+of")
_RELY = r"(?P<rel>this|last|next|the\s+current|the\s+previous|the\s+same|the\s+following|the\s+coming|the\s+past)"


_MODW = r"early|earlier|late|later|mid|the\s+(?:start|beginning|end|middle|close|turn|rest|remainder)\s+of"
_B_MOD_OPT = rf"(?:(?<![\w-])(?P<mod>{_MODW})(?:\s+in)?(?:\s+|-))?"
B_MOD = re.compile(rf"(?<![\w-])(?P<mod>{_MODW})(?:\s+in)?(?:\s+|-)\Z", re.IGNORECASE)
B_MONTH = re.compile(rf"{_B_MOD_OPT}(?:(?<![\w-])(?P<rel>last|next|this|past|coming)\s+)?\Z", re.IGNORECASE)
B_WEEKDAY = re.compile(r"(?<![\w-])(?P<pre>on|last|next|this|past|coming|late|early)\s+\Z", re.IGNORECASE)
B_EARLIER = re.compile(r"(?<![\w-])(?:earlier|later|early|late)\s+\Z", re.IGNORECASE)
B_REL_UNIT = re.compile(rf"{_B_MOD_OPT}(?:(?<![\w-])(?:earlier|later)\s+)?\Z", re.IGNORECASE)
B_THE = re.compile(r"(?<![\w-])the\s+\Z", re.IGNORECASE)
B_SEASON = re.compile(rf"{_B_MOD_OPT}(?:(?<![\w-])(?:(?P<rel>this|last|next|the\s+coming|the\s+past|the\s+previous)"
                      r"|(?P<the>the))\s+)?\Z", re.IGNORECASE)
B_DECADE = re.compile(rf"(?:(?<![\w-])(?P<the>the)\s+)?{_B_MOD_OPT}\Z", re.IGNORECASE)


def _c(p: str) -> re.Pattern:
    return re.compile(p)


def _ci(p: str) -> re.Pattern:
    return re.compile(p, re.IGNORECASE)


def _month(m: re.Match) -> int:
    return _MONTHS[m.group("mon").lower().rstrip(".")]


def _year2(yy: int, anchor: dt.date | None) -> int:
    """A two-digit year: the century that puts it nearest the anchor (or today)."""
    ref = (anchor or dt.date.today()).year
    cands = [c * 100 + yy for c in (ref // 100 - 1, ref // 100, ref // 100 + 1)]
    near = [y for y in cands if y <= ref + 10] or cands
    return max(near)


def _rel_year(rel: str, anchor: dt.date) -> int:
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
    yy = int(y) if len(y) == 4 else _year2(int(y), ctx.published)
    mo, d = (a, b) if a <= 12 else (b, a)
    date = V.safe_date(yy, mo, d)
    return (V.day(date), False) if date else None


def r_mdy(m, ctx, s, e):
    d = V.safe_date(int(m.group("year")), _month(m), int(m.group("day")))
    return (V.day(d), False) if d else None


def r_month_year(m, ctx, s, e):
    return V.month(int(m.group("year")), _month(m)), False


def r_month_rel_year(m, ctx, s, e):
    if ctx.published is None:
        return None, True
    return V.month(_rel_year(m.group("rel"), ctx.published), _month(m)), True


def r_md_rel_year(m, ctx, s, e):
    if ctx.published is None:
        return None, True
    d = V.safe_date(_rel_year(m.group("rel"), ctx.published), _month(m), int(m.group("day")))
    return (V.day(d), True) if d else None


_NAME_ENTS = frozenset({"ORG", "FAC", "PRODUCT"})


def r_month_day(m, ctx, s, e):
    span = ctx.span(s, e)
    if span is not None and len(span) and span[0].ent_type_ in _NAME_ENTS and span[-1].ent_type_ in _NAME_ENTS:
        return None  # a date inside a name
    if span is not None and len(span) and ctx.prev_word(s) == "the" and span[-1].i + 1 < len(ctx.doc):
        nxt = ctx.doc[span[-1].i + 1]
        if nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.lower_ not in _MONTHS and nxt.lower_ not in _WEEKDAYS:
            return None  # "the 17 February Brigade", "the 6 April Youth Movement"
    if ctx.published is None:
        return None, True
    d = V.month_day_near(ctx.published, _month(m), int(m.group("day")), ctx.direction(s, e))
    return (V.day(d), True) if d else None


_MONTH_GUARD = {"may", "march"}
_MONTH_PREP = frozenset({"in", "since", "until", "till", "by", "of", "during", "from", "to", "through",
                         "before", "after", "early", "late", "mid", "last", "next", "this", "and", "or",
                         "between", "around", "end", "beginning", "start", "middle", "throughout",
                         "for", "as", "into", "past", "coming"})


def r_month(m, ctx, s, e):
    mon = m.group("mon")
    rel = m.group("rel")
    if ctx.prev_word(m.start("mon")).isdigit():
        return None  # the rest of a day-month the month-day rule turned down ("the 17 February Brigade")
    if mon.lower() in _MONTH_GUARD and not rel and not m.group("mod"):
        if ctx.prev_word(s) not in _MONTH_PREP:
            return None
    if ctx.published is None:
        return None, True
    mo = _month(m)
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


_HOLIDAY_PREFIX = frozenset({"black", "cyber", "super", "good", "easter", "ash", "holy", "bloody",
                             "blue", "giving", "maundy", "palm", "whit", "shrove"})


def r_weekday(m, ctx, s, e):
    if m.group("plural"):
        return None  # "on Mondays" is a set, not a date
    pre = (m.group("pre") or "").lower()
    if not pre and ctx.prev_word(s) in _HOLIDAY_PREFIX:
        return None
    if ctx.published is None:
        return None, True
    wd = _WEEKDAYS[m.group("wd").lower()]
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
    return V.day(d, _POD[pod.lower()] if pod else None), True


def r_dayword(m, ctx, s, e):
    if ctx.published is None:
        return None, True
    w = " ".join(m.group("w").lower().split())
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
              "the day before yesterday": -2, "the day after tomorrow": 2}[w]
    pod = m.group("pod")
    part = _POD[pod.lower()] if pod else ("NI" if w == "tonight" else None)
    return V.day(ctx.published + dt.timedelta(days=offset), part), True


def r_this_pod(m, ctx, s, e):
    if ctx.published is None:
        return None, True
    return V.day(ctx.published, _POD[m.group("pod").lower()]), True


def r_last_night(m, ctx, s, e):
    if ctx.published is None:
        return None, True
    return V.day(ctx.published - V.ONE_DAY, _POD[m.group("pod").lower()]), True


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


_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "new year’s day": (1, 1),
             "new year’s eve": (12, 31)}


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
    mo, d = _HOLIDAYS[key]
    if year:
        return V.day(dt.date(int(year), mo, d)), False
    if ctx.published is None:
        return None, True
    date = V.month_day_near(ctx.published, mo, d, ctx.direction(s, e))
    return (V.day(date), True) if date else None


def _ordinal(word: str) -> int:
    return _ORD[word.lower()]


def r_quarter(m, ctx, s, e):
    g = m.groupdict()
    q = int(g["q"]) if g.get("q") else _ordinal(g["ord"])
    if q == -1:
        q = 4
    if not 1 <= q <= 4:
        return None
    if m.group("year"):
        return V.quarter(int(m.group("year")), q), False
    if m.groupdict().get("yy"):
        return V.quarter(_year2(int(m.group("yy")), ctx.published), q), False
    if ctx.published is None:
        return None, True
    if g.get("rel"):
        return V.quarter(_rel_year(g["rel"], ctx.published), q), True
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
        return V.half(_rel_year(m.group("rel"), p), h), True
    cur = 1 if p.month <= 6 else 2
    direction = ctx.direction(s, e)
    y = p.year
    if direction == "future" and h < cur:
        y += 1
    elif direction != "future" and h > cur:
        y -= 1
    return V.half(y, h), True


_SEASON_PREP = frozenset({"in", "during", "since", "until", "till", "by", "through", "for", "this",
                          "of", "last", "next", "early", "late", "mid", "before", "after"})


def r_season(m, ctx, s, e):
    word = m.group("season")
    code = _SEASONS[word.lower()]
    year, rel, mod = m.group("year"), m.group("rel"), m.group("mod")
    if year:
        return V.season(int(year), code), False
    if not rel:
        prev = ctx.prev_word(m.start("season"))
        if word.lower() == "fall":
            if prev not in ("the", "this", "last", "next") or ctx.prev_word(m.start("season") - 4) not in _SEASON_PREP:
                if not (m.group("the") and ctx.prev_word(s) in _SEASON_PREP):
                    return None
            after = ctx.text[e:e + 4].lower()
            if after.startswith(" of") or after.startswith(" in"):
                return None
        else:
            span = ctx.span(m.start("season"), m.end("season"))
            pos = span[0].pos_ if span is not None and len(span) else ""
            if pos == "VERB" or not (word[0].isupper() or prev in _SEASON_PREP or prev == "the" or mod
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


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}
_POSSESSIVE = frozenset({"their", "his", "her", "its", "my", "our", "your", "whose"})


def r_decade(m, ctx, s, e):
    if ctx.prev_word(s) in _POSSESSIVE:
        return None  # "in their 70s" is an age
    g = m.groupdict()
    if g.get("yyyy"):
        return V.decade(int(g["yyyy"])), False
    yy = g.get("yy") or g.get("yy2")
    if g.get("dw"):
        yy = str(_DECADE_WORDS[g["dw"].lower()] * 10)
    y = _year2(int(yy), ctx.published)
    if y > (ctx.published or dt.date.today()).year:
        y -= 100
    return V.decade(y), False


def r_century(m, ctx, s, e):
    c = int(m.group("c")) if m.group("c") else _ORD.get(m.group("cw").lower())
    if not c or c < 1:
        return None
    return V.century(c), False


_YEAR_RANGE = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d[-–]\Z")
_YEAR_REJECT_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


def r_year(m, ctx, s, e):
    y = int(m.group("year"))
    ys = m.start("year")
    if not m.group("mod") and ys > 0 and ctx.text[ys - 1] == "-" and not _YEAR_RANGE.search(ctx.text, max(0, ys - 6), ys):
        return None  # glued to a hyphen ("KC-1990"), unless a range ("2014-2016")
    if not m.group("mod"):
        ys = m.start("year")
        span = ctx.span(ys, m.end("year"))
        ent = span[0].ent_type_ if span is not None and len(span) else ""
        prev = ctx.prev_word(ys)
        if ent in _YEAR_REJECT_ENTS and prev not in _YEAR_PREP:
            return None
        nxt = ctx.text[m.end("year"):m.end("year") + 2]
        if nxt.startswith(" ") and span is not None and len(span) and span[0].i + 1 < len(ctx.doc):
            i = span[0].i
            t = ctx.doc[i + 1]
            if t.pos_ == "NOUN" and t.lower_ in _COUNT_NOUNS:
                return None
            before = ctx.doc[i - 1] if i > 0 else None
            if (before is not None and not before.is_sent_start and before.pos_ == "PROPN"
                    and before.text[:1].isupper() and t.pos_ == "PROPN" and t.text[:1].isupper()):
                return None  # inside a name: "the Russell 2000 Index", "Windows 2000 Server"
    return V.year(y), False


_COUNT_NOUNS = frozenset({"people", "jobs", "workers", "employees", "points", "shares", "cars",
                          "vehicles", "units", "dealers", "dealerships", "stores", "troops",
                          "soldiers", "drones", "missiles", "dollars", "euros", "km", "miles",
                          "metres", "meters", "feet", "tonnes", "tons", "barrels", "votes",
                          "members", "aircraft", "planes", "passengers", "residents", "homes",
                          "houses", "deaths", "cases", "times", "pages", "words"})


def r_year2(m, ctx, s, e):
    return V.year(_year2(int(m.group("yy")), ctx.published)), False


def _number(words: str) -> int | None:
    w = " ".join(words.lower().replace("-", " ").split())
    if w.isdigit():
        return int(w)
    parts = w.split(" ")
    if parts[0] in _TENS:
        return _TENS[parts[0]] + (_NUM.get(parts[1]) or 0 if len(parts) > 1 else 0)
    return _TEENS.get(w) or _NUM.get(w)


def r_nine_eleven(m, ctx, s, e):
    """"9/11", "the Sept. 11 attacks": the date the name stands for."""
    return "2001-09-11", False


def r_ago(m, ctx, s, e):
    """"two years ago" (back) and "three weeks from now" (forward) from the publication date."""
    k = _number(m.group("n"))
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


def r_h_year(m, ctx, s, e):
    """"H1 2024", "1H 2024"."""
    return V.half(int(m.group("year")), int(m.group("h") or m.group("h2"))), False


def _ref(value: str):
    def rule(m, ctx, s, e):
        return value, True
    return rule


def r_adj_ref(m, ctx, s, e):
    """"the recent downturn" (PAST_REF), "the current crisis", "the ongoing recession" (PRESENT_REF)."""
    span = ctx.span(s, e)
    if span is None or len(span) != 1 or span[0].pos_ != "ADJ" or span[0].dep_ != "amod":
        return None
    head = span[0].head.lower_
    if head in _ADJ_REF_SKIP:
        return None
    return ("PAST_REF" if m.group("w").lower() == "recent" else "PRESENT_REF"), True


_ADJ_REF_SKIP = frozenset({"account", "accounts", "affairs", "events", "year", "years", "month", "months",
                           "week", "weeks", "day", "days", "quarter", "period", "time", "times", "history",
                           "levels", "level", "price", "prices", "rate", "rates", "value", "form"})


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
    n = _ORD.get(word) or (int(re.sub(r"\D", "", word)) if re.search(r"\d", word) else None)
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
    for mm in (x for rx in _ANCHORS for x in rx.finditer(ctx.text, lo, hi)):
        d = V.safe_date(int(mm.group("year")), _month(mm), int(mm.group("day")))
        if not d or (ctx.published is not None and d >= ctx.published):
            continue
        started = bool(_START_CUE.search(ctx.text, max(0, mm.start() - 60), mm.start()))
        near = same_sentence[0] <= mm.start() < same_sentence[1]
        rank = (started, near, -abs(mm.start() - s))
        if best is None or rank > best[0]:
            best = (rank, d)
    if best is None or not (best[0][0] or best[0][1]):
        return None
    d = best[1]
    a = V.safe_date(d.year + n, d.month, d.day) or V.safe_date(d.year + n, d.month, d.day - 1)
    return (V.day(a), False) if a else None


_ANCHORS = (_c(rf"\b{_MON_DAY}\s+{_DAYN},?\s+{_Y4}"), _c(rf"\b{_DAYN}\s+(?:of\s+)?{_MON_ANY}\.?,?\s+{_Y4}"))
_START_CUE = _ci(r"\b(?:began|begun|started|launched|invaded|founded|established|opened|erupted|broke\s+out|"
                 r"took\s+place|happened|occurred|died|killed|signed|since)\b[^.;]{0,40}\Z")


def _refs(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_NUM_AHEAD = (r"(?!\s+(?:\d|few|several|couple|two|three|four|five|six|seven|eight|nine|ten|eleven|"
              r"twelve|fifteen|twenty|thirty|forty|fifty|hundred|year|month|week|day|decade|century|"
              r"hour|minute|quarter|weekend|of\b))")

_UNITS = ("week", "month", "year", "decade", "century", "quarter")

PATTERNS: list[tuple[re.Pattern, Rule]] = [
    (_c(rf"(?<![\w-]){_YEAR_BARE}-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])(?:\b|(?=T\d))"), Rule(r_iso, need=("-",))),
    (_c(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"), Rule(r_numeric, need=("/",))),
    (_c(r"(?<![\d.,])(?P<b>\d{1,2})\.(?P<a>\d{1,2})\.(?P<y>\d{4})(?![\d.]\d)"), Rule(r_numeric, need=(".",))),
    (_c(rf"(?<![\w/.-]){_YEAR_BARE}[/.](?P<m>0?[1-9]|1[0-2])[/.](?P<d>[0-2]?\d|3[01])(?![\d/.]\d|\d)"), Rule(r_iso, need=("/", "."))),
    (_c(r"(?<![\w/])(?:9/11|Sept(?:ember|\.)?\s+11(?:th)?(?=,?\s+(?:attacks|terror\w*|conspirac\w*|[Cc]ommission|"
        r"hijack\w*|memorial|era)\b))(?![\w/])"), Rule(r_nine_eleven, need=("9/11", "11"))),
    (_c(rf"\b{_MON_DAY}\s+{_DAYN}(?:,?\s+|\s+of\s+){_Y4}"), Rule(r_mdy)),
    (_c(rf"\b{_MON_DAY}\s+{_DAYN}\s+of\s+(?i:{_RELY})\s+(?i:year)\b"), Rule(r_md_rel_year, need=("year",))),
    (_c(rf"\b{_DAYN}\s+(?:of\s+)?{_MON_ANY}\.?,?\s+{_Y4}"), Rule(r_mdy)),
    (_c(rf"\b(?P<mon>{_MF}|{_MA}),?\s+(?:of\s+)?{_Y4}"), Rule(r_month_year, back=B_MOD)),
    (_c(rf"\b(?P<mon>{_MF})\s+(?:of\s+)?(?i:{_RELY})\s+(?i:year)\b"), Rule(r_month_rel_year, back=B_MOD, need=("year",))),
    (_c(rf"\b{_MON_DAY}\s+{_DAYN}\b(?![\d%:.,]\d|\s*(?:%|percent|per\b|million|billion))"), Rule(r_month_day)),
    (_c(rf"\b{_DAYN}\s+(?:of\s+)?(?P<mon>{_MF})\b"), Rule(r_month_day)),
    (_c(rf"\b(?P<mon>{_MF})\b(?!\s+\d)"), Rule(r_month, back=B_MONTH)),
    (_c(rf"\b(?P<wd>{_WD})(?P<plural>s)?(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?\b"),
     Rule(r_weekday, back=B_WEEKDAY, need=("day",))),
    (_ci(r"\b(?P<w>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday"
         r"|the\s+day\s+after\s+tomorrow)(?:\s+(?P<pod>morning|afternoon|evening|night))?\b(?!-)"),
     Rule(r_dayword, back=B_EARLIER, need=("today", "tonight", "yesterday", "tomorrow"))),
    (_ci(r"\bthis\s+(?P<pod>morning|afternoon|evening)\b"),
     Rule(r_this_pod, back=B_EARLIER, need=("morning", "afternoon", "evening"))),
    (_ci(r"\b(?:late\s+)?last\s+(?P<pod>night|evening)\b"), Rule(r_last_night, need=("last",))),
    (_ci(r"\b(?:(?:during|in|over|through)\s+the\s+night|overnight)\b(?!-)"), Rule(r_overnight, need=("night",))),
    (_ci(r"\b(?P<rel>this|last|next|the\s+past|the\s+previous|the\s+coming|the\s+current|"
         r"the\s+following|the\s+last|the\s+next|past|previous|coming|current|the\s+latest|the\s+most\s+recent)\s+"
         r"(?P<unit>week|weekend|month|year|decade|century|quarter)\b(?!-)"),
     Rule(r_rel_unit, back=B_REL_UNIT, need=_UNITS)),
    (_ci(r"\b(?:earlier|later|early|late)\s+in\s+the\s+(?P<unit>week|month|year)\b"), Rule(r_in_the_unit, need=(" in the ",))),
    (_ci(r"\b(?:the|this)\s+weekend\b"), Rule(r_the_weekend, need=("weekend",))),
    (_ci(r"(?<![\w-])year[-\s]end\b(?!\s+\d)"), Rule(r_year_end, need=("year-end", "year end"))),
    (_ci(rf"\b(?:{_MODW})(?:\s+in)?\s+the\s+(?:current\s+)?(?P<unit>year|month|week)\b(?!-)"),
     Rule(r_the_year, need=("the year", "the month", "the week", "current year"))),
    (_ci(r"\b(?:the\s+(?:previous|preceding|next|following)\s+day|the\s+day\s+(?:before|prior|after)|a\s+day\s+(?:earlier|later))\b"
         r"(?!\s+(?:the|a|an|his|her|its|their|yesterday|tomorrow|\w+ed)\b)"),
     Rule(r_day_shift, deferred=True, need=("day",))),
    (_c(rf"\b(?:(?i:christmas)(?:\s+(?i:day|eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?)(?:,?\s+(?:of\s+)?{_Y4})?"),
     Rule(r_holiday, need=("christmas", "new year", "thanksgiving"))),
    (_ci(r"\b(?:(?:early|late|earlier|later)\s+in|the\s+(?:start|beginning|end|close)\s+of)\s+the\s+day\b"),
     Rule(r_same_day, deferred=True, need=("the day",))),
    (_ci(rf"\b(?P<ord>{_ORDW}|final)[\s-]+(?:fiscal\s+|financial\s+|calendar\s+)?quarter\b"
         rf"(?:\s+(?:of\s+)?(?:the\s+)?(?:fiscal\s+|financial\s+)?(?:year\s+)?(?:{_Y4}|{_RELY}\s+year))?"),
     Rule(r_quarter, back=B_THE, need=("quarter",))),
    (_c(rf"\bQ(?P<q>[1-4])(?:\s+|-|/)?(?:{_Y4}|'(?P<yy>\d\d))?\b"), Rule(r_quarter, need=("q1", "q2", "q3", "q4"))),
    (_ci(rf"\b(?P<ord>first|second|1st|2nd|latter)[\s-]+half\b"
         rf"(?:\s+of\s+(?:(?P<ofyear>the\s+year)|(?:fiscal\s+)?{_Y4}|{_RELY}\s+year))?"), Rule(r_half, back=B_THE, need=("half",))),
    (_c(rf"\b(?P<season>(?i:spring|summer|autumn|fall|winter))\b(?:,?\s+(?:of\s+)?{_Y4})?"),
     Rule(r_season, back=B_SEASON, need=("spring", "summer", "autumn", "fall", "winter"))),
    (_c(r"(?:(?<![\w'’])['’](?P<yy>\d0)|\b(?P<yyyy>1[5-9]\d0|20\d0)|\b(?P<yy2>[2-9]0))['’]?s\b"),
     Rule(r_decade, back=B_DECADE, need=("0s", "0's", "0’s"))),
    (_ci(rf"\bthe\s+(?:(?:{_MODW})(?:\s+|-))?(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"),
     Rule(r_decade, need=("ties",))),
    (_ci(rf"\bthe\s+(?:(?:{_MODW})(?:\s+|-))?(?:(?P<c>\d{{1,2}})(?:st|nd|rd|th)|(?P<cw>{_ORDW}))\s+century\b"),
     Rule(r_century, need=("century",))),
    (_c(r"(?<![\w$£€#.,/])(?P<year>1[5-9]\d\d|20\d\d)(?![\w%]|[.,]\d)"), Rule(r_year, back=B_MOD)),
    (_c(r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’%])"), Rule(r_year2, need=("'", "’"))),
    (_ci(rf"(?<![\w-])(?P<n>{_NUMW})\s+(?P<unit>day|week|month|year|decade)s?\s+(?P<dir>ago|from\s+now)\b"),
     Rule(r_ago, need=(" ago", "from now"))),
    (_c(rf"\b(?:H(?P<h>[12])|(?P<h2>[12])H)\s*{_Y4}"), Rule(r_h_year, need=("h1", "h2", "1h", "2h"))),
    (_ci(rf"(?<![\w-])(?:{_refs(PRESENT_REF[LANG])})(?![\w-])"),
     Rule(_ref("PRESENT_REF"), need=("now", "current", "present", "moment", "time being", "these days"))),
    (_ci(rf"(?<![\w-])(?:{_refs(PAST_REF[LANG])})(?![\w-]){_NUM_AHEAD}"),
     Rule(_ref("PAST_REF"), need=("recent", "past", "lately"))),
    (_ci(rf"(?<![\w-])(?<!as\s)(?:{_refs(FUTURE_REF[LANG])})(?![\w-])(?!\s+(?:of|after|afterwards|thereafter)\b)"),
     Rule(_ref("FUTURE_REF"), need=("future", "soon", "term", "coming", "ahead", "next few"))),
    (_ci(r"\b(?P<w>recent|current|ongoing)\b(?!-)"), Rule(r_adj_ref, need=("recent", "current", "ongoing"))),
    (_ci(r"\b(?:the\s+same\s+(?:period|month|quarter|time)\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+previous\s+year)"
         r"|a\s+year\s+(?:earlier|before)|the\s+year[-\s](?:earlier|ago)\s+(?:period|quarter|month))\b"),
     Rule(r_same_period, deferred=True, need=("same", "a year", "year-", "year "))),
    (_ci(r"\b(?:end|ended|ending|ends|finish|finished|finishing|close|closed|closing|for|on)\s+"
         r"(?P<x>the\s+same\s+day|that\s+(?:same\s+)?day|the\s+day)\b"
         r"(?!\s+(?:after|before|of|when|that|in|on|he|she|they|it|we|I|you|\w+ed)\b)"),
     Rule(r_same_day, deferred=True, need=("the day", "same day", "that day"))),
    (_ci(r"\b(?P<x>the\s+same\s+day)\b"), Rule(r_same_day, deferred=True, need=("same day",))),
    (_ci(rf"\b(?:the\s+)?(?P<ord>{_ORDW}|\d+(?:st|nd|rd|th))\s+anniversary\b"),
     Rule(r_anniversary, need=("anniversar",))),
]


_LEADS = ((r"\b", ""), (r"(?<![\w-])", "-"), (r"(?<![\w$£€#.,/])", "$£€#.,/"))
_UPPER_LITERAL = re.compile(r"\\.|\(\?P<\w+>|\(\?[a-zA-Z]+:|([A-Z])")


def _fast(regex: re.Pattern, rule: Rule) -> None:
    """Python's re skips quickly to a pattern's possible first characters, unless the pattern
    opens with an assertion (\\b, a lookbehind) or ignores case: such patterns are rescanned
    without the leading assertion (checked in Rule.hits) and, when case-insensitive with only
    lowercase literals, on the lowercased text."""
    p = regex.pattern
    flags = regex.flags & re.IGNORECASE
    lower = bool(flags) and not any(m.group(1) for m in _UPPER_LITERAL.finditer(p))
    digits = p.startswith("(?<![\\w") and "(?P<year>" in p[:40]
    if not (lower or digits):
        return  # measured: month and weekday alternations scan faster with their \\b
    for lead, extra in _LEADS:
        if p.startswith(lead) and not p[len(lead):].startswith("(?<"):
            p, rule.bound = p[len(lead):], extra
            break
    if lower:
        flags, rule.on_lower = 0, True
    rule.scan = re.compile(p, flags)


for _regex, _rule in PATTERNS:
    _fast(_regex, _rule)


# ---------------------------------------------------------------- spaCy entities no rule covers
_ENTITY_HINT = _c(rf"\b(?:{_MF}|{_MA_NODOT})\b|\b(?:1[5-9]|20)\d\d\b|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}")
_DURATION = _ci(r"\b(?:years?|months?|weeks?|days?|hours?|decades?)\b(?!\s+(?:ago|earlier|later|before|after))|\bold\b|\bage")


@lru_cache(maxsize=4096)
def resolve_entity_text(text: str, published: dt.date | None) -> Result | None:
    """A DATE/TIME entity the patterns did not cover: dateparser, once per distinct text."""
    if not _ENTITY_HINT.search(text) or _DURATION.search(text):
        return None
    has_year = bool(re.search(r"\b(?:1[5-9]|20)\d\d\b", text))
    base = dt.datetime.combine(published or dt.date(2000, 1, 1), dt.time(12))
    try:
        data = _parser(base, has_year).get_date_data(text)
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
def _parser(base: dt.datetime, has_year: bool):
    """One DateDataParser per publication date: RELATIVE_BASE, past preferred, strict parts."""
    from dateparser.date import DateDataParser

    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "STRICT_PARSING": False,
                "RETURN_TIME_AS_PERIOD": True, "REQUIRE_PARTS": ["year"] if has_year else []}
    return DateDataParser(languages=["en"], settings=settings)
