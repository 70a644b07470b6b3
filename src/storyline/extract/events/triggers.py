"""Event triggers: verbs, verb + particle and event nouns from the lexicon, each checked in its
company (weak verbs need their object, weak nouns a light verb or modifier), as candidates.
"""
from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Span as SpacySpan, Token

from storyline.extract.events.syntax import (
    OBJ, clause_verb, in_background, np_span, objects, particle, split_entry, subject,
)
from storyline.extract.events.words import (
    BACKGROUND_PREPS, EFFORT_NOUNS, LIGHT, NOT_EVENT_OBJECTS, NOUNS, NOUN_BANNED_MODIFIERS,
    NOUN_NEEDS_MODIFIER, PEACEKEEPING, PHRASAL, REPORTING, SECTOR_VERBS, STRIKE_MILITARY,
    SUBJECT_SECTOR_TYPES, VERBS, VERB_OBJ_TYPES, WEAK_NOUNS, WEAK_NOUN_MODIFIERS, WEAK_OBJ,
    WEAK_VERBS,
)
from storyline.extract.places.countries import sector_of


class Cand:
    __slots__ = ("type", "mode", "tok", "end_tok", "prio", "clause", "hyp", "fut", "neg",
                 "actor_toks", "recip_toks", "meeting", "comp", "fixed")

    def __init__(self, etype: str, mode: str | None, tok: Token, prio: int, clause: Token):
        self.type, self.mode, self.tok, self.end_tok = etype, mode, tok, tok
        self.prio, self.clause = prio, clause
        self.hyp = self.fut = self.neg = False
        self.actor_toks: list[Token] = []
        self.recip_toks: list[Token] = []
        self.meeting = False
        self.comp: Token | None = None  # the complement a control word governs
        self.fixed = False  # roles already read (the "X said Y must" request)


def weak_ok(tok: Token, lemma: str) -> bool:
    allowed = WEAK_OBJ.get(lemma)
    if allowed is None:
        return False
    if not allowed:  # any direct object will do ("support a resolution")
        return any(c.dep_ in OBJ for c in tok.children)
    for c in tok.children:
        if c.lower_ in allowed or c.lemma_.lower() in allowed:
            return True
        if c.dep_ in OBJ or c.dep_ in ("prep", "dative", "npadvmod", "advmod", "xcomp"):
            for g in c.subtree:
                if g.lemma_.lower() in allowed or g.lower_ in allowed:
                    return True
    return False


def verb_object_type(tok: Token, lemma: str) -> str | None:
    """The type a verb takes with its object ("find guilty", "withdraw from the treaty")."""
    for c in tok.children:
        dep = c.dep_
        if dep in OBJ or dep in ("acomp", "prt", "ccomp", "npadvmod"):
            pair = VERB_OBJ_TYPES.get((lemma, c.lemma_.lower()))
            if pair:
                return pair
        elif dep == "prep":
            pair = VERB_OBJ_TYPES.get((lemma, c.lower_))
            if pair:
                return pair
            for g in c.children:
                if g.dep_ == "pobj":
                    pair = VERB_OBJ_TYPES.get((lemma, g.lemma_.lower()))
                    if pair:
                        return pair
    return None


def verb_candidate(tok: Token) -> Cand | None:
    lemma = tok.lemma_.lower()
    prt = particle(tok)
    t = m = None
    prio = 3
    if prt:
        entry = PHRASAL.get(f"{lemma} {prt}")
        if entry == "":
            return None  # "carry out": the object noun is the event
        if entry:
            t, m = split_entry(verb_object_type(tok, lemma) or entry)
    if t is None:
        pair = verb_object_type(tok, lemma)
        entry = VERBS.get(lemma)
        if pair is not None:
            t, m = split_entry(pair)
            prio = 2 if entry is None else 3
        elif entry is None or (lemma in REPORTING and lemma not in VERBS):
            return None
        else:
            banned = NOT_EVENT_OBJECTS.get(lemma)
            if banned:
                for c in tok.children:
                    if c.dep_ in ("dobj", "obj", "xcomp", "nsubjpass", "prep") and (
                            c.lemma_.lower() in banned or any(g.lemma_.lower() in banned
                                                              for g in c.children if g.dep_ == "pobj")):
                        return None
                    if c.dep_ in ("ccomp", "mark") and (c.lower_ in banned or any(
                            g.lower_ in banned for g in c.children
                            if g.dep_ in ("mark", "advmod", "nsubj", "attr", "dobj"))):
                        return None  # "asked whether ...": a question, not a request
                if tok.dep_ == "acl" and tok.head.lemma_.lower() in banned:
                    return None  # "a memo released to reporters"
            t, m = split_entry(entry)
            if lemma == "strike":
                objs = objects(tok)
                if objs or any(c.lower_ in STRIKE_MILITARY for c in tok.subtree):
                    t, m = "ASSAULT", None
                else:
                    t, m = "PROTEST", "strike"
            if lemma in WEAK_VERBS:
                prio = 2 if weak_ok(tok, lemma) else 1
            if lemma == "strike" and t == "ASSAULT":
                prio = 2  # "missiles struck the port": a strike with a target
            if lemma == "attack" and any(c.dep_ == "prep" and c.lower_ in ("for", "over")
                                         for c in tok.children):
                t, m = "ACCUSE", "disapprove"  # "attacked Clinton for her support": words
    if prio > 1 and tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in BACKGROUND_PREPS for c in tok.children):
        prio = 1  # "... after rebels shelled the town": the setting of the news
    if t in ("MOBILIZE", "RETREAT") and any(x.lower_ in PEACEKEEPING for x in tok.subtree):
        # sending peacekeepers is aid; pulling them out is withdrawing it
        t, m = ("AID", "peacekeeping") if t == "MOBILIZE" else ("SANCTION", "withdraw")
    if lemma in SECTOR_VERBS:
        subj = subject(tok)
        if subj is not None and subj.ent_type_ in ("CARDINAL", "QUANTITY"):
            # "thousands of farmers": the people, not the number
            subj = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"), subj)
        if subj is not None:
            s0, _ = np_span(subj)
            sec = sector_of(tok.doc[s0:subj.i + 1].text)  # the head, not "of former President X"
            pair = SUBJECT_SECTOR_TYPES.get((lemma, sec or ""))
            if pair is None and sec is None and subj.tag_ in ("NNS", "NNPS") and \
                    subj.ent_type_ in ("", "NORP") and lemma == "protest":
                pair = "PROTEST/demo"  # "farmers protested": people in the street
            if pair:
                t, m = split_entry(pair)
                prio = max(prio, 2)
    return Cand(t, m, tok, prio, tok)


