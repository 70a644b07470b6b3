"""Attributions: direct quotes, indirect speech and sourced claims, with speakers resolved.

Rules over the spaCy dependency parse (the Gender Gap Tracker approach, extended):

1. Quotation marks give quote groups (``attribution_quotes``); those that read as statements
   are tied to a speech verb beside them ("…," said X / X said: "…" / "…" X said. in the next
   sentence), split quotes by one speaker are joined, and a quote that follows an attributed
   one in the same paragraph continues it.
2. Every reporting verb (``lexicon_attribution``) with its complement: a clause (ccomp), a
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

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from storyline.extract import lexicon_attribution as L
from storyline.extract.attribution_quotes import Quote, find_quotes, inner_text, is_statement
from storyline.records import Attribution, Entity

try:  # the lead's resolver; a small overlap scan when absent
    from storyline.annotate.entities import entity_at
except ImportError:  # pragma: no cover
    def entity_at(entities, start, end):  # type: ignore[misc]
        for e in entities:
            for a, b in e.mentions:
                if a < end and start < b:
                    return e
        return None

LANG = "en"
SPEECH = L.SPEECH_VERBS[LANG]
CLAUSE = L.CLAUSE_VERBS[LANG]
XCOMP = L.XCOMP_VERBS[LANG]
OBJECT = L.OBJECT_VERBS[LANG]
PREP = L.PREP_VERBS[LANG]
NOUNS = L.REPORT_NOUNS[LANG]
LIGHT = L.LIGHT_VERBS[LANG]
LIGHT_NOUNS = L.LIGHT_NOUNS[LANG]
NOUN_PREPS = L.NOUN_PREPOSITIONS[LANG]
ATTITUDE = L.ATTITUDE_ADJECTIVES[LANG]
STANCE_NOUNS = L.STANCE_NOUNS[LANG]
_STANCE_PREPS = frozenset({"about", "over", "for", "of", "with", "on", "to", "into", "at", "toward", "towards"})
# verbs whose passive ("X was endorsed by Y") still reports Y's words or stance; "the idea was
# rejected by most countries" is a decision, not a statement
_PASSIVE_STANCE = frozenset("""support endorse back praise criticize criticise condemn cite quote
    describe mention blame question dispute attack mock slam blast denounce call hail applaud
    welcome accuse""".split())
_ATTITUDE_PASSIVE = frozenset({"convince", "persuade", "concern", "worry", "disappoint", "outrage",
                               "encourage", "satisfy", "please", "alarm", "frighten", "surprise"})
_ADDRESSEE_VERBS = frozenset("tell ask inform remind assure urge warn thank answer".split())
_PEOPLE = frozenset("""reporter reporters voter voters supporter supporters crowd audience people
    dispatcher journalist journalists friend friends member members viewer viewers listener
    listeners official officials host interviewer colleague colleagues audiences crowds""".split())
# "is said to", "is believed to", "is thought to": passives that report with no one named
_PASSIVE_RAISING = frozenset({"say", "believe", "think", "expect", "report", "rumor", "rumour",
                              "know", "consider", "estimate", "project", "predict", "suppose"})
_COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "sound", "grow", "get"})
_ADJ_PREPS = frozenset({"of", "about", "with", "on", "to", "by", "over", "at", "in", "for"})
_RELAY = frozenset({"say", "report", "tell", "write", "announce", "claim", "state", "tweet", "post",
                    "add", "cite", "quote", "confirm", "declare"})
RAISING = frozenset({"seem", "appear", "sound", "look"})
CUE_LEMMAS = CLAUSE | XCOMP | OBJECT | frozenset(PREP)

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_PUNCT_TRIM = frozenset(".,;:—–-()[]!?…") | {"--"}
_QUOTE_CHARS = frozenset("\"“”„«»'`‘’")
_CONTENT_DEPS = ("ccomp",)


@dataclass
class _Cand:
    kind: str
    cue: tuple[int, int] | None  # char span
    cue_tok: int | None
    source: tuple[int, int] | None  # char span
    source_tok: int | None  # head token of the source
    content: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    verb: int | None = None  # the predicate, to reach the governing clause


@dataclass
class _Ctx:
    doc: Doc
    quotes: list[Quote]
    in_quote: list[bool]
    boundary: list[bool]  # token k ends a sentence (outside quotes)
    starts: list[int]  # token start offsets, for bisecting
    text: str  # doc.text, which spaCy rebuilds on every access
    sent_start: list[int]  # per token: where its sentence starts and ends
    sent_end: list[int]


_ENDERS = frozenset(".?!")
_CLOSERS = frozenset("”\"'’") | {"''"}
_OPENERS = frozenset("“\"‘") | {"``", "''"}


def _boundaries(doc: Doc, in_quote: list[bool]) -> list[bool]:
    n = len(doc)
    out = [False] * n
    for k in range(n - 1):
        t = doc[k]
        if "\n" in t.whitespace_ or (t.is_space and "\n" in t.text):
            out[k] = True
            continue
        if in_quote[k]:
            continue
        s = t.text
        if s in _ENDERS or (s in _CLOSERS and k and doc[k - 1].text in _ENDERS):
            nxt = doc[k + 1]
            if nxt.is_space or nxt.text in _OPENERS or nxt.text[:1].isupper():
                if s in _ENDERS and nxt.text in _CLOSERS and not nxt.text in ("“", "``"):
                    continue  # the closing mark after the period ends it
                out[k] = True
    return out


def extract_attributions(doc: Doc, entities: list[Entity]) -> list[Attribution]:
    text = doc.text
    if not text.strip():
        return []
    quotes = find_quotes(text)
    in_quote = _quote_mask(doc, quotes)
    sent_start, sent_end = [0] * len(doc), [0] * len(doc)
    for sent in doc.sents:
        for k in range(sent.start, sent.end):
            sent_start[k], sent_end[k] = sent.start, sent.end
    ctx = _Ctx(doc, quotes, in_quote, _boundaries(doc, in_quote), [t.idx for t in doc], text,
               sent_start, sent_end)
    cands: dict[int, _Cand] = {}  # keyed by cue token
    for tok in doc:
        if in_quote[tok.i]:
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lemma in CUE_LEMMAS:
            c = _verb_candidate(ctx, tok, lemma)
            if c is None and lemma in LIGHT:
                c = _light_candidate(ctx, tok)
            if c is not None:
                cands[tok.i] = c
        elif tok.pos_ == "VERB" and lemma in LIGHT:
            c = _light_candidate(ctx, tok)
            if c is not None:
                cands[tok.i] = c
        elif tok.dep_ == "prep" and tok.i == ctx.sent_start[tok.i] and tok.lower_ in _FRONT_PREPS:
            c = _fronted_source(ctx, tok)
            if c is not None:
                cands[tok.i] = c
        elif lemma == "accord" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            c = _according(ctx, tok)
            if c is not None:
                cands[tok.i] = c
        elif tok.dep_ == "acomp" and tok.lower_ in ATTITUDE and tok.head.lemma_ in _COPULAS:
            c = _adjective_candidate(ctx, tok)
            if c is not None:
                cands[tok.i] = c
        elif tok.dep_ == "ROOT" and tok.tag_ in ("NNS", "NNPS") and _verb_as_noun(tok):
            c = _headline_candidate(ctx, tok)
            if c is not None:
                cands[tok.i] = c
        elif tok.pos_ == "NOUN" and (lemma in NOUNS or lemma in NOUN_PREPS):
            c = _noun_candidate(ctx, tok)
            if c is not None:
                cands[tok.i] = c
    _colon_lines(ctx, cands)
    _attach_quotes(ctx, cands)
    out = _finish(doc, text, list(cands.values()), quotes)
    return _records(doc, text, out, entities)


# --- verbs ------------------------------------------------------------------------------------

def _verb_candidate(ctx: "_Ctx", v: Token, lemma: str) -> _Cand | None:
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
                if t.dep_ == "prep":
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
        sp = [c for c in children if c.dep_ == "nsubjpass" and c.lower_ not in ("it", "there")]
        if xs and sp:  # "One in nine voters is expected to be Latino": the subject is part of it
            content_toks = sp + xs
        elif xs and lemma in RAISING:  # "Mr. Rubio appeared to be on the upswing"
            content_toks = [c for c in children if c.dep_ == "nsubj" and c.lower_ not in ("it", "there")] + xs
        elif xs:
            objs = [c for c in children if c.dep_ in ("dobj", "dative") and c.i < xs[0].i]
            content_toks = objs + xs
    if content_toks is None and lemma in _PASSIVE_STANCE and any(c.dep_ == "agent" for c in children):
        # "Clinton was supported by 42 percent": the passive subject is the content
        subj = [c for c in children if c.dep_ == "nsubjpass"]
        if subj:
            content_toks = subj
    if content_toks is None and lemma in OBJECT:
        objs = [c for c in children if c.dep_ == "dobj" and c.i > v.i]
        if objs and lemma in _ADDRESSEE_VERBS and (
                objs[0].pos_ == "PRON" or objs[0].ent_type_ in ("PERSON", "ORG", "NORP")
                or objs[0].lemma_.lower() in _PEOPLE):
            objs = []  # "told me", "asked reporters": the addressee, not what was said
        if objs:
            o = objs[0]
            about = [c for c in o.children if c.dep_ == "prep" and c.lower_ in _STANCE_PREPS]
            if o.lemma_.lower() in STANCE_NOUNS and about and any(g.dep_ == "pobj" for g in about[0].children):
                # "expressed deep concern about the policy": the policy
                content_toks = [g for g in about[0].children if g.dep_ == "pobj"]
                cue_end = about[0].i + 1
            else:
                content_toks = objs + _trailing_args(v, o)
        else:
            comps = [c for c in children if c.dep_ == "ccomp" and c.i > v.i]
            if comps:  # "condemned what he called a breach"
                content_toks = comps
    if content_toks is None and lemma in PREP:
        for c in children:
            if c.dep_ == "prep" and c.lower_ in PREP[lemma] and c.i > v.i:
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    content_toks = objs
                    if c.i - v.i <= 3:  # "talked about"; not "spoken with his counterpart, X, about"
                        cue_end = c.i + 1
                    break
    parenthetical = False
    if content_toks is None and (v.dep_ == "parataxis" or (
            v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children))):
        if v.head.i != v.i:
            parenthetical = True
    if content_toks is None and not parenthetical and lemma not in SPEECH:
        return None
    inserted = None
    if content_toks is None and not parenthetical:
        inserted = _inserted(ctx, v)  # "These employees, Stumpf explained, were well paid."
    src = _source(doc, v)
    cue_span = _cue_span(doc, v, cue_end)
    cand = _Cand(kind, cue_span, v.i, src[0] if src else None, src[1] if src else None, verb=v.i)
    if parenthetical:
        cand.content = _clause_minus(ctx, v.head, v)
        if not cand.content:
            return None
    elif inserted:
        cand.content = inserted
    elif content_toks is not None:
        content_toks = content_toks + _conjuncts(content_toks, v) + _clause_conjuncts(content_toks, v)
        toks = {i for h in content_toks for i in _subtree(h)}
        if content_toks and all(t.dep_ != "ccomp" for t in content_toks):
            toks -= _trailing_relative(doc, content_toks)
        cand.content = _content_spans(ctx, toks, v.i)
        if not cand.content:
            return None
    return cand


_CUE_LEFT = frozenset({"aux", "auxpass", "neg"})


def _cue_span(doc: Doc, v: Token, end: int) -> tuple[int, int]:
    """The cue: the verb with its auxiliaries and negation ("has said", "did not mention",
    "was reported"), a particle ("pointed out") and a setting right after it ("said in a
    statement", "said Tuesday"). Adverbs ("also") and a colon stay out."""
    a = v.i
    while a > 0:
        t = doc[a - 1]
        if t.head.i == v.i and t.dep_ in _CUE_LEFT:
            a -= 1
        else:
            break
    b = end
    if b < len(doc) and doc[b].dep_ == "prt" and doc[b].head.i == v.i:
        b += 1
    if b < len(doc) and doc[b].dep_ == "prep" and doc[b].head.i == v.i and b + 1 < len(doc):
        # "said in a statement"
        pob = next((g for g in doc[b].children if g.dep_ == "pobj"), None)
        if pob is not None and pob.lemma_.lower() == "statement" and pob.right_edge.i == pob.i:
            b = pob.i + 1
    elif b < len(doc) and doc[b].dep_ == "npadvmod" and doc[b].ent_type_ == "DATE" and doc[b].head.i == v.i \
            and doc[b].right_edge.i == b:
        b += 1
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1])


