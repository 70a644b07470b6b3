"""Noun and adjective frames: a light verb with a report or stance noun ("made the claim that",
"expressed concern about"), "made it clear", a statement noun spelled out by a copula ("The fear
is that ..."), attitude adjectives ("was critical of"), report nouns with their clause ("the claim
that ..."), and reactions received ("drew criticism from X").
"""
from __future__ import annotations

from spacy.tokens import Token

from storyline.extract.attribution.context import (
    CUE_LEMMAS, LANG, LIGHT, NOUN_PREPS, COPULAS, Cand, Ctx,
)
from storyline.extract.attribution.spans import (
    conjuncts, content_spans, cue_extent, find_source, subtree_indices,
)
from storyline.extract.attribution.verb_frames import prep_objects
from storyline.lexicons import lexicon

L = lexicon(LANG, "attribution")

STANCE_NOUNS = L["stance_nouns"]
_STANCE_PREPS = L["stance_prepositions"]
_EXPLETIVES = L["expletives"]
_NO_ONE = _EXPLETIVES | L["free_relatives"]  # subjects that name no one
LIGHT_NOUNS = L["light_nouns"]
_LIGHT_PREPS = _STANCE_PREPS | L["target_prepositions"]
_ADJ_PREPS = L["adjective_prepositions"]
_JABS = L["jab_nouns"]
_JAB_PREPS = L["jab_prepositions"]
_STATEMENT_OBJECTS = L["statement_objects"]
_MAKE, _CLEAR = L["make_clear"]


