"""Attribution frames: a reporting verb, noun, adjective or light verb with its complement;
a statement noun spelled out by a copula ("The fear is that …"); "according to X"; fronted
sources ("In the poll, …"); headline forms ("Sanders: …", "Court rules against …").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from storyline.extract import lexicon_attribution as L
from storyline.extract.attribution_context import (
    CLAUSE, CUE_LEMMAS, LANG, LIGHT, NOUN_PREPS, OBJECT, PREP, RAISING, SPEECH, XCOMP, COPULAS,
    Cand, Ctx, tok_at,
)
from storyline.extract.attribution_spans import (
    clause_conjuncts, clause_minus, conjuncts, content_spans, cue_extent, inserted_clause,
    find_source, nested_report_tail, published_by, subtree_indices, trailing_args, trailing_relative,
)

LIGHT_NOUNS = L.LIGHT_NOUNS[LANG]
STANCE_NOUNS = L.STANCE_NOUNS[LANG]
_STANCE_PREPS = L.STANCE_PREPOSITIONS[LANG]
_LIGHT_PREPS = _STANCE_PREPS | L.TARGET_PREPOSITIONS[LANG]
_PASSIVE_STANCE = L.PASSIVE_STANCE_VERBS[LANG]
_JUDGED = L.JUDGEMENT_VERBS[LANG]
_ADDRESSEE_VERBS = L.ADDRESSEE_VERBS[LANG]
_PEOPLE = L.ADDRESSEES[LANG]
_PASSIVE_RAISING = L.PASSIVE_RAISING_VERBS[LANG]
_ANSWERS = L.ANSWERS[LANG]
_AS_ONLY = L.AS_ONLY_VERBS[LANG]
_ADJ_PREPS = L.ADJECTIVE_PREPOSITIONS[LANG]
_EXPLETIVES = L.EXPLETIVES[LANG]
_NO_ONE = _EXPLETIVES | L.FREE_RELATIVES[LANG]  # subjects that name no one
_CONTENT_DEPS = ("ccomp",)
_COLON_LINE = re.compile(r"^[ \t]*[\"“]?([A-Z][^\n:\"“”]{0,40}?)[ \t]*:[ \t]+(\S[^\n]*?)[ \t]*$", re.M)
_NOT_SPEAKERS = L.NOT_SPEAKERS[LANG]
_IN_SOURCES = L.DOCUMENT[LANG] | L.IN_SOURCE_NOUNS[LANG]
_BY_SOURCES = L.BY_SOURCE_NOUNS[LANG]


def _objects(prep: Token) -> list[Token]:
    """What a preposition governs: "critical of [X]", "talked about [raising taxes]"."""
    return [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]


def verb_frame(ctx: "Ctx", v: Token, lemma: str) -> Cand | None:
    doc = ctx.doc
    children = list(v.children)
    content_toks: list[Token] | None = None
    cue_end = v.i + 1
    kind = "indirect"
    # clause complement
    if lemma in CLAUSE:
        comps = [c for c in children if c.dep_ in _CONTENT_DEPS]
        if not comps and lemma in SPEECH:
            # "pointed out Hawaii normally does not …": a finite clause parsed as advcl
            comps = [c for c in children if c.dep_ == "advcl" and c.i > v.i
                     and not any(g.dep_ == "mark" and g.lower_ != "that" for g in c.children)
                     and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                     and c.tag_ not in ("VBG", "VBN")]
        if comps:
            content_toks = comps
        else:
            # "said … during a news conference that he …": a that-clause misattached lower down
            for t in v.rights:
                if t.dep_ == "prep" or (t.dep_ in ("dobj", "dative") and lemma in _ADDRESSEE_VERBS):
                    # "told a meeting of island leaders that …": the clause, not who heard it
                    for m in t.subtree:
                        if m.dep_ == "mark" and m.lower_ == "that" and m.head.dep_ in ("relcl", "acl"):
                            content_toks = [m.head]
                            break
                if content_toks:
                    break
    if content_toks is None and (lemma in XCOMP or lemma in _PASSIVE_RAISING):
        xs = [c for c in children if c.dep_ == "xcomp" and c.i > v.i]
        if xs and lemma in RAISING and xs[0].lemma_.lower() in CUE_LEMMAS:
            return None  # "appeared to suggest that …": the inner verb reports, with this subject
        sp = [c for c in children if c.dep_ == "nsubjpass" and c.lower_ not in _EXPLETIVES]
        if xs and sp:  # "One in nine voters is expected to be Latino": the subject is part of it
            content_toks = sp + xs
        elif xs and lemma in RAISING:  # "Mr. Rubio appeared to be on the upswing"
            content_toks = [c for c in children if c.dep_ == "nsubj" and c.lower_ not in _EXPLETIVES] + xs
        elif xs:
            objs = [c for c in children if c.dep_ in ("dobj", "dative") and c.i < xs[0].i]
            content_toks = objs + xs
    if content_toks is None and lemma in RAISING:
        # "Trump's supporters seemed equally unperturbed": the impression, subject included
        preds = [c for c in children if c.dep_ in ("acomp", "attr", "oprd") and c.i > v.i]
        subj = [c for c in children if c.dep_ == "nsubj" and c.lower_ not in _NO_ONE]
        if preds and subj:
            content_toks = subj + preds
    if content_toks is None and lemma in _JUDGED:
        # "Pigs are considered unclean", "Mr. Sanders is seen as a reformer": subject and predicate
        subj = [c for c in children if c.dep_ == "nsubjpass" and c.lower_ not in _EXPLETIVES]
        pred = [c for c in children if c.dep_ in ("oprd", "acomp") and c.i > v.i]
        if subj and not pred:
            as_ = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as" and c.i > v.i), None)
            objs = _objects(as_) if as_ is not None else []
            if objs and as_.i == v.i + 1:
                pred, cue_end = objs, as_.i + 1
            elif objs:
                pred = [as_]
        if subj and pred and any(c.dep_ == "agent" for c in children):
            content_toks = subj + pred  # judged by someone named: "… by most economists"
    if content_toks is None and lemma in _PASSIVE_STANCE and any(c.dep_ == "agent" for c in children):
        # "Clinton was supported by 42 percent": the passive subject is the content
        subj = [c for c in children if c.dep_ == "nsubjpass"]
        if subj:
            content_toks = subj
    if content_toks is None and lemma in OBJECT:
        objs = [c for c in children if c.dep_ == "dobj" and c.i > v.i]
        if not objs and v.dep_ != "acl" and v.tag_ != "VBN":
            # "called Trump a pathological liar": the parse folds the object into the predicate
            objs = [c for c in children if c.dep_ == "oprd" and c.i > v.i]
        if objs and lemma in _AS_ONLY and not any(c.dep_ == "prep" and c.lower_ == "as" for c in children):
            objs = []
        if objs and lemma in _ADDRESSEE_VERBS and (
                objs[0].pos_ == "PRON" or objs[0].ent_type_ in ("PERSON", "ORG", "NORP")
                or objs[0].lemma_.lower() in _PEOPLE):
            objs = []  # "told me", "asked reporters": the addressee, not what was said
        if objs and any(c.dep_ in ("acl", "relcl") and c.i > objs[0].i and c.lemma_.lower() in CUE_LEMMAS
                        and getattr(published_by(c), "i", None) == v.i for c in objs[0].children):
            return None  # "issued a statement saying …": the saying reports, for this subject
        if objs:
            o = objs[0]
            about = [c for c in o.children if c.dep_ == "prep" and c.lower_ in _STANCE_PREPS]
            that = [c for c in o.children if c.dep_ in ("acl", "ccomp") and c.i > o.i
                    and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
            if o.lemma_.lower() in STANCE_NOUNS and about and any(g.dep_ == "pobj" for g in about[0].children):
                # "expressed deep concern about the policy": the policy
                content_toks = [g for g in about[0].children if g.dep_ == "pobj"]
                cue_end = about[0].i + 1
            elif o.lemma_.lower() in STANCE_NOUNS and that:
                # "expressed concern that the policy …": the clause
                content_toks = that
                cue_end = o.i + 1
            else:
                content_toks = objs + trailing_args(v, o)
        else:
            comps = [c for c in children if c.dep_ == "ccomp" and c.i > v.i]
            if comps:  # "condemned what he called a breach"
                content_toks = comps
    if content_toks is None and lemma in PREP and "for" in PREP[lemma]:
        # "is calling for the United States to step up …": "for" parsed as the mark of a clause
        for c in children:
            mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ == "for"), None)
            if c.dep_ in ("advcl", "ccomp") and mark is not None and 0 < mark.i - v.i <= 3:
                content_toks, cue_end = [c], mark.i + 1
                break
    if content_toks is None and lemma in PREP:
        for c in children:
            if c.dep_ == "prep" and c.lower_ in PREP[lemma] and c.i > v.i:
                objs = _objects(c)
                if objs and lemma == "vote" and not _candidate(objs[0]):
                    break  # "voted for the bill" is a decision, "would vote for Sanders" a preference
                if objs:
                    content_toks = objs
                    sp = [g for g in children if g.dep_ == "nsubjpass" and g.lower_ not in _EXPLETIVES]
                    if sp and lemma not in _ASKED and not any(g.dep_ == "agent" for g in children):
                        content_toks = sp + objs  # "X was accused of Y": X is part of what is claimed
                    if c.i - v.i <= 3:  # "talked about"; not "spoken with his counterpart, X, about"
                        cue_end = c.i + 1
                    break
    if content_toks is None and lemma in SPEECH:
        # "75 percent said yes", "half said so", "26 percent said the same"
        short = next((c for c in children if c.i > v.i and c.lower_ in _ANSWERS
                      and c.dep_ in ("advmod", "intj", "dobj", "attr", "nsubj", "ccomp")), None)
        if short is not None:
            content_toks = [short]
    parenthetical = False
    if content_toks is None and (v.dep_ == "parataxis" or (
            v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children))):
        if v.head.i != v.i:
            parenthetical = True
    if content_toks is None and not parenthetical and lemma not in SPEECH:
        return None
    inserted = None
    if content_toks is None and not parenthetical:
        inserted = inserted_clause(ctx, v)  # "These employees, Stumpf explained, were well paid."
    src = find_source(doc, v)
    cue_span = cue_extent(doc, v, cue_end)
    cand = Cand(kind, cue_span, v.i, src[0] if src else None, src[1] if src else None, verb=v.i)
    if parenthetical:
        cand.content = _drop_fronted_adverbial(doc, clause_minus(ctx, v.head, v), v)
        if not cand.content:
            return None
    elif inserted:
        cand.content = _drop_fronted_adverbial(doc, inserted, v)
    elif content_toks is not None:
        content_toks = content_toks + conjuncts(content_toks, v) + clause_conjuncts(content_toks, v)
        toks = {i for h in content_toks for i in subtree_indices(h)} - set(range(v.i, cue_end))
        if content_toks and all(t.dep_ != "ccomp" for t in content_toks):
            toks -= trailing_relative(doc, content_toks)
        toks -= nested_report_tail(doc, toks, v)
        cand.content = content_spans(ctx, toks, v.i)
        if not cand.content:
            return None
        wh = _fronted_object(v)
        if wh is not None and cand.content[0][0] > v.idx and all(t.dep_ != "ccomp" for t in content_toks):
            cand.content.insert(0, (wh.idx, wh.idx + len(wh)))
    return cand


_LINKERS = L.LINKERS[LANG]
_LINKER_PHRASES = L.LINKER_PHRASES[LANG]


def _drop_fronted_adverbial(doc: Doc, spans: list[tuple[int, int]], v: Token) -> list[tuple[int, int]]:
    """ "But, he said, the bridge will …", "Still, …", "Of course, …": a linking word before a
    parenthetical cue is not part of what was said (a setting, "In the end, …", is)."""
    if len(spans) < 2 or spans[0][1] > v.idx:
        return spans
    part = doc.char_span(*spans[0], alignment_mode="expand")
    if part is None:
        return spans
    words = [t.lower_ for t in part if not t.is_punct]
    if words and (all(w in _LINKERS for w in words) or tuple(words) in _LINKER_PHRASES):
        return spans[1:]
    return spans


def _candidate(t: Token) -> bool:
    """A person (someone voted for), not a bill or a measure."""
    return t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.ent_type_ in ("", "PERSON"))


_ASKED = L.ASKED_VERBS[LANG]
_WH = L.WH_FRONTED[LANG]


def _fronted_object(v: Token) -> Token | None:
    """ "which he described as a hoax", "what Mr. Hedge called 'the prior model'": the relative
    pronoun standing for the object is the first part of the content."""
    for c in v.children:
        if c.i < v.i and c.dep_ == "dobj" and c.lower_ in _WH:
            return c
    return None


def adverb_frame(ctx: "Ctx", adv: Token) -> Cand | None:
    """ "Bloomberg reportedly considering a run": the clause, reported by no one named."""
    head = adv.head
    sent = head.sent
    toks = {i for i in subtree_indices(head) if sent.start <= i < sent.end} - set(subtree_indices(adv))
    toks -= {c.i for c in head.children if c.dep_ in ("aux", "auxpass") and abs(c.i - adv.i) == 1}
    content = content_spans(ctx, toks, adv.i)
    if not content:
        return None
    return Cand("indirect", (adv.idx, adv.idx + len(adv)), adv.i, None, None, content=content, verb=head.i)


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
            if not any(t.lemma_.lower() in L.DOCUMENT[LANG] | L.MEDIA[LANG] for t in span):
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


_JABS = L.JAB_NOUNS[LANG]
_JAB_PREPS = L.JAB_PREPOSITIONS[LANG]
_STATEMENT_OBJECTS = L.STATEMENT_OBJECTS[LANG]


_MAKE, _CLEAR = L.MAKE_CLEAR[LANG]


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
            objs = _objects(c)
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
                objs = _objects(c)
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


_GIST_NOUNS = L.REPORT_NOUNS[LANG] | STANCE_NOUNS | L.GIST_NOUNS[LANG]


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
            objs = _objects(c)
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
                    objs = _objects(c)
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


_RECEIVING = L.RECEIVING_VERBS[LANG]
_RECEIVED = L.RECEIVED_NOUNS[LANG]
_UNDER, _UNDER_VERBS = L.UNDER_VERBS[LANG]
_UNDER_NOUNS = L.UNDER_NOUNS[LANG]
_REACTOR_PREPS = L.REACTOR_PREPOSITIONS[LANG]


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


_TRAIL_PREP, _TRAIL_NOUNS = L.TRAILING_SOURCES[LANG]


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