_SETTING_NOUNS = frozenset("""statement interview speech rally conference event debate tweet post
    letter email radio television tv show program programme broadcast hearing meeting op-ed
    column appearance address briefing call week month year day night morning afternoon
    evening time""".split())


def _trailing_args(v: Token, obj: Token) -> list[Token]:
    """What follows the object and still belongs to the content: "accused X of Y", "called X Y",
    "defended X against Y" — up to a comma or a coordinated clause; time and setting phrases
    ("on Monday", "in a statement") stay out."""
    out = []
    for c in v.rights:
        if c.i <= obj.i:
            continue
        if c.dep_ in ("punct", "cc", "conj") or c.is_punct:
            break
        if c.dep_ in ("oprd", "xcomp", "ccomp", "dative", "acomp", "advmod"):
            out.append(c)
        elif c.dep_ == "prep":
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is None:
                break
            if pobj.ent_type_ in ("DATE", "TIME") or pobj.lemma_.lower() in _SETTING_NOUNS:
                continue  # "lauded X in his address for Y": the setting stays out, Y comes in
            out.append(c)
        else:
            break
    return out


_INSERT_MARKS = frozenset({",", "—", "–", "--"})


def _conjuncts(heads: list[Token], v: Token) -> list[Token]:
    """ "cited her years as secretary and as a senator", "a supporter of NATO and of its allies":
    conjuncts the parser hung one level up belong to the content, unless they are clauses of
    their own."""
    out: list[Token] = []
    for h in heads:
        p = h.head
        if p.i == h.i or h.dep_ not in ("dobj", "pobj", "pcomp", "oprd"):
            continue
        for c in p.children:
            if c.dep_ != "conj" or c.i <= h.right_edge.i or c.i == v.i:
                continue
            if c.pos_ in ("VERB", "AUX") and (any(g.dep_ in _SUBJ for g in c.children) or p.i == v.i):
                continue
            if c.lemma_.lower() in CUE_LEMMAS and c.pos_ == "VERB":
                continue
            cc = [g for g in p.children if g.dep_ == "cc" and h.right_edge.i < g.i < c.i]
            out.extend(cc + [c])
    return out


