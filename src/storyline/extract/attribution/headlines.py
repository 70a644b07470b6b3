"""Headline and caption forms: "Speaker: what was said" colon lines, and headlines whose main
clause reports ("Court rules against ...").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from storyline.extract.attribution.context import LANG, Cand, Ctx, tok_at
from storyline.extract.attribution.spans import content_spans
from storyline.lexicons import lexicon

L = lexicon(LANG, "attribution")

_COLON_LINE = re.compile(r"^[ \t]*[\"“]?([A-Z][^\n:\"“”]{0,40}?)[ \t]*:[ \t]+(\S[^\n]*?)[ \t]*$", re.M)
_NOT_SPEAKERS = L["not_speakers"]


def _named_elsewhere(doc: Doc, tok: Token) -> bool:
    """ "Sanders: …" — a single word the article uses as a name somewhere else."""
    return any(t.text == tok.text and t.i != tok.i and (t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                                                        or t.pos_ == "PROPN") for t in doc)


def _capitals_named_elsewhere(text: str, words: list[str]) -> bool:
    """ "TRUMP: …" is a speaker when the article writes the name in ordinary case too; "KEEPING
    SCORE:", "ENERGY:" are a wire story's section labels."""
    return any(re.search(rf"\b{re.escape(w.title())}\b", text) for w in words if len(w) > 1)


def colon_lines(ctx: "Ctx", cands: dict[int, "Cand"]) -> None:
    """ "Sanders: Clinton Email Story Has Moved", "TRUMP: The deaths …" — a name, a colon and
    what they said, on a line of its own (headlines, transcripts, interviews)."""
    doc, text = ctx.doc, ctx.text
    if ":" not in text:
        return
    for m in _COLON_LINE.finditer(text):
        name, content = m.span(1), m.span(2)
        words = text[name[0]:name[1]].split()
        if not words or len(words) > 5 or words[0].lower().strip("'’s") in _NOT_SPEAKERS:
            continue
        span = doc.char_span(name[0], name[1], alignment_mode="expand")
        if span is None or any(t.pos_ in ("VERB", "AUX", "NUM") or t.like_num for t in span):
            continue
        if not any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in span) \
                and not (len(words) <= 3 and all(w.isupper() for w in words) and len(words[0]) > 1
                         and _capitals_named_elsewhere(text, words)) \
                and not (len(words) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span)) \
                and not (len(span) == 1 and span[0].text[:1].isupper() and _named_elsewhere(doc, span[0])):
            if not any(t.lemma_.lower() in L["document"] | L["media"] for t in span):
                continue
        colon = tok_at(ctx, name[1], left=False)
        if colon is None or colon in cands:
            continue
        while colon < len(doc) and doc[colon].text != ":":
            colon += 1
        if colon >= len(doc):
            continue
        head = span.root
        a, b = content
        if text[b - 1] == "." and text[a] not in "\"“‘'":
            b -= 1  # a headline's closing period is not part of the claim
        cands[colon] = Cand("indirect", (doc[colon].idx, doc[colon].idx + 1), colon,
                             (span.start_char, span.end_char), head.i, content=[(a, b)])


def headline_frame(ctx: "Ctx", n: Token) -> Cand | None:
    doc = ctx.doc
    lefts = [c for c in n.lefts if c.dep_ in ("compound", "nmod", "amod") and c.pos_ in ("PROPN", "NOUN")]
    if not lefts:
        return None
    a = min(c.left_edge.i for c in lefts)
    last = doc[n.i - 1]
    ss, se = ctx.sent_start[n.i], ctx.sent_end[n.i]
    toks = set(range(n.i + 1, se))
    k = n.i + 1
    cue_end = n.i + 1
    if k < se and doc[k].pos_ == "ADP" and k + 1 < se:  # "rules against"
        toks.discard(k)
        cue_end = k + 1
    spans = content_spans(ctx, toks, n.i)
    if not spans or spans[0][1] - spans[0][0] < 3:
        return None
    cue = (n.idx, doc[cue_end - 1].idx + len(doc[cue_end - 1]))
    return Cand("indirect", cue, n.i, (doc[a].idx, last.idx + len(last)), n.i - 1, content=spans)
