"""Verb frames: a reporting verb with its complement (a clause, a to-infinitive, an object, a
prepositional object) as the content and its subject, agent or governing subject as the source;
"X reportedly ..." adverbs.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from storyline.extract.attribution.context import (
    CLAUSE, CUE_LEMMAS, LANG, OBJECT, PREP, RAISING, SPEECH, XCOMP, Cand, Ctx,
)
from storyline.extract.attribution.spans import (
    clause_conjuncts, clause_minus, conjuncts, content_spans, cue_extent, inserted_clause,
    find_source, nested_report_tail, published_by, subtree_indices, trailing_args,
    trailing_relative,
)
from storyline.lexicons import lexicon

L = lexicon(LANG, "attribution")

STANCE_NOUNS = L["stance_nouns"]
_STANCE_PREPS = L["stance_prepositions"]
_PASSIVE_STANCE = L["passive_stance_verbs"]
_JUDGED = L["judgement_verbs"]
_ADDRESSEE_VERBS = L["addressee_verbs"]
_PEOPLE = L["addressees"]
_PASSIVE_RAISING = L["passive_raising_verbs"]
_ANSWERS = L["answers"]
_AS_ONLY = L["as_only_verbs"]
_EXPLETIVES = L["expletives"]
_NO_ONE = _EXPLETIVES | L["free_relatives"]  # subjects that name no one
_CONTENT_DEPS = ("ccomp",)


def prep_objects(prep: Token) -> list[Token]:
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
            objs = prep_objects(as_) if as_ is not None else []
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
                objs = prep_objects(c)
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


_LINKERS = L["linkers"]
_LINKER_PHRASES = L["linker_phrases"]


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


_ASKED = L["asked_verbs"]
_WH = L["wh_fronted"]


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