def _clause_conjuncts(heads: list[Token], v: Token) -> list[Token]:
    """ "said that X, but Y declined", "urged them to share a currency and rely on …": the parser
    hangs the second conjunct on the reporting verb; a clause with its own subject, or a bare
    infinitive continuing an infinitive content, belongs to what was said."""
    end = max(h.right_edge.i for h in heads)
    out: list[Token] = []
    for c in v.children:
        if c.dep_ != "conj" or c.i <= end or c.pos_ not in ("VERB", "AUX"):
            continue
        if c.lemma_.lower() in CUE_LEMMAS:
            break
        own_subject = any(g.dep_ in _SUBJ for g in c.children)
        infinitive = c.tag_ == "VB" and any(h.dep_ == "xcomp" for h in heads)
        if not (own_subject or infinitive):
            break
        out.extend(g for g in v.children if g.dep_ == "cc" and end < g.i < c.i)
        out.append(c)
        end = c.right_edge.i
    return out


def _trailing_relative(doc: Doc, heads: list[Token]) -> set[int]:
    """ ", who has never faced …" / ", which include …" closing an object: a description of the
    thing talked about, which annotators leave out of the content."""
    out: set[int] = set()
    for h in heads:
        for t in h.subtree:
            if t.dep_ == "relcl" and t.i > h.i and t.i - 1 >= 0 and t.right_edge.i == h.right_edge.i:
                first = t.left_edge.i
                if first > 0 and doc[first - 1].text == "," and doc[first].lower_ in ("who", "which"):
                    out |= set(range(first - 1, t.right_edge.i + 1))
    return out


def _inserted(ctx: "_Ctx", v: Token) -> list[tuple[int, int]] | None:
    """A speech verb set between commas inside what was said: "X, he said, is …", "People
    like Scott, he said.", "Hawaii, as one adviser pointed out, rarely …"."""
    doc = ctx.doc
    subj = [c for c in v.lefts if c.dep_ == "nsubj"]
    if not subj:
        return None
    a = subj[-1].left_edge.i
    if a > 0 and doc[a - 1].lower_ == "as":
        a -= 1
    ss, se = ctx.sent_start[v.i], ctx.sent_end[v.i]
    if a - 1 <= ss or doc[a - 1].text not in _INSERT_MARKS:
        return None
    b = v.i + 1
    while b < se and doc[b].text not in _INSERT_MARKS and doc[b].text not in (".", "!", "?", ";"):
        b += 1
    toks = set(range(ss, a - 1))
    if b < se and doc[b].text in _INSERT_MARKS:
        toks |= set(range(b + 1, se))
    if any(ctx.in_quote[k] or doc[k].text in _QUOTE_CHARS or doc[k].text in ("''", "``") for k in toks):
        return None  # quotations are attached by the quote pass
    spans = _content_spans(ctx, toks, v.i)
    return spans or None


def _left_np(doc: Doc, v: Token) -> tuple[tuple[int, int], int] | None:
    """The noun phrase right before a verb: "one of the attorneys, Justin Bamberg, said …"."""
    j = v.i - 1
    while j >= 0 and (doc[j].dep_ in ("aux", "neg", "advmod") or doc[j].text == ","):
        j -= 1
    if j < 0 or doc[j].pos_ not in ("PROPN", "NOUN", "PRON") or doc[j].is_space:
        return None
    r = doc[j]
    while r.head.i != r.i and r.head.i < v.i and r.head.right_edge.i < v.i:
        r = r.head
    a = r.left_edge.i
    while a < j and (doc[a].is_punct or doc[a].is_space):
        a += 1
    head = r if r.pos_ in ("PROPN", "NOUN", "PRON") else doc[j]
    return (doc[a].idx, doc[j].idx + len(doc[j])), head.i


