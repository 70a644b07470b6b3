"""What event extraction reads off the dependency parse: clause verbs and their depth, auxiliaries
and negation, particles, objects, subjects, agents, noun-phrase spans.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from storyline.extract.events.words import ADVERB_PARTICLES, BACKGROUND_PREPS, NEG


OBJ = {"dobj", "obj", "attr", "oprd"}


def split_entry(entry: str) -> tuple[str, str | None]:
    t, _, m = entry.partition("/")
    return t, (m or None)


def clause_depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 30:
        tok = tok.head
        d += 1
    return d


def clause_verb(tok: Token) -> Token:
    """The verb whose clause holds ``tok`` (the token itself for verbs)."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT" or t.head.i == t.i:
            return t
        t = t.head
    return t


def aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}


def is_negated(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ in NEG and c.dep_ in ("advmod", "det", "neg")):
            return True
    return False


def particle(tok: Token) -> str | None:
    """The particle of a phrasal verb ("shot down"; "pulled back", parsed as an adverb)."""
    for c in tok.children:
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in ADVERB_PARTICLES
                               and c.i > tok.i):
            return c.lower_
    return None


def objects(tok: Token) -> list[Token]:
    out = [c for c in tok.children if c.dep_ in OBJ]
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative"):
            out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
    return out


def in_background(tok: Token) -> bool:
    """A noun inside a temporal or causal adjunct ("after the attack", "since the invasion",
    "amid clashes") up to its clause verb."""
    t = tok
    for _ in range(5):
        head = t.head
        if head.i == t.i or head.pos_ in ("VERB", "AUX"):
            return t.dep_ == "prep" and t.lower_ in BACKGROUND_PREPS
        if t.dep_ == "prep" and t.lower_ in BACKGROUND_PREPS:
            return True
        t = head
    return False


def subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject of ``verb``, inherited through xcomp/conj/relcl/advcl when not written."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            if c.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                return verb.head
            return c
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if depth > 4 or verb.head.i == verb.i:
        return None
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp"):
        return subject(verb.head, depth + 1)
    if verb.dep_ == "relcl":
        return verb.head
    if verb.dep_ in ("pobj", "prep"):
        return subject(verb.head, depth + 1)
    return None


def agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def passive_subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            return c
    return None


def np_span(tok: Token) -> tuple[int, int]:
    """Token indices [start, end) of the noun phrase headed by ``tok`` (no clauses)."""
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in ("punct", "cc", "preconj"):
            continue
        start = min(start, c.left_edge.i)
    end = tok.i + 1
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "in", "from") and tok.pos_ == "NOUN":
            end = max(end, c.right_edge.i + 1)
        elif c.dep_ in ("compound", "nummod", "amod") :
            end = max(end, c.right_edge.i + 1)
        else:
            break
    doc = tok.doc
    while start < end - 1 and doc[start].dep_ in ("det", "punct", "cc") and doc[start].lower_ not in ("no",):
        if doc[start].lower_ in ("the", "a", "an", ",", "'"):
            start += 1
        else:
            break
    return start, end


def span_text(doc: Doc, a: int, b: int) -> str:
    """The characters [a, b) of the Doc's text without building the whole text (slow)."""
    sp = doc.char_span(a, b, alignment_mode="expand")
    if sp is None:
        return ""
    t = sp.text
    off = a - sp.start_char
    return t[off:off + (b - a)]