def _made_clear(ctx: "Ctx", v: Token) -> Cand | None:
    """ "made clear that …", "made it clear to voters that …": the clause, whether the parse
    hangs it on the verb or on the adjective."""
    doc = ctx.doc
    adj = next((c for c in v.children if c.i > v.i and c.lower_ in _CLEAR
                and c.dep_ in ("oprd", "ccomp", "acomp", "xcomp")), None)
    if adj is None:
        return None
    clause = next((c for c in v.children if c.dep_ == "ccomp" and c.i > adj.i), None)
    if clause is None:
        clause = next((c for c in adj.children if c.dep_ in ("advcl", "ccomp") and c.i > adj.i
                       and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    if clause is None:  # "made it clear to the players that …" parsed as a relative of "players"
        clause = next((m.head for t in adj.children if t.dep_ == "prep" and t.i > adj.i for m in t.subtree
                       if m.dep_ == "mark" and m.lower_ == "that" and m.head.dep_ in ("relcl", "acl")), None)
    if clause is None:
        return None
    spans = content_spans(ctx, set(subtree_indices(clause)), v.i)
    if not spans:
        return None
    src = find_source(doc, v)
    return Cand("indirect", cue_extent(doc, v, adj.i + 1), v.i, src[0] if src else None,
                 src[1] if src else None, content=spans, verb=v.i)


def light_verb_frame(ctx: "Ctx", v: Token) -> Cand | None:
    """ "made the case for X", "has doubts that X", "made no mention of X": the light verb and
    its noun are the cue, what the noun governs is the content."""
    doc = ctx.doc
    if v.lemma_.lower() == _MAKE:
        c = _made_clear(ctx, v)
        if c is not None:
            return c
    o = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
    if o is None or o.lemma_.lower() not in LIGHT_NOUNS:
        return None
    content: list[Token] = []
    end = o.i + 1
    for c in o.children:
        if c.i < o.i:
            continue
        if c.dep_ == "prep" and c.lower_ in _LIGHT_PREPS:
            objs = prep_objects(c)
            if objs:
                content, end = objs, c.i + 1
                break
        if c.dep_ in ("acl", "ccomp", "relcl") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            content = [c]
            break
    if not content:
        for c in v.children:  # "made the case that …" parsed with the clause on the verb
            if c.dep_ == "ccomp" and c.i > o.i:
                content = [c]
                break
            if c.dep_ == "prep" and c.i == o.right_edge.i + 1 and c.lower_ in _JAB_PREPS \
                    and o.lemma_.lower() in _JABS:
                objs = prep_objects(c)
                if objs:  # "took a shot at X" with the preposition on the verb
                    content, end = objs, c.i + 1
                    break
    if not content and v.lemma_ == "make" and o.lemma_.lower() in _STATEMENT_OBJECTS:
        content = [o]  # "Trump made similar comments"
        end = v.i + 1
    if not content:
        return None
    spans = content_spans(ctx, {i for h in content for i in subtree_indices(h)}, v.i)
    if not spans:
        return None
    src = find_source(doc, v)
    return Cand("indirect", cue_extent(doc, v, end), v.i, src[0] if src else None,
                 src[1] if src else None, content=spans, verb=v.i)


_GIST_NOUNS = L["report_nouns"] | STANCE_NOUNS | L["gist_nouns"]


def copula_frame(ctx: "Ctx", v: Token) -> Cand | None:
    """ "His campaign slogan is “I'm with her.”", "The fear is that …", "Her goal is to …": a
    statement or stance noun whose content the copula spells out."""
    doc = ctx.doc
    subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
    if subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() not in _GIST_NOUNS:
        return None
    comp = next((c for c in v.children if c.i > v.i and c.dep_ in ("ccomp", "xcomp", "attr")), None)
    if comp is None or (comp.dep_ == "attr" and not any(
            doc[k].text in ("\"", "“", "``", "''") for k in range(v.i + 1, comp.i + 1))):
        return None  # "the message was a mistake": a judgement, not the message
    if comp.dep_ == "xcomp" and comp.lemma_.lower() in CUE_LEMMAS:
        return None  # "his answer was to say …": the inner verb reports
    spans = content_spans(ctx, set(subtree_indices(comp)), v.i)
    if not spans:
        return None
    poss = next((c for c in subj.children if c.dep_ == "poss"), None)
    src = None
    if poss is not None:
        src = ((doc[poss.left_edge.i].idx, doc[poss.right_edge.i].idx + len(doc[poss.right_edge.i])), poss.i)
    a = subj.i
    while a > 0 and doc[a - 1].dep_ in ("amod", "compound") and doc[a - 1].head.i == subj.i:
        a -= 1
    cue = cue_extent(doc, v, v.i + 1)
    return Cand("indirect", (doc[a].idx, cue[1]), subj.i, src[0] if src else None, src[1] if src else None,
                 content=spans, verb=v.i)


def adjective_frame(ctx: "Ctx", adj: Token) -> Cand | None:
    """ "was critical of X", "is confident that X", "were eager to X": the copula's subject."""
    doc = ctx.doc
    content: list[Token] = []
    end = adj.i + 1
    for c in adj.children:
        if c.i < adj.i:
            continue
        if c.dep_ == "prep" and c.lower_ in _ADJ_PREPS:
            objs = prep_objects(c)
            if objs:
                content, end = objs, c.i + 1
                break
        if c.dep_ in ("ccomp", "xcomp"):
            content = [c]
            break
    if not content:
        return None
    cop = adj.head
    src = find_source(doc, cop)
    if src is not None and doc[src[1]].lower_ in _EXPLETIVES:
        src = None  # "it is clear that …"
    a = cop.i if cop.i < adj.i and adj.i - cop.i <= 4 else adj.i
    cue = cue_extent(doc, doc[a], end)
    content = content + conjuncts(content, adj)
    toks = {i for h in content for i in subtree_indices(h)}
    spans = content_spans(ctx, toks, adj.i)
    if not spans:
        return None
    return Cand("indirect", cue, adj.i, src[0] if src else None, src[1] if src else None,
                 content=spans, verb=cop.i)


def verb_as_noun(t: Token) -> bool:
    """ "Federal court rules against …", "Trump questions …": a reporting verb in -s that the
    tagger read as a plural noun (headlines, short leads)."""
    w = t.lower_
    if not w.endswith("s"):
        return False
    stems = {w[:-1], w[:-2] if w.endswith("es") else w[:-1], w[:-3] + "y" if w.endswith("ies") else w}
    return bool(stems & CUE_LEMMAS)


def noun_frame(ctx: "Ctx", n: Token) -> Cand | None:
    doc = ctx.doc
    comp = None
    cue_end = n.i + 1
    for c in n.children:
        if c.i < n.i:
            continue
        if c.dep_ in ("acl", "ccomp") and (any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                                          or any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)):
            comp = c
            break
    content_head = comp
    if comp is None:
        # "Pence's call for a special prosecutor", "criticism of Mrs. Clinton"
        preps = NOUN_PREPS.get(n.lemma_.lower())
        if preps:
            for c in n.children:
                if c.i > n.i and c.dep_ == "prep" and c.lower_ in preps:
                    objs = prep_objects(c)
                    if objs:
                        comp, content_head, cue_end = c, objs[0], c.i + 1
                        break
    if comp is None:
        return None
    src = None
    poss = [c for c in n.children if c.dep_ == "poss"]
    if poss:
        p = poss[0]
        src = ((doc[p.left_edge.i].idx, doc[p.right_edge.i].idx + len(doc[p.right_edge.i])), p.i)
    elif n.dep_ == "dobj" and n.head.lemma_.lower() in LIGHT:
        src = find_source(doc, n.head)
    elif n.dep_ == "attr" and n.head.lemma_ in COPULAS:  # "she is a staunch opponent of …"
        src = find_source(doc, n.head)
    elif n.dep_ == "ROOT" or comp.dep_ == "ccomp":  # a verb tagged as a noun: "Russian media report that"
        src = find_source(doc, n)
    if content_head is not comp and src is None:
        return None  # "criticism of X" with no one criticising: a topic, not an attribution
    heads = [content_head] + conjuncts([content_head], n)
    content = content_spans(ctx, {i for h in heads for i in subtree_indices(h)}, n.i)
    if not content:
        return None
    a = n.i
    while a > 0 and doc[a - 1].dep_ == "amod" and doc[a - 1].head.i == n.i:  # "harsh criticism of"
        a -= 1
    cue = (doc[a].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1]))
    return Cand("indirect", cue, n.i, src[0] if src else None, src[1] if src else None, content=content)