def _source(doc: Doc, v: Token, depth: int = 0) -> tuple[tuple[int, int], int] | None:
    subj = None
    for c in v.children:
        if c.dep_ in ("nsubj", "csubj") and c.ent_type_ not in ("TIME", "DATE") and not c.like_num:
            subj = c
            break
    if subj is None:
        for c in v.children:
            if c.dep_ == "agent":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    subj = objs[0]
                    break
    if subj is None:
        # "Russian media report …": a subject parsed as a compound of the verb
        lefts = [c for c in v.lefts if c.dep_ in ("compound", "npadvmod") and c.pos_ in ("NOUN", "PROPN")]
        if lefts:
            first = min(t.left_edge.i for t in lefts)
            last = doc[v.i - 1]
            return (doc[first].idx, last.idx + len(last)), lefts[-1].i
    if subj is None:
        sp = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        if sp is not None:
            if v.lemma_ in _ATTITUDE_PASSIVE and sp.lower_ not in ("it", "there"):
                subj = sp  # "we are convinced that …"
            else:
                return None  # agentless passive: "it was reported that …"
    if subj is None:
        h = v.head
        if v.dep_ in ("xcomp", "advcl", "ccomp", "oprd") and h.pos_ in ("VERB", "AUX") and h.i < v.i:
            # "pressed Stumpf to admit …", "the ad shows Hillary Clinton asking …": the object
            obj = next((c for c in h.children if c.dep_ in ("dobj", "nsubj") and h.i < c.i < v.i
                        and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
            if obj is not None and obj.right_edge.i == v.i - 1 - (1 if doc[v.i - 1].dep_ == "aux" else 0):
                a, b = obj.left_edge.i, obj.right_edge.i
                return (doc[a].idx, doc[b].idx + len(doc[b])), obj.i
        if v.dep_ in ("acl", "advcl", "xcomp") and v.tag_ in ("VBG", "VB") and v.head.pos_ in ("NOUN", "PROPN") \
                and not any(c.dep_ == "mark" for c in v.children):
            # "pastors supporting Mr. Cruz", "a petition calling on …": the noun phrase; but
            # "…, saying that …" after a comma speaks for the subject of the clause
            if v.i and doc[v.i - 1].text in (",", "—", "–") and depth < 3:
                h = v.head
                for _ in range(4):
                    if h.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in h.children):
                        return _source(doc, h, depth + 1)
                    if h.head.i == h.i:
                        break
                    h = h.head
            h = v.head
            a = h.left_edge.i
            return (doc[a].idx, h.idx + len(h)), h.i
        if v.tag_ == "VBN" and v.dep_ == "advcl":
            return None  # "Asked if …"
        if depth < 3 and v.dep_ in ("advcl", "conj", "xcomp", "pcomp") and v.head.i != v.i:
            h = v.head
            if v.dep_ == "pcomp" and h.pos_ == "ADP" and h.head.i != h.i:
                h = h.head  # "responded by saying …", "After saying …, she was …"
            if h.pos_ == "ADJ" and h.dep_ == "acomp":
                h = h.head  # "he was able to tout …"
            if h.pos_ not in ("VERB", "AUX"):
                return None
            return _source(doc, h, depth + 1)
        if v.tag_ in ("VBD", "VBZ", "VBP") and v.lemma_.lower() in CUE_LEMMAS:
            return _left_np(doc, v)  # a finite speech verb whose subject the parser hung elsewhere
        return None
    if v.lemma_ in RAISING and depth == 0:
        return None
    a, b = subj.left_edge.i, subj.right_edge.i
    while b > a and (doc[b].is_punct or doc[b].is_space):
        b -= 1
    while a < b and (doc[a].is_punct or doc[a].is_space):
        a += 1
    return (doc[a].idx, doc[b].idx + len(doc[b])), subj.i


# --- according to, nouns -------------------------------------------------------------------------

def _according(ctx: "_Ctx", acc: Token) -> _Cand | None:
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
    content = _clause_minus(ctx, head if head.pos_ in ("VERB", "AUX") else sent.root, acc)
    if not content:
        return None
    cue = (acc.idx, to.idx + len(to))
    return _Cand("according_to", cue, acc.i, src[0] if src else None, src[1] if src else None,
                 content=content, verb=head.i)


_COLON_LINE = re.compile(r"^[ \t]*([A-Z][^\n:\"“”]{0,40}?)[ \t]*:[ \t]+(\S[^\n]*?)[ \t]*$", re.M)
_NOT_SPEAKERS = frozenset("""note update updated photo photos video related read watch listen editor
    editors source sources via getty follow credit correction disclosure image images caption
    subscribe click see also share tags filed posted published warning q a question answer
    transcript when where who what why how clarification latest breaking exclusive live
    analysis opinion commentary editorial advertisement sponsored""".split())


def _named_elsewhere(doc: Doc, tok: Token) -> bool:
    """ "Sanders: …" — a single word the article uses as a name somewhere else."""
    return any(t.text == tok.text and t.i != tok.i and (t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                                                        or t.pos_ == "PROPN") for t in doc)


def _colon_lines(ctx: "_Ctx", cands: dict[int, "_Cand"]) -> None:
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
                and not (len(words) <= 3 and all(w.isupper() for w in words) and len(words[0]) > 1) \
                and not (len(words) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span)) \
                and not (len(span) == 1 and span[0].text[:1].isupper() and _named_elsewhere(doc, span[0])):
            if not any(t.lemma_.lower() in L.DOCUMENT[LANG] | L.MEDIA[LANG] for t in span):
                continue
        colon = _tok_at(ctx, name[1], left=False)
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
        cands[colon] = _Cand("indirect", (doc[colon].idx, doc[colon].idx + 1), colon,
                             (span.start_char, span.end_char), head.i, content=[(a, b)])


def _light_candidate(ctx: "_Ctx", v: Token) -> _Cand | None:
    """ "made the case for X", "has doubts that X", "made no mention of X": the light verb and
    its noun are the cue, what the noun governs is the content."""
    doc = ctx.doc
    o = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
    if o is None or o.lemma_.lower() not in LIGHT_NOUNS:
        return None
    content: list[Token] = []
    end = o.i + 1
    for c in o.children:
        if c.i < o.i:
            continue
        if c.dep_ == "prep" and c.lower_ in _STANCE_PREPS | {"against", "toward", "towards"}:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
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
    if not content and v.lemma_ == "make" and o.lemma_.lower() in ("comment", "remark", "statement", "point"):
        content = [o]  # "Trump made similar comments"
        end = v.i + 1
    if not content:
        return None
    spans = _content_spans(ctx, {i for h in content for i in _subtree(h)}, v.i)
    if not spans:
        return None
    src = _source(doc, v)
    return _Cand("indirect", _cue_span(doc, v, end), v.i, src[0] if src else None,
                 src[1] if src else None, content=spans, verb=v.i)


