"""How an event is coded beyond its trigger: the mode from cues in the sentence, control verbs
("threatened to", "refused to", "urged X to"), modal and negated verbs, purpose clauses, and
"X said Y must ..." demands.
"""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from storyline.extract.events.plover import MODE_ORDER
from storyline.extract.events.syntax import aux_words, is_negated, subject
from storyline.extract.events.triggers import Cand
from storyline.extract.events.words import (
    CONTROL, FUTURE_AUX, HYPO_AUX, MEET_CUES, MODE_CUES, MUST_REPORTING, VERB_OBJ_TYPES,
)


def mode_from_cues(c: Cand, sent: SpacySpan) -> str | None:
    cues = MODE_CUES.get(c.type)
    if not cues:
        return c.mode
    found: list[str] = []
    scope = list(c.clause.subtree) if c.clause is not None else list(sent)
    for t in scope:
        m = cues.get(t.lemma_.lower()) or cues.get(t.lower_)
        if m and m not in found:
            found.append(m)
    if not found:
        if c.type == "CONSULT" and c.mode is None and c.tok.lemma_.lower() in ("speak", "talk") \
                and c.meeting and not any(t.lemma_.lower() in MEET_CUES for t in sent):
            return "phone"
        return c.mode
    if c.type == "ASSAULT":
        if "drone" in found and "aerial" in found:
            return "aerial"
        order = MODE_ORDER["ASSAULT"]
        found.sort(key=lambda m: order.index(m) if m in order else 99)
        return found[0] if c.mode is None or c.mode in found or c.mode == "aerial" else c.mode
    if c.type == "CONSULT":
        if "phone" in found:
            return "phone"
        if c.mode:
            return c.mode
        return found[0]
    return c.mode or found[0]


def control_of(c: Cand) -> tuple[Token, str] | None:
    """The control word governing the trigger, if any ("threatened to [cut off]")."""
    tok = c.tok
    t = tok
    for _ in range(3):
        head = t.head
        if head.i == t.i:
            return None
        dep = t.dep_
        hl = head.lemma_.lower()
        if dep in ("xcomp", "ccomp", "acl") and hl in CONTROL:
            return head, CONTROL[hl]
        # "advocated the deployment", "demanded the withdrawal", "threatened sanctions"
        if dep in ("dobj", "obj") and t is tok and tok.pos_ == "NOUN" and hl in CONTROL \
                and head.pos_ == "VERB" and (hl, tok.lemma_.lower()) not in VERB_OBJ_TYPES:
            return head, CONTROL[hl]
        if dep == "pobj" and head.dep_ == "prep" and head.lower_ in ("for", "to", "on", "about", "of"):
            gov = head.head
            gl = gov.lemma_.lower()
            if gl in CONTROL:
                return gov, CONTROL[gl]
            t = gov
            continue
        if dep in ("acl", "ccomp") and head.pos_ == "NOUN" and hl in CONTROL:
            return head, CONTROL[hl]  # "accusations that it had shelled the plant"
        if dep == "pcomp" and head.lower_ in ("of", "about", "for"):
            gov = head.head
            gl = gov.lemma_.lower()
            if gl in CONTROL:
                return gov, CONTROL[gl]
            t = gov
            continue
        if dep == "acomp" or (dep == "xcomp" and head.pos_ == "ADJ"):
            if hl in CONTROL:
                return head, CONTROL[hl]
        if dep in ("xcomp",) and head.dep_ == "acomp" and head.lemma_.lower() in CONTROL:
            return head, CONTROL[head.lemma_.lower()]
        return None
    return None


def modal(verb: Token) -> tuple[bool, bool, bool]:
    """(future, hypothetical, negated) from the auxiliaries of ``verb``."""
    aux = aux_words(verb)
    fut = bool(aux & FUTURE_AUX)
    hyp = bool(aux & HYPO_AUX)
    neg = is_negated(verb)
    if verb.dep_ in ("xcomp",) and verb.head.lemma_.lower() == "go" and verb.head.tag_ == "VBG":
        fut = True
    return fut, hyp, neg


# verbal acts that a purpose clause performs ("blocked roads to protest", "rallied to demand")
SAID_IN_DOING = {"PROTEST", "REQUEST", "ACCUSE", "SUPPORT", "REJECT", "THREATEN", "AGREE"}


def in_purpose_clause(verb: Token) -> bool:
    """"(as a measure) to compel Russia to negotiate": an infinitive that states an aim."""
    t = verb
    for _ in range(4):
        has_to = any(c.dep_ == "aux" and c.tag_ == "TO" for c in t.children)
        if has_to and t.dep_ in ("acl", "advcl", "relcl"):
            return True
        if t.dep_ in ("xcomp", "ccomp", "conj") and t.head.i != t.i:
            t = t.head
            continue
        return False
    return False


def reporter_subject(verb: Token) -> Token | None:
    """For a ccomp of a reporting verb: that verb's subject ("X said Y must ...": X)."""
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in MUST_REPORTING and \
            verb.lemma_ not in ("be", "have"):
        return subject(verb.head)
    return None
