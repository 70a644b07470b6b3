"""Who did it and to whom: the actors (subject, passive agent; both sides of a meeting) and the
recipients (object, or the target of "on/against/to") of a candidate.
"""
from __future__ import annotations

from spacy.tokens import Token

from storyline.extract.events.syntax import OBJ, agent, np_span, passive_subject, subject
from storyline.extract.events.triggers import Cand
from storyline.extract.events.words import RECIPIENT_PREPS, SPEECH_ACT_NOUNS, TO_PREPS
from storyline.extract.places.countries import sector_of


# types whose direct object is what is given or moved, not who receives it
THEME_OBJECT = {"CONSULT", "MOBILIZE", "AID", "COOPERATE", "AGREE", "RETREAT"}


def fill_roles(c: Cand) -> None:
    if c.fixed:
        return
    fill_roles_of(c, c.tok)
    if c.comp is not None:
        sub = Cand(c.type, c.mode, c.comp, c.prio, c.clause)
        fill_roles_of(sub, c.comp)
        if sub.recip_toks and not any(is_party(t) for t in c.recip_toks):
            c.recip_toks = sub.recip_toks  # "urged Serbia to ...": the addressee comes first
        if not c.actor_toks:
            c.actor_toks = sub.actor_toks
        c.meeting = c.meeting or sub.meeting


def fill_roles_of(c: Cand, tok: Token) -> None:
    verb = tok if tok.pos_ in ("VERB", "AUX") else None
    if verb is None:
        # noun trigger: roles from the governing verb, then from the noun's own modifiers
        head = tok.head
        gov = head if head.pos_ in ("VERB", "AUX") else (head.head if head.dep_ == "prep" else None)
        if gov is not None and gov.pos_ in ("VERB", "AUX") and tok.dep_ in ("dobj", "obj", "pobj", "attr"):
            s = agent(gov) or subject(gov)
            if s is not None:
                c.actor_toks.append(s)
            for ch in gov.children:
                if ch.dep_ == "prep" and ch.lower_ in ("on", "against", "into", "at", "upon") or (
                        ch.dep_ == "prep" and ch.lower_ in ("with", "to") and
                        c.type not in WITH_IS_PARTNER):
                    c.recip_toks.extend(g for g in ch.children if g.dep_ == "pobj")
            # "launched an attack ... during the night on Russian territory": prepositions hung
            # lower in the clause
            if not c.recip_toks:
                for t in gov.subtree:
                    if t.dep_ == "prep" and t.lower_ in ("on", "against", "upon") and t.head.i != tok.i:
                        c.recip_toks.extend(g for g in t.children if g.dep_ == "pobj")
                        break
        for ch in tok.children:
            if ch.dep_ == "poss" and not c.actor_toks:
                c.actor_toks.append(ch)
            elif ch.dep_ in ("amod", "compound") and ch.ent_type_ in ("NORP", "GPE", "ORG") \
                    and not c.actor_toks:
                c.actor_toks.append(ch)
            elif ch.dep_ == "prep" and ch.lower_ in ("on", "against", "with", "to", "into", "upon", "of") \
                    and not c.recip_toks and c.type != "CONSULT" and \
                    (ch.lower_ != "of" or c.type in ("ASSAULT", "COERCE", "ACCUSE", "SUPPORT")):
                c.recip_toks.extend(g for g in ch.children if g.dep_ == "pobj")
            elif ch.dep_ == "prep" and ch.lower_ == "by" and not c.actor_toks:
                c.actor_toks.extend(g for g in ch.children if g.dep_ == "pobj")
        return
    ag = agent(verb)
    ps = passive_subject(verb)
    if ps is not None:
        if ag is not None:
            c.actor_toks.append(ag)
        c.recip_toks.append(ps)
    else:
        s = subject(verb)
        if s is not None:
            c.actor_toks.append(s)
        for ch in verb.children:
            if ch.dep_ == "dative" and ch.pos_ in ("PROPN", "NOUN", "PRON"):
                c.recip_toks.append(ch)
        # "to X" on the verb or on its object ("offered its troops to Lebanon")
        to_preps = TO_PREPS if c.type in WITH_IS_PARTNER else TO_PREPS | {"with"}
        for ch in list(verb.children) + [g for o in verb.children if o.dep_ in OBJ
                                         for g in o.children]:
            if ch.dep_ == "prep" and ch.lower_ in to_preps and not c.recip_toks:
                c.recip_toks.extend(g for g in ch.children if g.dep_ == "pobj")
        # "rejected an offer from Kabul", "accepted demands by the rebels", "an Indian proposal"
        if not c.recip_toks:
            for o in verb.children:
                if o.dep_ in OBJ and o.lemma_.lower() in SPEECH_ACT_NOUNS:
                    c.recip_toks.extend(speaker_of(o))
        for ch in verb.children:
            if ch.dep_ in ("dobj", "obj") and ch.pos_ in ("PROPN", "NOUN", "PRON") \
                    and not c.recip_toks and c.type not in THEME_OBJECT and is_party(ch):
                c.recip_toks.append(ch)
    for ch in verb.children:
        if ch.dep_ == "prep" and ch.lower_ in RECIPIENT_PREPS:
            objs = [g for g in ch.children if g.dep_ == "pobj"]
            if ch.lower_ == "with" and c.type in ("CONSULT", "COOPERATE", "AGREE"):
                c.actor_toks.extend(objs)
                c.meeting = True


WITH_IS_PARTNER = {"CONSULT", "COOPERATE", "AGREE"}


def speaker_of(noun: Token) -> list[Token]:
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            return [g for g in c.children if g.dep_ == "pobj"]
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")):
            return [c]
    return []


def is_party(tok: Token) -> bool:
    """Whether a noun phrase names someone who can be acted upon (a person, a group, a
    country, an organisation) rather than a thing ("expertise", "its troops")."""
    s, e = np_span(tok)
    span = tok.doc[s:e]
    if tok.pos_ == "PRON" or tok.ent_type_ in ("PERSON", "GPE", "NORP", "ORG"):
        return True
    if any(t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for t in span):
        return True
    return sector_of(span.text) is not None