def _adjective_candidate(ctx: "_Ctx", adj: Token) -> _Cand | None:
    """ "was critical of X", "is confident that X", "were eager to X": the copula's subject."""
    doc = ctx.doc
    content: list[Token] = []
    end = adj.i + 1
    for c in adj.children:
        if c.i < adj.i:
            continue
        if c.dep_ == "prep" and c.lower_ in _ADJ_PREPS:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                content, end = objs, c.i + 1
                break
        if c.dep_ in ("ccomp", "xcomp"):
            content = [c]
            break
    if not content:
        return None
    cop = adj.head
    src = _source(doc, cop)
    if src is not None and doc[src[1]].lower_ in ("it", "there"):
        src = None  # "it is clear that …"
    a = cop.i if cop.i < adj.i and adj.i - cop.i <= 4 else adj.i
    cue = _cue_span(doc, doc[a], end)
    content = content + _conjuncts(content, adj)
    toks = {i for h in content for i in _subtree(h)}
    spans = _content_spans(ctx, toks, adj.i)
    if not spans:
        return None
    return _Cand("indirect", cue, adj.i, src[0] if src else None, src[1] if src else None,
                 content=spans, verb=cop.i)


def _verb_as_noun(t: Token) -> bool:
    """ "Federal court rules against …", "Trump questions …": a reporting verb in -s that the
    tagger read as a plural noun (headlines, short leads)."""
    w = t.lower_
    if not w.endswith("s"):
        return False
    stems = {w[:-1], w[:-2] if w.endswith("es") else w[:-1], w[:-3] + "y" if w.endswith("ies") else w}
    return bool(stems & CUE_LEMMAS)


def _headline_candidate(ctx: "_Ctx", n: Token) -> _Cand | None:
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
    spans = _content_spans(ctx, toks, n.i)
    if not spans or spans[0][1] - spans[0][0] < 3:
        return None
    cue = (n.idx, doc[cue_end - 1].idx + len(doc[cue_end - 1]))
    return _Cand("indirect", cue, n.i, (doc[a].idx, last.idx + len(last)), n.i - 1, content=spans)


_FRONT_PREPS = frozenset({"in", "per", "by"})
_IN_SOURCES = L.DOCUMENT[LANG] | frozenset({"view", "opinion", "words", "interview", "speech", "estimation",
                                            "judgment", "judgement", "assessment", "account"})
_BY_SOURCES = frozenset({"measure", "account", "estimate", "count", "tally"})


def _fronted_source(ctx: "_Ctx", prep: Token) -> _Cand | None:
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
    spans = _content_spans(ctx, set(range(end + 2, se)), prep.i)
    if not spans:
        return None
    a = pobj.left_edge.i
    return _Cand("according_to", (prep.idx, prep.idx + len(prep)), prep.i,
                 (doc[a].idx, doc[end].idx + len(doc[end])), pobj.i, content=spans)


def _noun_candidate(ctx: "_Ctx", n: Token) -> _Cand | None:
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
                    objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
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
        src = _source(doc, n.head)
    elif n.dep_ == "attr" and n.head.lemma_ in _COPULAS:  # "she is a staunch opponent of …"
        src = _source(doc, n.head)
    elif n.dep_ == "ROOT" or comp.dep_ == "ccomp":  # a verb tagged as a noun: "Russian media report that"
        src = _source(doc, n)
    if content_head is not comp and src is None:
        return None  # "criticism of X" with no one criticising: a topic, not an attribution
    heads = [content_head] + _conjuncts([content_head], n)
    content = _content_spans(ctx, {i for h in heads for i in _subtree(h)}, n.i)
    if not content:
        return None
    a = n.i
    while a > 0 and doc[a - 1].dep_ == "amod" and doc[a - 1].head.i == n.i:  # "harsh criticism of"
        a -= 1
    cue = (doc[a].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1]))
    return _Cand("indirect", cue, n.i, src[0] if src else None, src[1] if src else None, content=content)


# --- quotes ---------------------------------------------------------------------------------------

def _quote_mask(doc: Doc, quotes: list[Quote]) -> list[bool]:
    mask = [False] * len(doc)
    for q in quotes:
        for a, b in q.parts:
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            for i in range(span.start, span.end):
                t = doc[i]
                if t.idx > a and t.idx + len(t) < b:  # the marks themselves are outside
                    mask[i] = True
    return mask


def _tok_at(ctx: _Ctx, char: int, left: bool) -> int | None:
    """The first token starting at or after ``char`` (left=False), or the last one ending at or
    before it (left=True)."""
    doc, starts = ctx.doc, ctx.starts
    if left:
        i = bisect_right(starts, char - 1) - 1
        while i >= 0 and doc[i].idx + len(doc[i]) > char:
            i -= 1
        return i if i >= 0 else None
    i = bisect_left(starts, char)
    return i if i < len(doc) else None


def _attach_quotes(ctx: _Ctx, cands: dict[int, _Cand]) -> None:
    doc, quotes, in_quote = ctx.doc, ctx.quotes, ctx.in_quote
    text = ctx.text
    last_direct: _Cand | None = None
    last_para = -1
    for q in quotes:
        if not is_statement(text, q):
            continue
        para = text.rfind("\n", 0, q.start)
        dash = _dash_speaker(ctx, q)
        if dash is not None:  # "…" ― Jorge Falcon
            cands[dash[0]] = _Cand("direct", (doc[dash[0]].idx, doc[dash[0]].idx + len(doc[dash[0]])),
                                   dash[0], dash[1], dash[2], content=list(q.parts), quotes=[q])
            last_direct, last_para = cands[dash[0]], para
            continue
        cue = _cue_after(ctx, q)
        if cue is None:
            cue = _cue_before(ctx, q, cands)
        if cue is not None:
            c = cands.get(cue)
            if c is None:
                c = _speech_candidate(doc, doc[cue])
                cands[cue] = c
            if not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in doc[cue].children) or (
                    c.source is not None and any(x < c.source[1] and c.source[0] < y for x, y in q.parts)):
                src = _between_source(ctx, q, cue) or _after_source(ctx, cue)
                if src is not None:
                    c.source, c.source_tok = src
            if c.kind != "direct" and c.content and text[c.content[-1][1]:q.start].strip() == ":":
                c.kind = "mixed"  # "X said that, given …:" + a quoted paragraph
            elif c.kind != "direct" and c.content and _outside(c.content, quotes) > 3 and not (
                    len(c.content) == 1 and text[c.content[0][0]:c.content[0][1]].lower() in _BACK_POINTERS):
                last_direct, last_para = c, para  # a fragment of a wider content: mixed
                continue
            elif c.kind not in ("direct", "mixed") or not c.quotes:
                c.kind = "direct"
                c.content = []
                c.quotes = []
            c.quotes.append(q)
            c.content.extend(q.parts)
            last_direct, last_para = c, para
            continue
        # "…" The mayor said that on Friday. — the next sentence points back at the quote
        nxt = _pointing_back(ctx, q, cands)
        if nxt is not None:
            nxt.kind, nxt.content, nxt.quotes = "direct", list(q.parts), [q]
            last_direct, last_para = nxt, para
            continue
        # a quote continuing the last attributed one (same paragraph, or the next one opening
        # with a quotation)
        if last_direct is not None and len(inner_text(text, q).split()) >= 4 and (
                para == last_para or _next_para(text, last_direct.content[-1][1], q.start)):
            last_direct.quotes.append(q)
            last_direct.content.extend(q.parts)
            last_para = text.rfind("\n", 0, q.end)


