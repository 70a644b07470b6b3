"""What happened to the counted: the count type (killed, wounded, arrested, protesters, ...) from
the counted noun, the verb governing it, a participle, a bare state ("five dead") or a toll.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from storyline.extract.counts.words import (
    BARE_STATES, NOUN_TYPES, OBJECT_VERBS, PROTEST_NOUNS, SUBJECT_VERBS,
)
from storyline.records import Count


def count_type(head: Token) -> str | None:
    """What happened to the counted things: the verb governing them ("detained 300
    demonstrators": arrested), else what the noun itself says ("300 demonstrators": protesters)."""
    return verb_type(head) or participle_type(head) or NOUN_TYPES.get(head.lemma_.lower()) \
        or NOUN_TYPES.get(head.lower_)


def participle_type(head: Token) -> str | None:
    """"civilians killed in the raid", "migrants drowned at sea": a participle on the noun."""
    for c in head.children:
        if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN":
            lemma = c.lemma_.lower()
            return OBJECT_VERBS.get(lemma) or SUBJECT_VERBS.get(lemma)
    return None


def verb_type(head: Token) -> str | None:
    tok = head
    for _ in range(4):
        dep = tok.dep_
        gov = tok.head
        if gov.i == tok.i:
            return None
        if dep == "conj":
            tok = gov
            continue
        if dep == "pobj" and gov.dep_ == "prep" and gov.lower_ == "of":
            tok = gov.head
            continue
        if dep in ("amod", "acomp") or (dep == "nsubj" and gov.lemma_.lower() == "be"):
            for c in gov.children if dep == "nsubj" else [gov]:
                tt = NOUN_TYPES.get(c.lower_)
                if tt:
                    return tt
        if gov.pos_ in ("VERB", "AUX", "ADJ"):
            lemma = gov.lemma_.lower()
            prt = next((c.lower_ for c in gov.children if c.dep_ == "prt"), None)
            keys = ([f"{lemma} {prt}"] if prt else []) + [lemma]
            for c in gov.children:
                if c.dep_ in ("acomp", "oprd") and c.lower_ in ("dead",):
                    keys.insert(0, f"{lemma} dead")
            if dep in ("dobj", "obj", "nsubjpass", "dative", "attr", "oprd", "npadvmod") or \
                    (dep == "pobj"):
                for k in keys:
                    if k in OBJECT_VERBS:
                        return OBJECT_VERBS[k]
                # "were killed or wounded": the first conjoined verb
                for c in gov.children:
                    if c.dep_ == "conj" and c.lemma_.lower() in OBJECT_VERBS:
                        return OBJECT_VERBS[c.lemma_.lower()]
                if dep == "nsubjpass":
                    return None
            if dep in ("nsubj",):
                for k in keys:
                    if k in SUBJECT_VERBS:
                        return SUBJECT_VERBS[k]
                for c in gov.children:
                    if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in PROTEST_NOUNS:
                        return "protesters"
                    if c.dep_ == "prep":
                        for g in c.children:
                            if g.lemma_.lower() in PROTEST_NOUNS or g.lemma_.lower() == "hunger":
                                return "protesters"
                    if c.dep_ in ("dobj", "obj") and c.lemma_.lower() == "strike":
                        return "protesters"
                if gov.lemma_.lower() in ("be", "remain") and any(
                        c.lower_ in ("dead", "killed") for c in gov.children):
                    return "killed"
            return None
        return None
    return None


ONE_TYPES = {"killed", "wounded", "arrested", "kidnapped"}


def singular_victims(sent, subj_nn: set[int]) -> list[Count]:
    """"A Palestinian prisoner died", "a journalist has been killed": one person."""
    out = []
    for k in sorted(subj_nn):
        if not sent.start <= k < sent.end:
            continue
        tok = sent.doc[k]
        det = next((c for c in tok.children if c.dep_ == "det"), None)
        if det is None or det.lower_ not in ("a", "an"):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            continue  # "a group of ...": not one person
        ctype = count_type(tok)
        if ctype not in ONE_TYPES or (tok.dep_ == "nsubj" and ctype != "killed"):
            continue
        start = det.i
        a = sent.doc[start].idx
        b = tok.idx + len(tok)
        obj = sent.doc[start + 1:tok.i + 1].text
        out.append(Count(value=1, qualifier="exact", object=obj, span=(a, b), type=ctype))
    return out


def standalone_ok(tok: Token) -> bool:
    """A bare number counts when it stands for people acted upon ("arresting 12"), is followed
    by what happened to them ("100 injured"), or is a death toll ("the toll rose to 56")."""
    if bare_state(tok) is not None or toll_type(tok) is not None:
        return True
    if tok.dep_ in ("dobj", "nsubjpass", "nsubj", "conj", "pobj", "appos"):
        return count_type(tok) is not None
    return False


def bare_state(tok: Token) -> str | None:
    doc = tok.doc
    if tok.i + 1 < len(doc):
        return BARE_STATES.get(doc[tok.i + 1].lower_)
    return None


def toll_type(tok: Token) -> str | None:
    """"The death toll rose to 56", "the toll stands at 12": killed."""
    gov = tok.head
    if tok.dep_ == "pobj" and gov.dep_ == "prep":
        gov = gov.head
    if gov.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" and c.lemma_.lower() == "toll"
                                          for c in gov.children):
        return "killed"
    return None


def make_count(doc: Doc, qa: int, first: int, last: int, head: Token | None, value, qual: str,
               type_tok: Token | None = None) -> Count:
    if head is not None and head.i > last:
        obj_start = last + 1
        if doc[obj_start].lower_ == "of":
            obj_start += 1
        while obj_start < head.i and doc[obj_start].dep_ in ("det",):
            obj_start += 1
        obj = doc[obj_start:head.i + 1].text
        end_tok = head
        ctype = count_type(head)
    else:
        obj = ""
        end_tok = doc[last]
        t = type_tok if type_tok is not None else doc[last]
        ctype = bare_state(doc[last]) or toll_type(doc[last]) or count_type(t)
    a = doc[qa].idx
    b = end_tok.idx + len(end_tok)
    return Count(value=value, qualifier=qual, object=obj, span=(a, b), type=ctype)
