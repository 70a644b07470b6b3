"""The per-document state the date rules share: the doc, the publication date, the last day
named, and the tense of the clause that governs an expression (past, future or neither).
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from storyline.extract.time.words import FUTURE, FUTURE_VERBS


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
        m = PREV_WORD.search(self.text, max(0, s - 40), s)
        return m.group(1).lower().strip("'") if m else ""

    def direction(self, s: int, e: int) -> str | None:
        """"past", "future" or None (present or unknown) for the clause governing s:e."""
        key = (s, e)
        if key not in self._tense:
            self._tense[key] = clause_direction(self, s, e)
        return self._tense[key]


PREV_WORD = re.compile(r"([\w']+)[^\w']*\Z")
PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def verb_tense(v) -> str | None:
    """"past", "future", "present" (simple present: scheduled events, headlines) or None."""
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    lows = {a.lower_ for a in auxes}
    if lows & {"will", "shall", "'ll", "wo", "may", "might", "should", "would", "could", "to"}:
        return "future"
    if v.lemma_ in FUTURE_VERBS and v.tag_ != "VBD" and not any(a.tag_ == "VBD" and a.lemma_ == "have" for a in auxes):
        return "future"
    if lows & {"has", "have", "had", "'s", "'ve", "'d"} and v.tag_ == "VBN":
        return "past"
    if any(a.tag_ == "VBD" for a in auxes) or v.tag_ == "VBD":
        return "past"
    if v.tag_ == "VBN" and not auxes and v.dep_ in ("ROOT", "conj", "ccomp", "relcl", "advcl", "acl"):
        return "past"
    if v.lemma_ in ("go",) and v.tag_ == "VBG":
        return "future"
    if v.tag_ in PRESENT_TAGS or any(a.tag_ in PRESENT_TAGS for a in auxes):
        return "present"
    return None


def clause_direction(ctx: Context, s: int, e: int) -> str | None:
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
        t = verb_tense(v)
        if t is not None:
            return t
        is_inf = v.tag_ == "VB" and any(c.lower_ == "to" for c in v.children if c.dep_ == "aux")
        if is_inf and v.head is not v:
            head = v.head
            if head.lemma_ in FUTURE or head.lower_ in FUTURE:
                return "future"
            v = head
            continue
        if v.tag_ in ("VB", "VBZ", "VBP", "VBG"):
            # "is set to", "is expected to": adjective/participle heads of an infinitive
            for c in v.children:
                if c.dep_ in ("xcomp", "acomp") and (c.lower_ in FUTURE or c.lemma_ in FUTURE):
                    return "future"
        break
    return None
