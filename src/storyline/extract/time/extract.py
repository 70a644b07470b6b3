"""Temporal expressions normalised to TimeML DATE values against the publication date.

How it works, per article:

1. Candidates come from compiled patterns over ``doc.text`` (``patterns``: absolute dates,
   weekdays, "last week", quarters, seasons, decades, "during the night", "now", ...) and
   from spaCy's DATE/TIME entities that no pattern covers.
2. Overlaps are settled longest first; each candidate is normalised by its pattern's rule,
   looking at the tense of the clause where the direction matters ("on Monday" in a past
   report is the most recent Monday, in a future one the next). Entities no rule knows go to
   dateparser once per distinct text (cached), and only when they name a month or a year.
3. Durations ("three years", "for two weeks") and ages match no rule and are dropped.

With ``published=None`` relative expressions keep ``value=None, relative=True``; absolute
ones ("March 3, 2021", "the 1990s") still resolve, with ``relative=False``.
"""
from __future__ import annotations

import datetime as dt
import re

import numpy as np
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Doc

from storyline.extract.time.context import Context
from storyline.extract.time.entities import resolve_entity_text
from storyline.extract.time.patterns import PATTERNS
from storyline.extract.time.relative import r_day_shift, r_weekday
from storyline.records import DateValue

__all__ = ["extract_dates"]

_ENTITY_LABELS = ("DATE", "TIME")
_APPOSITIVE_RULES = (r_weekday, r_day_shift)
_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WEEKDAY_GAP = re.compile(r",?[ \t\u00a0]{1,2}(?:the[ \t\u00a0]+)?")


def _entity_spans(doc: Doc) -> list[tuple[int, int]]:
    """Char spans of DATE/TIME entities, read from the token arrays (``doc.ents`` builds every
    entity span in Python, which costs more than this whole stage)."""
    ids = [doc.vocab.strings[label] for label in _ENTITY_LABELS if label in doc.vocab.strings]
    if not ids or len(doc) == 0:
        return []
    arr = doc.to_array([ENT_IOB, ENT_TYPE])
    hits = np.flatnonzero(np.isin(arr[:, 1], ids))
    spans: list[tuple[int, int]] = []
    prev = -2
    for i in hits.tolist():
        tok = doc[i]
        end = tok.idx + len(tok.text)
        if i == prev + 1 and arr[i, 0] == 1 and arr[i, 1] == arr[prev, 1]:  # I- continues
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((tok.idx, end))
        prev = i
    return spans


def extract_dates(doc: Doc, published: dt.date | None) -> list[DateValue]:
    """Every temporal expression in ``doc`` with its TimeML DATE value (sorted by offset)."""
    if isinstance(published, dt.datetime):
        published = published.date()
    text = doc.text
    ctx = Context(doc, published, text)
    cands: list[tuple[int, int, int, object, object]] = []  # (start, end, priority, rule, match)
    lower = text.lower()
    for prio, (regex, rule) in enumerate(PATTERNS):
        for m in rule.hits(regex, text, lower):
            if "x" in regex.groupindex and m.group("x"):
                s, e = m.start("x"), m.end("x")
            else:
                s, e = m.start(), m.end()
            cands.append((s, e, prio, rule, m))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))

    taken: list[tuple[int, int]] = []
    turned_down: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    # Settle overlaps longest first (a candidate that does not normalise frees its span for
    # shorter ones), then finish anaphoric rules ("the same day") in text order.
    chosen: list[tuple[int, int, object, object, tuple[str | None, bool] | None]] = []
    for s, e, _prio, rule, m in cands:
        if not free(s, e):
            continue
        if rule.deferred:
            res = None  # anaphoric: normalised below, in text order
        else:
            res = rule.normalise(m, ctx, s, e)
            if res is None:
                turned_down.append((s, e))
                continue
        taken.append((s, e))
        chosen.append((s, e, rule, m, res))
    # spaCy DATE/TIME entities that no rule took nor turned down ("the Russell 2000 Index")
    taken.extend(turned_down)
    for es, ee in _entity_spans(doc):
        if free(es, ee):
            res = resolve_entity_text(text[es:ee], published)
            if res is not None:
                chosen.append((es, ee, None, None, res))
    chosen.sort(key=lambda c: c[0])
    out: list[DateValue] = []
    for i, (s, e, rule, m, res) in enumerate(chosen):
        if rule is not None and rule.deferred:
            res = rule.normalise(m, ctx, s, e)
            if res is None:
                continue
        value, relative = res
        if rule is not None and rule.fn in _APPOSITIVE_RULES and i + 1 < len(chosen):
            # "Monday, March 3, 2021", "the next day, Sept. 15": the written date beside it wins
            ns, _ne, nrule, nm, nres = chosen[i + 1]
            if nres is not None and nres[0] and _DAY_VALUE.fullmatch(nres[0]) and _WEEKDAY_GAP.fullmatch(text, e, ns):
                part = value[10:] if value else ""
                value, relative = nres[0] + part, nres[1]
        if relative and published is None:
            value = None
        out.append(DateValue((s, e), text[s:e], value, relative))
        if value is not None and value[:4].isdigit():
            ctx.last_value = value
            if _DAY_VALUE.match(value):
                ctx.last_day = value[:10]
    return out
