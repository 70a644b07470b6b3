"""One sentence's events: its candidates resolved against control verbs and modality, ranked, and
at most ``MAX_TYPES`` distinct types kept.
"""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from storyline.extract.events.modality import (
    SAID_IN_DOING, control_of, in_purpose_clause, modal, reporter_subject,
)
from storyline.extract.events.plover import COOPERATIVE, MATERIAL_CONFLICT
from storyline.extract.events.syntax import (
    aux_words, clause_depth, clause_verb, is_negated, subject,
)
from storyline.extract.events.triggers import Cand, sentence_candidates
from storyline.extract.events.words import LIGHT, PURE_LIGHT, VERB_OBJ_TYPES


MAX_TYPES = 2


def resolve_sentence(sent: SpacySpan, maybe: list[bool] | None = None) -> list[Cand]:
    cands = sentence_candidates(sent, maybe)
    by_tok = {c.tok.i: c for c in cands}
    out: list[Cand] = []
    dropped: set[int] = set()
    # nouns under a light verb that is itself a trigger: the verb wins unless it is only light
    for c in cands:
        if c.tok.pos_ not in ("NOUN", "PROPN"):
            continue
        head = c.tok.head
        hc = by_tok.get(head.i)
        if hc is not None and c.tok.dep_ in ("dobj", "obj", "nsubjpass"):
            hl = head.lemma_.lower()
            if (hl, c.tok.lemma_.lower()) in VERB_OBJ_TYPES:
                dropped.add(c.tok.i)  # "lodged a protest": the pair has its own type
            elif hl in PURE_LIGHT or (hl in LIGHT and hc.prio < 2):
                dropped.add(head.i)
            else:
                if hc.mode is None and c.mode and hc.type == c.type:
                    hc.mode = c.mode
                dropped.add(c.tok.i)
    gone: set[int] = set()  # id() of candidates absorbed by another one
    for c in cands:
        if c.tok.i in dropped:
            gone.add(id(c))
    for c in cands:
        if id(c) in gone:
            continue
        is_verb = c.tok.pos_ in ("VERB", "AUX", "ADJ")
        anchor = c.tok
        if not is_verb and c.tok.dep_ in ("dobj", "obj", "nsubjpass", "attr") \
                and c.tok.head.pos_ in ("VERB", "AUX"):
            anchor = c.tok.head  # "will extend the curfew": the light verb carries the modality
        ctl = control_of(c) or (control_of(Cand(c.type, c.mode, anchor, c.prio, anchor))
                                if anchor is not c.tok else None)
        verb = anchor if anchor is not c.tok or is_verb else clause_verb(c.tok)
        fut, hyp, neg = modal(verb)
        if ctl is not None:
            ctok, kind = ctl
            answer = by_tok.get(ctok.head.i)
            if kind != "PROPOSAL" and ctok.pos_ == "NOUN" and ctok.dep_ in ("dobj", "obj", "pobj") \
                    and answer is not None \
                    and answer.type in ("REJECT", "AGREE", "CONCEDE", "SUPPORT") and answer is not c:
                gone.add(id(c))  # "rejected an appeal for deploying troops": answered, not asked
                continue
            cc = by_tok.get(ctok.i)
            cneg = is_negated(ctok) or neg
            if kind == "PROPOSAL":
                c.hyp = True
                c.neg = neg
            elif kind == "INTENT":
                base = c.type
                c.fut = True
                if base == "RETREAT" and c.mode == "resign":
                    pass
                elif cneg and base in COOPERATIVE:
                    c.type, c.mode = "REJECT", None
                elif base in COOPERATIVE:
                    c.type, c.mode = "AGREE", None
                elif base in MATERIAL_CONFLICT or base == "PROTEST":
                    c.type = "THREATEN"
                if ctok.pos_ in ("VERB", "ADJ"):
                    c.comp, c.tok = c.tok, ctok
                c.neg = neg and not cneg
                c.prio = max(c.prio, 2)
            else:
                # the control word is the event; the complement is what it is about
                c.type, c.mode = kind, None
                c.neg = cneg
                c.comp, c.tok = c.tok, ctok
                c.prio = 3
            if kind != "PROPOSAL" and cc is not None and cc is not c:
                gone.add(id(cc))
        else:
            if c.tok.pos_ in ("VERB", "AUX") or anchor is not c.tok:
                c.neg = neg
                rep = reporter_subject(verb)
                aux = aux_words(verb)
                if rep is not None and aux & {"must", "should"}:
                    c.type, c.mode = "REQUEST", None
                    c.actor_toks = [rep]
                    s = subject(verb)
                    if s is not None:
                        c.recip_toks = [s]
                    c.prio, c.fixed = 3, True
                elif fut and c.type == "RETREAT" and c.mode == "resign":
                    c.fut = True  # announcing a resignation is resigning
                elif fut and c.type in COOPERATIVE and (c.type != "AGREE" or neg):
                    c.type, c.mode, c.fut = ("REJECT" if neg else "AGREE"), None, True
                    c.neg = False
                elif fut and (c.type in MATERIAL_CONFLICT or c.type == "PROTEST"):
                    c.type, c.fut = "THREATEN", True
                elif fut:
                    c.fut = True
                elif hyp:
                    c.hyp = True
                if in_purpose_clause(verb) and c.type not in SAID_IN_DOING:
                    c.hyp = True
            else:
                c.fut, c.hyp, c.neg = fut, hyp, False
                if verb.lemma_.lower() in ("occur", "happen", "take", "begin") and (fut or hyp):
                    c.hyp = True
        out.append(c)
    out = [c for c in out if id(c) not in gone]
    # "must" in reported speech with no trigger of its own: a REQUEST of the speaker
    for tok in sent:
        if tok.dep_ == "ccomp" and tok.pos_ in ("VERB", "AUX") and \
                aux_words(tok) & {"must", "should"} and not any(c.tok.i == tok.i for c in out):
            rep = reporter_subject(tok)
            if rep is not None:
                c = Cand("REQUEST", None, tok, 3, tok)
                c.fixed = True
                c.actor_toks = [rep]
                s = subject(tok)
                if s is not None:
                    c.recip_toks = [s]
                out = [x for x in out if not (x.tok.i == tok.i)]
                out.append(c)
    return out


def rank(c: Cand) -> tuple:
    return (-c.prio, clause_depth(c.tok), c.tok.i)


def select(cands: list[Cand]) -> list[Cand]:
    if not cands:
        return []
    ranked = sorted(cands, key=rank)
    best = ranked[0]
    keep_types = [best.type]
    for c in ranked[1:]:
        if len(keep_types) >= MAX_TYPES:
            break
        if c.type in keep_types or c.prio < 2:
            continue
        keep_types.append(c.type)
    # keep one event per trigger token; several events of a kept type may stay
    out, seen = [], set()
    for c in sorted(cands, key=lambda x: x.tok.i):
        if c.type in keep_types and c.tok.i not in seen and c.prio >= 2:
            out.append(c)
            seen.add(c.tok.i)
    return out
