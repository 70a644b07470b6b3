"""Frames named by their source: "according to X", fronted sources ("In his view, ...", "By one
estimate, ...") and trailing ones ("Trump leads in the latest poll").
"""
from __future__ import annotations

from spacy.tokens import Token

from storyline.extract.attribution.context import CUE_LEMMAS, LANG, Cand, Ctx
from storyline.extract.attribution.spans import clause_minus, content_spans
from storyline.lexicons import lexicon

L = lexicon(LANG, "attribution")

_IN_SOURCES = L["document"] | L["in_source_nouns"]
_BY_SOURCES = L["by_source_nouns"]


def according_frame(ctx: "Ctx", acc: Token) -> Cand | None:
    doc = ctx.doc
    to = doc[acc.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in acc.children if c.dep_ == "pobj"]
    src = None
    if objs:
        o = objs[0]
        a, b = o.left_edge.i, o.right_edge.i
        while b > a and doc[b].is_punct:
            b -= 1
        src = ((doc[a].idx, doc[b].idx + len(doc[b])), o.i)
    head = acc.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    sent = acc.sent
    content = clause_minus(ctx, head if head.pos_ in ("VERB", "AUX") else sent.root, acc)
    if not content:
        return None
    cue = (acc.idx, to.idx + len(to))
    return Cand("according_to", cue, acc.i, src[0] if src else None, src[1] if src else None,
                 content=content, verb=head.i)


def fronted_source_frame(ctx: "Ctx", prep: Token) -> Cand | None:
    """ "In the poll, she led …", "Per CTV News, she had …", "By some measures, Mr. Obama has …":
    a fronted source, set off by a comma. ("For X, …" was tried: more often a topic than a
    source.)"""
    doc = ctx.doc
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    end = pobj.right_edge.i
    if end + 1 >= len(doc) or doc[end + 1].text != ",":
        return None
    w, lemma = prep.lower_, pobj.lemma_.lower()
    if w == "in" and lemma not in _IN_SOURCES:
        return None
    if w == "by" and lemma not in _BY_SOURCES:
        return None
    if w == "per" and pobj.pos_ not in ("PROPN", "NOUN"):
        return None
    if prep.head.lemma_.lower() in CUE_LEMMAS:
        return None  # "In a statement, Clinton said …": the verb reports, with its own subject
    se = ctx.sent_end[prep.i]
    spans = content_spans(ctx, set(range(end + 2, se)), prep.i)
    if not spans:
        return None
    a = pobj.left_edge.i
    return Cand("according_to", (prep.idx, prep.idx + len(prep)), prep.i,
                 (doc[a].idx, doc[end].idx + len(doc[end])), pobj.i, content=spans)


_TRAIL_PREP, _TRAIL_NOUNS = L["trailing_sources"]


def trailing_source_frame(ctx: "Ctx", prep: Token) -> Cand | None:
    """ "Trump leads by 20 points in the latest poll": the clause reports the poll, from its
    subject up to the preposition (a fronted setting and what trails the poll stay out)."""
    doc = ctx.doc
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in _TRAIL_NOUNS:
        return None
    head = prep.head
    if head.lemma_.lower() in CUE_LEMMAS or head.pos_ not in ("VERB", "AUX") or head.dep_ not in ("ROOT", "conj"):
        return None  # a clause of its own, not a relative, a noun phrase or a reporting verb
    subj = next((c for c in head.children if c.dep_ == "nsubj" and c.i < prep.i), None)
    if subj is None:
        return None
    spans = content_spans(ctx, set(range(subj.left_edge.i, prep.i)), prep.i)
    if not spans:
        return None
    a, end = pobj.left_edge.i, pobj.right_edge.i
    return Cand("according_to", (prep.idx, prep.idx + len(prep)), prep.i,
                 (doc[a].idx, doc[end].idx + len(doc[end])), pobj.i, content=spans)