_DASHES = frozenset({"―", "—", "–", "--", "-"})


def _dash_speaker(ctx: _Ctx, q: Quote) -> tuple[int, tuple[int, int], int] | None:
    """ "…" ― Jorge Falcon: a quote signed with a dash and a name ending the paragraph."""
    doc, text = ctx.doc, ctx.text
    i = _tok_at(ctx, q.end, left=False)
    while i is not None and i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    if i is None or i + 1 >= len(doc) or doc[i].text not in _DASHES or "\n" in text[q.end:doc[i].idx]:
        return None
    j = i + 1
    while j < len(doc) and doc[j].is_space and "\n" not in doc[j].text:  # a non-breaking space
        j += 1
    first = j
    while j < len(doc) and doc[j].pos_ == "PROPN" and "\n" not in doc[j].text:
        j += 1
    if j == first or j - first > 5:
        return None
    # the name must close the line
    if j < len(doc) and not (doc[j].is_punct and doc[j].text == ".") and "\n" not in doc[j - 1].whitespace_ \
            and not doc[j].is_space:
        return None
    last = doc[j - 1]
    return i, (doc[first].idx, last.idx + len(last)), j - 1


_BACK_POINTERS = frozenset({"that", "this", "so", "it"})


def _pointing_back(ctx: _Ctx, q: Quote, cands: dict[int, _Cand]) -> _Cand | None:
    """A speech verb in the sentence right after a quote whose content only points back at it."""
    i = _tok_at(ctx, q.end, left=False)
    if i is None or i >= len(ctx.doc) or "\n" in ctx.text[q.end:ctx.doc[i].idx]:
        return None
    for k in range(i, ctx.sent_end[i]):
        c = cands.get(k)
        if c is not None and c.content and len(c.content) == 1 and _is_speech(ctx.doc[k]) \
                and ctx.text[c.content[0][0]:c.content[0][1]].lower() in _BACK_POINTERS:
            return c
    return None


def _between_source(ctx: _Ctx, q: Quote, v: int) -> tuple[tuple[int, int], int] | None:
    """The speaker written between a quote and its verb when the parse gave the verb no subject."""
    doc = ctx.doc
    i = _tok_at(ctx, q.end, left=False)
    if i is None or i >= v:
        return None
    while i < v and (doc[i].is_punct or doc[i].is_space):
        i += 1
    b = v - 1
    while b > i and (doc[b].is_punct or doc[b].is_space):
        b -= 1
    if i > b or v - i > 20:
        return None
    head = next((t for t in doc[i:b + 1] if t.pos_ in ("PROPN", "NOUN", "PRON")), doc[i])
    # the head of a name is its last word before any comma
    k = head.i
    while k + 1 <= b and doc[k + 1].pos_ == "PROPN" and head.pos_ == "PROPN":
        k += 1
    return (doc[i].idx, doc[b].idx + len(doc[b])), k


def _outside(content: list[tuple[int, int]], quotes: list[Quote]) -> int:
    """How many content characters lie outside every quotation."""
    inside = sum(max(0, min(b, y) - max(a, x)) for a, b in content for q in quotes for x, y in q.parts
                 if x < b and a < y)
    return sum(b - a for a, b in content) - inside


_AFTER_DEPS = frozenset({"nsubj", "dobj", "attr", "npadvmod", "appos", "dative", "oprd"})
_PLATFORMS = frozenset({"telegram", "twitter", "facebook", "instagram", "tiktok", "youtube", "x"})


def _after_source(ctx: _Ctx, v: int) -> tuple[tuple[int, int], int] | None:
    """ "…," said Leslie Wimes, a …: the name right after the verb."""
    doc = ctx.doc
    k = v + 1
    if k < len(doc) and doc[k].pos_ == "PROPN" and not ctx.in_quote[k]:  # "Said Ellis: …"
        while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN":
            k += 1
        return (doc[v + 1].idx, doc[k].idx + len(doc[k])), k
    for c in doc[v].rights:
        if ctx.in_quote[c.i]:
            break
        if c.pos_ in ("PROPN", "NOUN", "PRON") and c.dep_ in _AFTER_DEPS:
            a, b = c.left_edge.i, c.right_edge.i
            while b > a and (doc[b].is_punct or doc[b].is_space):
                b -= 1
            return (doc[a].idx, doc[b].idx + len(doc[b])), c.i
    return None


def _next_para(text: str, prev_end: int, start: int) -> bool:
    between = text[prev_end:start]
    return between.count("\n") >= 1 and not between.strip()


def _speech_candidate(doc: Doc, v: Token) -> _Cand:
    src = _source(doc, v)
    cue = _cue_span(doc, v, v.i + 1)
    return _Cand("direct", cue, v.i, src[0] if src else None, src[1] if src else None, verb=v.i)


def _is_speech(t: Token) -> bool:
    return t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH


