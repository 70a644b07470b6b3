"""Shared state for attribution extraction: the word lists in use, the candidate record, the
per-document context (quote mask, sentence ends, token offsets).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc

from storyline.extract.attribution.quotes import Quote
from storyline.lexicons import lexicon

LANG = "en"
L = lexicon(LANG, "attribution")
SPEECH = L["speech_verbs"]
CLAUSE = L["clause_verbs"]
XCOMP = L["xcomp_verbs"]
OBJECT = L["object_verbs"]
PREP = L["prep_verbs"]
LIGHT = L["light_verbs"]
NOUN_PREPS = L["noun_prepositions"]
COPULAS = L["copulas"]
RAISING = L["raising_verbs"]
CUE_LEMMAS = CLAUSE | XCOMP | OBJECT | frozenset(PREP)
_ENDERS = frozenset(".?!")
_CLOSERS = frozenset("”\"'’") | {"''"}
_OPENERS = frozenset("“\"‘") | {"``", "''"}


@dataclass
class Cand:
    kind: str
    cue: tuple[int, int] | None  # char span
    cue_tok: int | None
    source: tuple[int, int] | None  # char span
    source_tok: int | None  # head token of the source
    content: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    verb: int | None = None  # the predicate, to reach the governing clause


@dataclass
class Ctx:
    doc: Doc
    quotes: list[Quote]
    in_quote: list[bool]
    boundary: list[bool]  # token k ends a sentence (outside quotes)
    starts: list[int]  # token start offsets, for bisecting
    text: str  # doc.text, which spaCy rebuilds on every access
    sent_start: list[int]  # per token: where its sentence starts and ends
    sent_end: list[int]


def sentence_boundaries(doc: Doc, in_quote: list[bool]) -> list[bool]:
    """Per token: whether it ends a sentence outside quotations (a line break, or an end mark
    before a capital or an opening quote), to cut contents where the parser ran sentences on."""
    n = len(doc)
    out = [False] * n
    for k in range(n - 1):
        t = doc[k]
        if "\n" in t.whitespace_ or (t.is_space and "\n" in t.text):
            out[k] = True
            continue
        if in_quote[k]:
            continue
        s = t.text
        if s in _ENDERS or (s in _CLOSERS and k and doc[k - 1].text in _ENDERS):
            nxt = doc[k + 1]
            if nxt.is_space or nxt.text in _OPENERS or nxt.text[:1].isupper():
                if s in _ENDERS and nxt.text in _CLOSERS and not nxt.text in ("“", "``"):
                    continue  # the closing mark after the period ends it
                out[k] = True
    return out


def quote_mask(doc: Doc, quotes: list[Quote]) -> list[bool]:
    mask = [False] * len(doc)
    for q in quotes:
        for a, b in q.parts:
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            for i in range(span.start, span.end):
                t = doc[i]
                if t.idx > a and t.idx + len(t) < b:  # the marks themselves are outside
                    mask[i] = True
    return mask


def tok_at(ctx: Ctx, char: int, left: bool) -> int | None:
    """The first token starting at or after ``char`` (left=False), or the last one ending at or
    before it (left=True)."""
    doc, starts = ctx.doc, ctx.starts
    if left:
        i = bisect_right(starts, char - 1) - 1
        while i >= 0 and doc[i].idx + len(doc[i]) > char:
            i -= 1
        return i if i >= 0 else None
    i = bisect_left(starts, char)
    return i if i < len(doc) else None
