"""extract_attributions: direct quotes, indirect speech and sourced claims, with speakers resolved.

Rules over the spaCy dependency parse (the Gender Gap Tracker approach, extended):

1. Quotation marks give quote groups (``quotes``); those that read as statements
   are tied to a speech verb beside them ("…," said X / X said: "…" / "…" X said. in the next
   sentence), split quotes by one speaker are joined, and a quote that follows an attributed
   one in the same paragraph continues it.
2. Every reporting verb (the attribution lexicon) with its complement: a clause (ccomp), a
   to-infinitive (xcomp), an object, or a prepositional object is the content; its subject,
   the passive agent, or the subject of the verb it hangs on is the source. Parenthetical
   ("which, he said, is …") and "as X reported" verbs take the rest of their clause.
3. "according to X", and report nouns with their clause ("the claim that …").
4. Nesting: an attribution whose cue lies inside another's content, or a claim by a channel,
   account or outlet right after a report by the media in general, points at the relaying one.

The source is resolved with the article's entities (``entity_at``); its type comes from the
entity type and the source lexicons.
"""
from __future__ import annotations

from spacy.tokens import Doc

from storyline.extract.attribution.context import (
    CUE_LEMMAS, LANG, LIGHT, NOUN_PREPS, COPULAS, Cand, Ctx, sentence_boundaries, quote_mask,
)
from storyline.extract.attribution.direct import attach_quotes
from storyline.extract.attribution.headlines import colon_lines, headline_frame
from storyline.extract.attribution.noun_frames import (
    adjective_frame, copula_frame, light_verb_frame, noun_frame, reception_frame, verb_as_noun,
)
from storyline.extract.attribution.quotes import find_quotes
from storyline.extract.attribution.records import finish, build_records
from storyline.extract.attribution.source_frames import according_frame, fronted_source_frame, trailing_source_frame
from storyline.extract.attribution.verb_frames import adverb_frame, verb_frame
from storyline.lexicons import lexicon
from storyline.records import Attribution, Entity

L = lexicon(LANG, "attribution")

NOUNS = L["report_nouns"]
ATTITUDE = L["attitude_adjectives"]
QUOTE_ONLY = L["quote_only_verbs"]
REPORT_ADVERBS = L["report_adverbs"]
TRAIL_PREP = L["trailing_sources"][0]
RECEIVING = L["receiving_verbs"] | L["under_verbs"][1]
_FRONT_PREPS = frozenset({"in", "per", "by"})
LINK_LINES = L["link_line_prefixes"]
ACCORD, ACCORD_TO = L["according"]  # "according to X"


def _on_link_line(text: str, c: Cand) -> bool:
    """A candidate on a "READ MORE: …" line: another article's headline, linked."""
    at = c.cue[0] if c.cue else c.content[0][0] if c.content else 0
    line = text[text.rfind("\n", 0, at) + 1:at + 1].lstrip().lower()
    return line.startswith(LINK_LINES)


def extract_attributions(doc: Doc, entities: list[Entity]) -> list[Attribution]:
    """Every statement attributed in ``doc``: one frame per cue token (``verb_frames``,
    ``noun_frames``, ``source_frames``, ``headlines``), colon lines, quotations tied to their
    speakers (``direct``), then finished and resolved into records (``records``)."""
    text = doc.text
    if not text.strip():
        return []
    quotes = find_quotes(text)
    in_quote = quote_mask(doc, quotes)
    sent_start, sent_end = [0] * len(doc), [0] * len(doc)
    for sent in doc.sents:
        for k in range(sent.start, sent.end):
            sent_start[k], sent_end[k] = sent.start, sent.end
    ctx = Ctx(doc, quotes, in_quote, sentence_boundaries(doc, in_quote), [t.idx for t in doc], text,
               sent_start, sent_end)
    cands: dict[int, Cand] = {}  # keyed by cue token
    for tok in doc:
        if in_quote[tok.i]:
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lemma in QUOTE_ONLY:
            continue  # tied to its quotation, if any, by the quote pass
        if tok.pos_ in ("VERB", "AUX") and lemma in CUE_LEMMAS:
            c = verb_frame(ctx, tok, lemma)
            if c is None and lemma in LIGHT:
                c = light_verb_frame(ctx, tok)
            if c is not None:
                cands[tok.i] = c
        elif tok.pos_ == "VERB" and lemma in LIGHT:
            c = light_verb_frame(ctx, tok)
            if c is not None:
                cands[tok.i] = c
        elif tok.pos_ in ("VERB", "AUX") and lemma in RECEIVING:
            c = reception_frame(ctx, tok)
            if c is not None:
                cands[tok.i] = c
        elif lemma == "be" and tok.dep_ in ("ROOT", "ccomp", "conj"):
            c = copula_frame(ctx, tok)
            if c is not None:
                cands[tok.i] = c
        elif tok.dep_ == "prep" and tok.i == ctx.sent_start[tok.i] and tok.lower_ in _FRONT_PREPS:
            c = fronted_source_frame(ctx, tok)
            if c is not None:
                cands[tok.i] = c
        elif tok.dep_ == "prep" and tok.lower_ == TRAIL_PREP and tok.i > ctx.sent_start[tok.i]:
            c = trailing_source_frame(ctx, tok)
            if c is not None:
                cands[tok.i] = c
        elif tok.dep_ == "advmod" and tok.lower_ in REPORT_ADVERBS and tok.head.pos_ in ("VERB", "AUX"):
            c = adverb_frame(ctx, tok)
            if c is not None:
                cands[tok.i] = c
        elif lemma == ACCORD and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == ACCORD_TO:
            c = according_frame(ctx, tok)
            if c is not None:
                cands[tok.i] = c
        elif tok.dep_ == "acomp" and tok.lower_ in ATTITUDE and tok.head.lemma_ in COPULAS:
            c = adjective_frame(ctx, tok)
            if c is not None:
                cands[tok.i] = c
        elif tok.dep_ == "ROOT" and tok.tag_ in ("NNS", "NNPS") and verb_as_noun(tok):
            c = headline_frame(ctx, tok)
            if c is not None:
                cands[tok.i] = c
        elif tok.pos_ == "NOUN" and (lemma in NOUNS or lemma in NOUN_PREPS):
            c = noun_frame(ctx, tok)
            if c is not None:
                cands[tok.i] = c
    colon_lines(ctx, cands)
    attach_quotes(ctx, cands)
    out = finish(doc, text, [c for c in cands.values() if not _on_link_line(text, c)], quotes)
    return build_records(doc, text, out, entities)