def _cue_after(ctx: _Ctx, q: Quote) -> int | None:
    """"…," said X / "…," X said / "…" X told reporters. / "…," X, a senator, said by phone."""
    doc, in_quote = ctx.doc, ctx.in_quote
    i = _tok_at(ctx, q.end, left=False)
    if i is None:
        return None
    while i < len(doc) and doc[i].is_punct and doc[i].text in ",—–-:;":
        i += 1
    if i >= len(doc) or "\n" in ctx.text[q.end:doc[i].idx]:
        return None
    for j in range(i, min(i + 40, len(doc))):
        t = doc[j]
        if in_quote[j] or t.is_space or "\n" in t.text or (t.is_punct and t.text in ".!?\"“”''``"):
            return None
        if _is_speech(t):
            # a verb with its own clause after it reports that clause, not this quote
            if any(c.dep_ == "ccomp" and c.i > j and not in_quote[c.i] for c in t.children):
                return None
            return j
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return None
    return None


def _cue_before(ctx: _Ctx, q: Quote, cands: dict[int, _Cand]) -> int | None:
    """X said: "…" / X said, "…" / "… / the previous paragraph ends with a colon."""
    doc, in_quote = ctx.doc, ctx.in_quote
    text = ctx.text
    k = q.start
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    prev = text[k - 1] if k else ""
    if prev == "\n":
        # paragraph opening with a quote: "X continued:" ending the previous paragraph
        j = k - 1
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j and text[j - 1] == ":":
            t = _tok_at(ctx, j, left=True)
            if t is None:
                return None
            for k in range(t, doc[t].sent.start - 1, -1):  # "X said that, given …:"
                if k in cands or _is_speech(doc[k]):
                    return k
        return None
    if prev not in (":", ","):
        # "X said "…"" with no punctuation: the verb right before the quote
        t = _tok_at(ctx, k, left=True)
        if t is not None and _is_speech(doc[t]):
            return t
        return None
    t = _tok_at(ctx, k, left=True)
    return _verb_back(doc, t, in_quote, 10)


def _verb_back(doc: Doc, t: int | None, in_quote: list[bool], window: int) -> int | None:
    if t is None:
        return None
    for j in range(t, max(t - window, -1), -1):
        tok = doc[j]
        if in_quote[j] or "\n" in tok.text or (tok.is_punct and tok.text in ".!?\"“”"):
            return None
        if _is_speech(tok):
            return j
    return None


# --- spans ----------------------------------------------------------------------------------------

def _trimmable(t: Token, doc: Doc, a: int, b: int, left: bool) -> bool:
    if t.is_space:
        return True
    s = t.text
    if s in _PUNCT_TRIM:
        return True
    if s in _QUOTE_CHARS or s in ("''", "``"):
        # keep a closing mark whose opening mark is in the span, and vice versa
        inner = doc[a:b].text
        opens = sum(inner.count(c) for c in "“") + inner.count("``")
        closes = sum(inner.count(c) for c in "”") + inner.count("''")
        straight = inner.count('"')
        if s == '"':
            return straight % 2 == 1
        if left:
            return closes < opens or opens == closes == 0 or (s in "”'" and True)
        return opens < closes or opens == closes == 0 or s in "“`"
    return False


def _clause_minus(ctx: "_Ctx", head: Token, cut: Token) -> list[tuple[int, int]]:
    """The clause of ``head`` without the subtree of ``cut`` (a parenthetical cue)."""
    sent = head.sent
    toks = {i for i in _subtree(head) if sent.start <= i < sent.end} - set(_subtree(cut))
    return _content_spans(ctx, toks, cut.i)


def _subtree(t: Token) -> range | list[int]:
    """Token indices under ``t`` (a range when the subtree is contiguous, as it nearly always is)."""
    a, b = t.left_edge.i, t.right_edge.i + 1
    n = sum(1 for _ in t.subtree) if b - a > 1 else 1
    if n == b - a:
        return range(a, b)
    return [x.i for x in t.subtree]


_DISCOURSE = frozenset("and but so yet however still also moreover meanwhile besides".split())


def _trim_tail(doc: Doc, a: int, b: int) -> int:
    """Cut a content at a separator line ("___", "---") the parser swallowed. (Cutting relative
    clauses, appositions or time clauses at the end was tried: PolNeAR's annotators keep them
    as often as not, so they stay.)"""
    for k in range(a + 1, b):
        t = doc[k].text
        if len(t) >= 3 and set(t) <= {"_", "-", "—", "*"}:
            return k
    return b


def _content_spans(ctx: "_Ctx", toks: set[int], cue: int) -> list[tuple[int, int]]:
    """Token indices → char spans: contiguous runs, cut at sentence ends outside quotes (keeping
    the side next to the cue), edge punctuation trimmed, a quote opened inside run to its close."""
    doc = ctx.doc
    toks.discard(cue)
    if not toks:
        return []
    idx = sorted(toks)
    runs: list[list[int]] = [[idx[0], idx[0] + 1]]
    for i in idx[1:]:
        if i == runs[-1][1]:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
    out: list[tuple[int, int]] = []
    for a, b in runs:
        # sentence ends the parser missed
        cuts = [k for k in range(a, b - 1) if ctx.boundary[k]]
        if cuts:
            if cue < a:
                b = cuts[0] + 1
            else:
                a = cuts[-1] + 1
        if cue < a:
            b = _trim_tail(doc, a, b)
        # "And …", "However …": a discourse word opening the sentence is not what was said
        while b - a > 2 and doc[a].lower_ in _DISCOURSE and doc[a].dep_ in ("cc", "advmod", "prep") \
                and not (doc[a].dep_ == "prep" and any(True for _ in doc[a].children)):
            a += 1
            if doc[a].text == ",":
                a += 1
        while a < b and _trimmable(doc[a], doc, a, b, left=True):
            a += 1
        while b > a and _trimmable(doc[b - 1], doc, a, b, left=False):
            b -= 1
        if a >= b:
            continue
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
        # a quotation opened inside the content runs to its closing mark
        for q in ctx.quotes:
            if start <= q.start < end < q.end:
                end = q.end
            elif q.start < start < q.end and not ctx.text[q.start + 1:start].strip(" '`"):
                start = q.start  # the opening mark the parser hung elsewhere
        out.append((start, end))
    return out


# --- finishing --------------------------------------------------------------------------------

def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_MODALS = frozenset("will would could may might should can must shall to wo ca 'll".split())


def _relays(v: Token) -> bool:
    """A report relayed inside another one: a speech verb that did happen ("… that the channel
    reported …"), not a planned, possible or denied one ("… would declare …")."""
    if v.lemma_.lower() not in _RELAY:
        return False
    return not any(c.dep_ in ("aux", "neg") and c.lower_ in _MODALS | {"not", "n't", "never"} for c in v.children)