_RECEIVING = L["receiving_verbs"]
_RECEIVED = L["received_nouns"]
_UNDER, _UNDER_VERBS = L["under_verbs"]
_UNDER_NOUNS = L["under_nouns"]
_REACTOR_PREPS = L["reactor_prepositions"]


def reception_frame(ctx: "Ctx", v: Token) -> Cand | None:
    """ "The plan drew sharp criticism from unions", "She came under fire": what the reaction is
    about (the subject) is the content; who reacted ("from …") the source."""
    doc = ctx.doc
    lemma = v.lemma_.lower()
    o = None
    if lemma in _RECEIVING:
        o = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i
                  and c.lemma_.lower() in _RECEIVED), None)
    if o is None and lemma in _UNDER_VERBS:
        prep = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == _UNDER and c.i > v.i), None)
        if prep is not None:
            o = next((g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in _UNDER_NOUNS), None)
    if o is None or any(c.dep_ in ("compound", "nummod", "quantmod") or c.like_num for c in o.children):
        return None  # "received 38 percent support", "came under mortar fire": a count, a shelling
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < v.i
                 and c.lower_ not in _NO_ONE), None)
    if subj is None or any(t.lemma_.lower() in _GIST_NOUNS and any(c.dep_ == "poss" for c in t.children)
                           for t in subj.subtree):
        return None  # "Obama's decision to … received support": the decision is the attribution
    content = content_spans(ctx, set(subtree_indices(subj)), v.i)
    if not content:
        return None
    src = None
    end = o.i + 1
    for holder in (o, v):
        frm = next((c for c in holder.children if c.dep_ == "prep" and c.lower_ in _REACTOR_PREPS
                    and c.i > o.i), None)
        pobj = next((g for g in frm.children if g.dep_ == "pobj"), None) if frm is not None else None
        if pobj is not None:
            src = ((doc[pobj.left_edge.i].idx, doc[pobj.right_edge.i].idx + len(doc[pobj.right_edge.i])), pobj.i)
            break
    a, b = cue_extent(doc, v, v.i + 1)
    cue = (a, doc[end - 1].idx + len(doc[end - 1]))
    return Cand("indirect", cue, v.i, src[0] if src else None, src[1] if src else None,
                 content=content, verb=v.i)