def noun_candidate(tok: Token) -> Cand | None:
    lemma = tok.lemma_.lower()
    entry = NOUNS.get(lemma) or NOUNS.get(tok.lower_)
    if entry is None:
        return None
    t, m = split_entry(entry)
    head = tok.head
    hl = head.lemma_.lower()
    kids = {c.lower_ for c in tok.children}
    if lemma == "strike":
        if kids & STRIKE_MILITARY:
            t, m = "ASSAULT", "aerial"
        elif "hunger" in kids:
            t, m = "PROTEST", "hunger"
    if lemma == "hunger" and head.lemma_.lower() == "strike":
        return None  # the compound's head "strike" carries it
    need = NOUN_NEEDS_MODIFIER.get(lemma)
    if need is not None and not (kids & need):
        return None
    banned = NOUN_BANNED_MODIFIERS.get(lemma)
    if banned is not None and kids & banned:
        return None
    if lemma == "fire" and not (head.lemma_.lower() in ("open",) or "gun" in kids):
        return None
    if lemma in ("call", "phone") and not ({"phone", "telephone"} & (kids | {head.lower_})):
        if lemma == "call":
            return None
    light = (tok.dep_ in ("dobj", "nsubjpass", "obj", "attr") and hl in LIGHT) or (
        tok.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in LIGHT)
    # "remained on alert", "put on high alert"
    prio = 2
    if lemma in WEAK_NOUNS:
        prio = 2 if light or (kids & WEAK_NOUN_MODIFIERS.get(lemma, frozenset())) else 0
    if tok.dep_ == "compound":  # "peace talks", "war crimes": modifiers, not events
        if head.lemma_.lower() in EFFORT_NOUNS and head.head.lemma_.lower() in LIGHT:
            prio = 2
        else:
            prio = min(prio, 0) if lemma not in ("hunger",) else prio
    if t == "MOBILIZE" and any(x.lower_ in PEACEKEEPING for x in tok.subtree):
        t, m = "AID", "peacekeeping"
    if prio > 1 and in_background(tok):
        prio = 1  # "agreed to a ceasefire after two days of fighting": the setting, not the news
    return Cand(t, m, tok, prio, clause_verb(tok)) if prio > 0 else None


def trigger_hashes() -> frozenset[int]:
    """String hashes of every word that can start a trigger (lemma or lower-case form)."""
    words = set(VERBS) | set(NOUNS) | {k.split()[0] for k in PHRASAL} | \
        {v for v, _ in VERB_OBJ_TYPES} | {v for v, _ in SUBJECT_SECTOR_TYPES}
    out = set()
    for w in words:
        for form in (w, w.capitalize(), w.upper()):
            out.add(get_string_id(form))
    return frozenset(out)


TRIGGER_HASHES = trigger_hashes()


def sentence_candidates(sent: SpacySpan, maybe: list[bool] | None = None) -> list[Cand]:
    cands: list[Cand] = []
    doc = sent.doc
    for i in range(sent.start, sent.end):
        if maybe is not None and not maybe[i]:
            continue  # no trigger word: skip without building the Token
        tok = doc[i]
        pos = tok.pos_
        if pos == "VERB" or (pos == "AUX" and tok.lemma_ not in ("be", "have", "do")):
            if tok.tag_ == "VBN" and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and any(
                    ch.dep_ == "det" for ch in tok.children):
                continue  # "evacuated the wounded": people, not an act
            c = verb_candidate(tok)
        elif pos in ("NOUN", "PROPN") and tok.ent_type_ not in ("PERSON", "GPE", "ORG"):
            c = noun_candidate(tok)
        elif pos == "ADJ" and tok.lemma_.lower() in VERBS and tok.tag_ == "VBN" and \
                tok.dep_ != "amod" and not any(ch.dep_ == "det" for ch in tok.children):
            c = verb_candidate(tok)  # "were wounded"; not "alleged bombers", "the wounded"
        else:
            c = None
        if c is not None:
            cands.append(c)
    return cands