def _finish(doc: Doc, text: str, cands: list[_Cand], quotes: list[Quote]) -> list[_Cand]:
    cands = [c for c in cands if c.content]
    cands.sort(key=lambda c: (c.content[0][0], c.cue[0] if c.cue else 0))
    spans = {q.parts for q in quotes}
    for c in cands:
        if c.kind == "indirect" and tuple(c.content) in spans:
            c.kind = "direct"  # "TRUMP: “…”" — all of it quoted
        elif c.kind == "indirect" and any(ch in text[a:b] for a, b in c.content for ch in "\"“”"):
            c.kind = "mixed"
    # drop a candidate whose cue sits inside an attributed direct quote
    direct = [p for c in cands if c.kind == "direct" for p in c.content]
    keep = []
    for c in cands:
        if c.kind != "direct" and c.cue and any(_overlaps(c.cue, p) for p in direct):
            continue
        keep.append(c)
    # an attitude or stance inside another's content ("he said that both leaders discussed …")
    # is part of what was said; a speech act there ("… that the channel reported …") is a
    # relayed report and stays, nested
    spans = [(c, p) for c in keep for p in c.content]
    keep = [c for c in keep if c.cue_tok is None or _relays(doc[c.cue_tok])
            or not any(o is not c and _overlaps(c.cue, p) for o, p in spans)]
    # a stance with no one holding it ("to defend the bloc", "looking to cut", "Don't forget …")
    keep = [c for c in keep if not (c.source is None and c.cue_tok is not None and c.kind == "indirect"
                                    and doc[c.cue_tok].tag_ in ("VB", "VBG")
                                    and doc[c.cue_tok].lemma_.lower() not in SPEECH)]
    # one attribution per content span: the same content from two cues keeps the nearer cue
    seen: dict[tuple, _Cand] = {}
    out = []
    for c in keep:
        key = tuple(c.content)
        if key in seen:
            continue
        seen[key] = c
        out.append(c)
    return out


def _records(doc: Doc, text: str, cands: list[_Cand], entities: list[Entity]) -> list[Attribution]:
    recs: list[dict] = []
    for c in cands:
        ent = None
        if c.source is not None:
            if c.source_tok is not None:
                h = doc[c.source_tok]
                if h.lower_ in ("who", "which", "that") and h.head.dep_ == "relcl":
                    h = h.head.head
                ent = entity_at(entities, h.idx, h.idx + len(h))
            if ent is None and (c.source_tok is None or doc[c.source_tok].pos_ != "NOUN"):
                ent = entity_at(entities, *c.source)
        stype = _source_type(doc, text, c, ent)
        recs.append({"c": c, "ent": ent.id if ent else None, "type": stype})
    # nesting
    nested: list[int | None] = [None] * len(recs)
    for i, r in enumerate(recs):
        c = r["c"]
        for j, s in enumerate(recs):
            if i == j:
                continue
            if c.cue and any(_overlaps(c.cue, p) for p in s["c"].content) and \
                    all(p[1] - p[0] >= 0 for p in s["c"].content):
                if not any(_overlaps(c.cue, p) for p in c.content):
                    nested[i] = j
                    break
        if nested[i] is None and r["type"] in ("social_media", "media", "document") and i > 0:
            prev = recs[i - 1]
            pc = prev["c"]
            if prev["type"] == "media" and pc.source and c.source and pc.source_tok is not None \
                    and ({doc[pc.source_tok].lower_, doc[pc.source_tok].lemma_.lower()} & _RELAYING_HEADS) \
                    and _adjacent_sentences(doc, pc, c):
                nested[i] = i - 1
    out = []
    for i, r in enumerate(recs):
        c = r["c"]
        out.append(Attribution(kind=c.kind, content=tuple(c.content), cue=c.cue, source=c.source,
                               source_entity=r["ent"], source_type=r["type"], nested_in=nested[i]))
    return out


_RELAYING_HEADS = frozenset({"media", "medium", "press", "outlets", "reports", "newspapers", "agencies",
                             "television", "tv"})


def _adjacent_sentences(doc: Doc, first: _Cand, second: _Cand) -> bool:
    if first.cue_tok is None or second.cue_tok is None:
        return False
    s1, s2 = doc[first.cue_tok].sent, doc[second.cue_tok].sent
    return s2.start == s1.end or s2.start == s1.start and first.cue_tok < second.cue_tok


def _source_type(doc: Doc, text: str, c: _Cand, ent: Entity | None) -> str:
    if c.source is None:
        return "unnamed"
    words = [w.lower() for w in text[c.source[0]:c.source[1]].replace("’s", "").replace("'s", "").split()]
    head = doc[c.source_tok].lower_ if c.source_tok is not None else (words[-1] if words else "")
    ws = set(words)
    if ws & L.SOCIAL_MEDIA[LANG] and not (ent is not None and ent.type == "PERSON"):
        if head in L.SOCIAL_MEDIA[LANG] or ws & _PLATFORMS:
            return "social_media"
    if c.source_tok is not None:
        lemma = doc[c.source_tok].lemma_.lower()
        for lex, name in ((L.DOCUMENT, "document"), (L.MEDIA, "media")):
            if lemma in lex[LANG] and not (ent is not None and ent.type == "PERSON"):
                return name
    if head in L.DOCUMENT[LANG]:
        return "document"
    if head in L.MEDIA[LANG] or (ent is not None and ent.type in ("ORG",) and ws & L.MEDIA[LANG]):
        return "media"
    if ent is not None and ent.type == "PERSON":
        return "person"
    if head in L.PERSON_PRONOUNS[LANG]:
        return "person"
    if head in L.GOVERNMENT[LANG] or (ent is not None and ent.type == "GPE"):
        return "government"
    if head in L.UNNAMED[LANG]:
        return "unnamed"
    if ent is not None and ent.type in ("ORG", "NORP"):
        return "organization"
    if head in L.ORGANIZATION[LANG] or head in ("we", "they", "us", "them"):
        return "organization"
    t = doc[c.source_tok] if c.source_tok is not None else None
    if t is not None and (t.ent_type_ == "PERSON" or t.pos_ == "PROPN"):
        return "person"
    if t is not None and t.ent_type_ in ("ORG", "NORP"):
        return "organization"
    return "person" if t is not None and t.pos_ in ("NOUN", "PRON") else "unnamed"
