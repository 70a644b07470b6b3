"""PLOVER events from the dependency parse: who did what to whom, with mode and flags.

One pass over the tokens of each sentence finds triggers from the word lists in
:mod:`storyline.extract.lexicon_events` (verbs, verb + particle, event nouns under light verbs),
then reads the structure around each trigger:

- control verbs decide the type of the pair as PLOVER codes it: "threatened to cut off
  electricity" is THREATEN, "refused to deploy" REJECT, "agreed to a ceasefire" AGREE, "urged X
  to" REQUEST; an intention ("will provide aid", "is ready to contribute troops") is AGREE for
  cooperation and THREATEN for force; "X said Y must ..." is a REQUEST of X to Y;
- proposals keep their own type and are flagged ``hypothetical`` ("advocates the deployment of
  allied troops" is a MOBILIZE that has not happened); negation and modal verbs set ``negated``,
  ``future`` and ``hypothetical``;
- actors are the subject (or the passive agent), recipients the object or the target of
  "on/against/to"; meetings code both sides as actors (PLOVER). Each actor carries the entity it
  resolves to, its ISO alpha-3 country (names, demonyms, capitals, metonyms, the entity's other
  mentions, an overlapping place) and its sector.

To keep the output readable (and the evaluation honest) a sentence keeps at most two distinct
event types: the best trigger's (strongest cue, closest to the root of the parse), and a second
one only from another strong trigger; weak cues ("provided details", "the war") alone make no event.
"""
from __future__ import annotations

from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span as SpacySpan, Token

from storyline.extract import lexicon_events as L
from storyline.annotate.entities import entity_at
from storyline.extract.countries import country_of, sector_of
from storyline.errors import StorylineError
from storyline.records import Actor, DateValue, Entity, Event, Place


__all__ = ["extract_events", "UnparsedDoc"]


class UnparsedDoc(StorylineError, ValueError):
    """Events and counts read the dependency parse; a Doc from a blank pipeline has none."""


def require_parse(doc: Doc, stage: str) -> None:
    if len(doc) and not doc.has_annotation("DEP"):
        raise UnparsedDoc(f"{stage} needs a parsed Doc: parse the text with "
                          "storyline.annotate.nlp.load() (a pipeline with a dependency parser)")


LANG = "en"
VERBS = L.VERBS[LANG]
WEAK_VERBS = L.WEAK_VERBS[LANG]
WEAK_OBJ = L.WEAK_VERB_OBJECTS[LANG]
PHRASAL = L.PHRASAL[LANG]
NOUNS = L.NOUNS[LANG]
WEAK_NOUNS = L.WEAK_NOUNS[LANG]
LIGHT = L.LIGHT_VERBS[LANG]
CONTROL = L.CONTROL[LANG]
FUTURE_AUX = L.FUTURE_AUX[LANG]
HYPO_AUX = L.HYPOTHETICAL_AUX[LANG]
NEG = L.NEGATIONS[LANG]
REPORTING = L.REPORTING[LANG]
MODE_CUES = L.MODE_CUES[LANG]
PURE_LIGHT = L.PURE_LIGHT_VERBS[LANG]
VERB_OBJ_TYPES = L.VERB_OBJECT_TYPES[LANG]
PEACEKEEPING = L.PEACEKEEPING[LANG]
NOT_EVENT_OBJECTS = L.NOT_EVENT_OBJECTS[LANG]
SUBJECT_SECTOR_TYPES = L.SUBJECT_SECTOR_TYPES[LANG]
NOUN_NEEDS_MODIFIER = L.NOUN_NEEDS_MODIFIER[LANG]
NOUN_BANNED_MODIFIERS = L.NOUN_BANNED_MODIFIERS[LANG]
WEAK_NOUN_MODIFIERS = L.WEAK_NOUN_MODIFIERS[LANG]
MUST_REPORTING = L.MUST_REPORTING[LANG]
_SECTOR_VERBS = frozenset(v for v, _ in SUBJECT_SECTOR_TYPES)
_EFFORT_NOUNS = {"effort", "efforts", "campaign", "operation", "operations", "mission", "bid",
                 "move", "initiative"}

_OBJ = {"dobj", "obj", "attr", "oprd"}
_RECIPIENT_PREPS = {"on", "against", "to", "at", "into", "upon", "toward", "towards", "with",
                    "from", "over", "of"}
_PRONOUN_HEADS = {"it", "they", "he", "she", "we", "i", "them", "him", "her", "who", "which",
                  "that", "its", "their", "his", "us"}
_MAX_TYPES = 2
# types whose direct object is what is given or moved, not who receives it
_THEME_OBJECT = {"CONSULT", "MOBILIZE", "AID", "COOPERATE", "AGREE", "RETREAT"}
_STRIKE_MILITARY = {"air", "missile", "drone", "military", "rocket", "artillery", "precision"}
_MEET_CUES = {"meet", "meeting", "visit", "summit", "host", "conference", "talks", "arrive",
              "trip", "tour", "sideline", "sidelines"}


class _Cand:
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


def _split(entry: str) -> tuple[str, str | None]:
    t, _, m = entry.partition("/")
    return t, (m or None)


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 30:
        tok = tok.head
        d += 1
    return d


def _clause_verb(tok: Token) -> Token:
    """The verb whose clause holds ``tok`` (the token itself for verbs)."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT" or t.head.i == t.i:
            return t
        t = t.head
    return t


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}


def _is_negated(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ in NEG and c.dep_ in ("advmod", "det", "neg")):
            return True
    return False


_ADVERB_PARTICLES = {"back", "out", "down", "off", "up", "over", "away"}


def _particle(tok: Token) -> str | None:
    """The particle of a phrasal verb ("shot down"; "pulled back", parsed as an adverb)."""
    for c in tok.children:
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in _ADVERB_PARTICLES
                               and c.i > tok.i):
            return c.lower_
    return None


def _objects(tok: Token) -> list[Token]:
    out = [c for c in tok.children if c.dep_ in _OBJ]
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative"):
            out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
    return out


def _weak_ok(tok: Token, lemma: str) -> bool:
    allowed = WEAK_OBJ.get(lemma)
    if allowed is None:
        return False
    if not allowed:  # any direct object will do ("support a resolution")
        return any(c.dep_ in _OBJ for c in tok.children)
    for c in tok.children:
        if c.lower_ in allowed or c.lemma_.lower() in allowed:
            return True
        if c.dep_ in _OBJ or c.dep_ in ("prep", "dative", "npadvmod", "advmod", "xcomp"):
            for g in c.subtree:
                if g.lemma_.lower() in allowed or g.lower_ in allowed:
                    return True
    return False


def _verb_object_type(tok: Token, lemma: str) -> str | None:
    """The type a verb takes with its object ("find guilty", "withdraw from the treaty")."""
    for c in tok.children:
        dep = c.dep_
        if dep in _OBJ or dep in ("acomp", "prt", "ccomp", "npadvmod"):
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


def _verb_candidate(tok: Token) -> _Cand | None:
    lemma = tok.lemma_.lower()
    prt = _particle(tok)
    t = m = None
    prio = 3
    if prt:
        entry = PHRASAL.get(f"{lemma} {prt}")
        if entry == "":
            return None  # "carry out": the object noun is the event
        if entry:
            t, m = _split(_verb_object_type(tok, lemma) or entry)
    if t is None:
        pair = _verb_object_type(tok, lemma)
        entry = VERBS.get(lemma)
        if pair is not None:
            t, m = _split(pair)
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
            t, m = _split(entry)
            if lemma == "strike":
                objs = _objects(tok)
                if objs or any(c.lower_ in _STRIKE_MILITARY for c in tok.subtree):
                    t, m = "ASSAULT", None
                else:
                    t, m = "PROTEST", "strike"
            if lemma in WEAK_VERBS:
                prio = 2 if _weak_ok(tok, lemma) else 1
            if lemma == "strike" and t == "ASSAULT":
                prio = 2  # "missiles struck the port": a strike with a target
            if lemma == "attack" and any(c.dep_ == "prep" and c.lower_ in ("for", "over")
                                         for c in tok.children):
                t, m = "ACCUSE", "disapprove"  # "attacked Clinton for her support": words
    if prio > 1 and tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _BACKGROUND_PREPS for c in tok.children):
        prio = 1  # "... after rebels shelled the town": the setting of the news
    if t in ("MOBILIZE", "RETREAT") and any(x.lower_ in PEACEKEEPING for x in tok.subtree):
        # sending peacekeepers is aid; pulling them out is withdrawing it
        t, m = ("AID", "peacekeeping") if t == "MOBILIZE" else ("SANCTION", "withdraw")
    if lemma in _SECTOR_VERBS:
        subj = _subject(tok)
        if subj is not None and subj.ent_type_ in ("CARDINAL", "QUANTITY"):
            # "thousands of farmers": the people, not the number
            subj = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"), subj)
        if subj is not None:
            s0, _ = _np_span(subj)
            sec = sector_of(tok.doc[s0:subj.i + 1].text)  # the head, not "of former President X"
            pair = SUBJECT_SECTOR_TYPES.get((lemma, sec or ""))
            if pair is None and sec is None and subj.tag_ in ("NNS", "NNPS") and \
                    subj.ent_type_ in ("", "NORP") and lemma == "protest":
                pair = "PROTEST/demo"  # "farmers protested": people in the street
            if pair:
                t, m = _split(pair)
                prio = max(prio, 2)
    return _Cand(t, m, tok, prio, tok)


def _noun_candidate(tok: Token) -> _Cand | None:
    lemma = tok.lemma_.lower()
    entry = NOUNS.get(lemma) or NOUNS.get(tok.lower_)
    if entry is None:
        return None
    t, m = _split(entry)
    head = tok.head
    hl = head.lemma_.lower()
    kids = {c.lower_ for c in tok.children}
    if lemma == "strike":
        if kids & _STRIKE_MILITARY:
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
        if head.lemma_.lower() in _EFFORT_NOUNS and head.head.lemma_.lower() in LIGHT:
            prio = 2
        else:
            prio = min(prio, 0) if lemma not in ("hunger",) else prio
    if t == "MOBILIZE" and any(x.lower_ in PEACEKEEPING for x in tok.subtree):
        t, m = "AID", "peacekeeping"
    if prio > 1 and _in_background(tok):
        prio = 1  # "agreed to a ceasefire after two days of fighting": the setting, not the news
    return _Cand(t, m, tok, prio, _clause_verb(tok)) if prio > 0 else None


_BACKGROUND_PREPS = {"after", "following", "since", "before", "amid", "amidst", "during",
                     "despite", "because", "following", "throughout", "ahead"}


def _in_background(tok: Token) -> bool:
    """A noun inside a temporal or causal adjunct ("after the attack", "since the invasion",
    "amid clashes") up to its clause verb."""
    t = tok
    for _ in range(5):
        head = t.head
        if head.i == t.i or head.pos_ in ("VERB", "AUX"):
            return t.dep_ == "prep" and t.lower_ in _BACKGROUND_PREPS
        if t.dep_ == "prep" and t.lower_ in _BACKGROUND_PREPS:
            return True
        t = head
    return False


def _subject(verb: Token, depth: int = 0) -> Token | None:
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
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "relcl":
        return verb.head
    if verb.dep_ in ("pobj", "prep"):
        return _subject(verb.head, depth + 1)
    return None


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _passive_subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            return c
    return None


def _fill_roles(c: _Cand) -> None:
    if c.fixed:
        return
    _fill_roles_of(c, c.tok)
    if c.comp is not None:
        sub = _Cand(c.type, c.mode, c.comp, c.prio, c.clause)
        _fill_roles_of(sub, c.comp)
        if sub.recip_toks and not any(_is_party(t) for t in c.recip_toks):
            c.recip_toks = sub.recip_toks  # "urged Serbia to ...": the addressee comes first
        if not c.actor_toks:
            c.actor_toks = sub.actor_toks
        c.meeting = c.meeting or sub.meeting


def _fill_roles_of(c: _Cand, tok: Token) -> None:
    verb = tok if tok.pos_ in ("VERB", "AUX") else None
    if verb is None:
        # noun trigger: roles from the governing verb, then from the noun's own modifiers
        head = tok.head
        gov = head if head.pos_ in ("VERB", "AUX") else (head.head if head.dep_ == "prep" else None)
        if gov is not None and gov.pos_ in ("VERB", "AUX") and tok.dep_ in ("dobj", "obj", "pobj", "attr"):
            s = _agent(gov) or _subject(gov)
            if s is not None:
                c.actor_toks.append(s)
            for ch in gov.children:
                if ch.dep_ == "prep" and ch.lower_ in ("on", "against", "into", "at", "upon") or (
                        ch.dep_ == "prep" and ch.lower_ in ("with", "to") and
                        c.type not in _WITH_IS_PARTNER):
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
    ag = _agent(verb)
    ps = _passive_subject(verb)
    if ps is not None:
        if ag is not None:
            c.actor_toks.append(ag)
        c.recip_toks.append(ps)
    else:
        s = _subject(verb)
        if s is not None:
            c.actor_toks.append(s)
        for ch in verb.children:
            if ch.dep_ == "dative" and ch.pos_ in ("PROPN", "NOUN", "PRON"):
                c.recip_toks.append(ch)
        # "to X" on the verb or on its object ("offered its troops to Lebanon")
        to_preps = _TO_PREPS if c.type in _WITH_IS_PARTNER else _TO_PREPS | {"with"}
        for ch in list(verb.children) + [g for o in verb.children if o.dep_ in _OBJ
                                         for g in o.children]:
            if ch.dep_ == "prep" and ch.lower_ in to_preps and not c.recip_toks:
                c.recip_toks.extend(g for g in ch.children if g.dep_ == "pobj")
        # "rejected an offer from Kabul", "accepted demands by the rebels", "an Indian proposal"
        if not c.recip_toks:
            for o in verb.children:
                if o.dep_ in _OBJ and o.lemma_.lower() in _SPEECH_ACT_NOUNS:
                    c.recip_toks.extend(_speaker_of(o))
        for ch in verb.children:
            if ch.dep_ in ("dobj", "obj") and ch.pos_ in ("PROPN", "NOUN", "PRON") \
                    and not c.recip_toks and c.type not in _THEME_OBJECT and _is_party(ch):
                c.recip_toks.append(ch)
    for ch in verb.children:
        if ch.dep_ == "prep" and ch.lower_ in _RECIPIENT_PREPS:
            objs = [g for g in ch.children if g.dep_ == "pobj"]
            if ch.lower_ == "with" and c.type in ("CONSULT", "COOPERATE", "AGREE"):
                c.actor_toks.extend(objs)
                c.meeting = True


_TO_PREPS = {"to", "against", "on", "upon", "into"}
_WITH_IS_PARTNER = {"CONSULT", "COOPERATE", "AGREE"}
# nouns for what someone else said or asked: their author is the one answered
_SPEECH_ACT_NOUNS = {"demand", "call", "appeal", "offer", "proposal", "plan", "request",
                     "invitation", "ultimatum", "initiative", "plea", "suggestion", "bid"}


def _speaker_of(noun: Token) -> list[Token]:
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            return [g for g in c.children if g.dep_ == "pobj"]
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")):
            return [c]
    return []


def _is_party(tok: Token) -> bool:
    """Whether a noun phrase names someone who can be acted upon (a person, a group, a
    country, an organisation) rather than a thing ("expertise", "its troops")."""
    s, e = _np_span(tok)
    span = tok.doc[s:e]
    if tok.pos_ == "PRON" or tok.ent_type_ in ("PERSON", "GPE", "NORP", "ORG"):
        return True
    if any(t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for t in span):
        return True
    return sector_of(span.text) is not None


def _np_span(tok: Token) -> tuple[int, int]:
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


class _Resolver:
    """Per-document caches: entity countries and sectors."""

    def __init__(self, doc: Doc, entities: list[Entity], places: list[Place]):
        self.doc = doc
        self._text: str | None = None
        self.entities = entities
        self.places = places
        self._ent_country: dict[str, str | None] = {}

    @property
    def text(self) -> str:
        """Doc.text joins every token: built once, and only when needed."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

    def entity_country(self, e: Entity) -> str | None:
        if e.id in self._ent_country:
            return self._ent_country[e.id]
        code = None
        if e.type in ("GPE", "NORP", "LOC", "ORG", "FAC"):
            code = country_of(e.name)
        if code is None:
            for t in e.titles:
                code = country_of(t)
                if code:
                    break
        if code is None:
            for a in e.aliases:
                code = country_of(a)
                if code:
                    break
        if code is None:
            for a, b in e.mentions:
                if b - a > 2:
                    code = country_of(_span_text(self.doc, a, b))
                    if code:
                        break
        self._ent_country[e.id] = code
        return code

    def actor(self, tok: Token) -> Actor:
        doc = self.doc
        s, e = _np_span(tok)
        span = doc[s:e]
        a, b = span.start_char, span.end_char
        text = span.text
        ent = None
        if self.entities:
            ent = entity_at(self.entities, tok.idx, tok.idx + len(tok)) or \
                entity_at(self.entities, a, b)
        if ent is not None:
            # an entity only counts when it is the head of the phrase, not a modifier in it
            ok = any(ma <= tok.idx < mb for ma, mb in ent.mentions) or tok.lower_ in _PRONOUN_HEADS
            if not ok:
                ent = None
        code = country_of(text) if tok.lower_ not in _PRONOUN_HEADS else None
        if code is None and ent is not None:
            code = self.entity_country(ent)
        if code is None:
            for p in self.places:
                if p.country and p.span[0] <= tok.idx < p.span[1]:
                    code = p.country
                    break
        # the head decides: "supporters of former President X" are civilians, not government
        sector = sector_of(doc[s:tok.i + 1].text) if tok.i + 1 < e else None
        sector = sector or sector_of(text)
        if sector is None and ent is not None:
            for t in ent.titles:
                sector = sector_of(t)
                if sector:
                    break
            if sector is None and ent.type == "PERSON":
                for m in ent.aliases:
                    sector = sector_of(m)
                    if sector:
                        break
        if sector == "IGO":
            code = None
        return Actor(text=text, entity=ent.id if ent else None, span=(a, b), country=code,
                     sector=sector)


def _people_of(t: Token) -> Token:
    """"Thousands of farmers", "dozens of students": the people, not the number."""
    if t.ent_type_ in ("CARDINAL", "QUANTITY") or t.lower_ in ("thousands", "hundreds", "dozens",
                                                              "scores", "millions", "tens"):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return _people_of(g)
    return t


def _expand_conj(toks: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in (_people_of(x) for x in toks):
        if t in out or t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY"):
            continue
        out.append(t)
        for c in t.conjuncts:
            if c not in out and c.pos_ in ("PROPN", "NOUN", "PRON"):
                out.append(c)
    return out


def _mode_from_cues(c: _Cand, sent: SpacySpan) -> str | None:
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
                and c.meeting and not any(t.lemma_.lower() in _MEET_CUES for t in sent):
            return "phone"
        return c.mode
    if c.type == "ASSAULT":
        if "drone" in found and "aerial" in found:
            return "aerial"
        order = L.MODE_ORDER["ASSAULT"]
        found.sort(key=lambda m: order.index(m) if m in order else 99)
        return found[0] if c.mode is None or c.mode in found or c.mode == "aerial" else c.mode
    if c.type == "CONSULT":
        if "phone" in found:
            return "phone"
        if c.mode:
            return c.mode
        return found[0]
    return c.mode or found[0]


def _control_of(c: _Cand) -> tuple[Token, str] | None:
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


def _modal(verb: Token) -> tuple[bool, bool, bool]:
    """(future, hypothetical, negated) from the auxiliaries of ``verb``."""
    aux = _aux_words(verb)
    fut = bool(aux & FUTURE_AUX)
    hyp = bool(aux & HYPO_AUX)
    neg = _is_negated(verb)
    if verb.dep_ in ("xcomp",) and verb.head.lemma_.lower() == "go" and verb.head.tag_ == "VBG":
        fut = True
    return fut, hyp, neg


# verbal acts that a purpose clause performs ("blocked roads to protest", "rallied to demand")
_SAID_IN_DOING = {"PROTEST", "REQUEST", "ACCUSE", "SUPPORT", "REJECT", "THREATEN", "AGREE"}


def _in_purpose_clause(verb: Token) -> bool:
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


def _reporter_subject(verb: Token) -> Token | None:
    """For a ccomp of a reporting verb: that verb's subject ("X said Y must ...": X)."""
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in MUST_REPORTING and \
            verb.lemma_ not in ("be", "have"):
        return _subject(verb.head)
    return None


def _trigger_hashes() -> frozenset[int]:
    """String hashes of every word that can start a trigger (lemma or lower-case form)."""
    words = set(VERBS) | set(NOUNS) | {k.split()[0] for k in PHRASAL} | \
        {v for v, _ in VERB_OBJ_TYPES} | {v for v, _ in SUBJECT_SECTOR_TYPES}
    out = set()
    for w in words:
        for form in (w, w.capitalize(), w.upper()):
            out.add(get_string_id(form))
    return frozenset(out)


_TRIGGER_HASHES = _trigger_hashes()


def _sentence_candidates(sent: SpacySpan, maybe: list[bool] | None = None) -> list[_Cand]:
    cands: list[_Cand] = []
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
            c = _verb_candidate(tok)
        elif pos in ("NOUN", "PROPN") and tok.ent_type_ not in ("PERSON", "GPE", "ORG"):
            c = _noun_candidate(tok)
        elif pos == "ADJ" and tok.lemma_.lower() in VERBS and tok.tag_ == "VBN" and \
                tok.dep_ != "amod" and not any(ch.dep_ == "det" for ch in tok.children):
            c = _verb_candidate(tok)  # "were wounded"; not "alleged bombers", "the wounded"
        else:
            c = None
        if c is not None:
            cands.append(c)
    return cands


def _resolve_sentence(sent: SpacySpan, maybe: list[bool] | None = None) -> list[_Cand]:
    cands = _sentence_candidates(sent, maybe)
    by_tok = {c.tok.i: c for c in cands}
    out: list[_Cand] = []
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
        ctl = _control_of(c) or (_control_of(_Cand(c.type, c.mode, anchor, c.prio, anchor))
                                 if anchor is not c.tok else None)
        verb = anchor if anchor is not c.tok or is_verb else _clause_verb(c.tok)
        fut, hyp, neg = _modal(verb)
        if ctl is not None:
            ctok, kind = ctl
            answer = by_tok.get(ctok.head.i)
            if kind != "PROPOSAL" and ctok.pos_ == "NOUN" and ctok.dep_ in ("dobj", "obj", "pobj") \
                    and answer is not None \
                    and answer.type in ("REJECT", "AGREE", "CONCEDE", "SUPPORT") and answer is not c:
                gone.add(id(c))  # "rejected an appeal for deploying troops": answered, not asked
                continue
            cc = by_tok.get(ctok.i)
            cneg = _is_negated(ctok) or neg
            if kind == "PROPOSAL":
                c.hyp = True
                c.neg = neg
            elif kind == "INTENT":
                base = c.type
                c.fut = True
                if base == "RETREAT" and c.mode == "resign":
                    pass
                elif cneg and base in L.COOPERATIVE:
                    c.type, c.mode = "REJECT", None
                elif base in L.COOPERATIVE:
                    c.type, c.mode = "AGREE", None
                elif base in L.MATERIAL_CONFLICT or base == "PROTEST":
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
                rep = _reporter_subject(verb)
                aux = _aux_words(verb)
                if rep is not None and aux & {"must", "should"}:
                    c.type, c.mode = "REQUEST", None
                    c.actor_toks = [rep]
                    s = _subject(verb)
                    if s is not None:
                        c.recip_toks = [s]
                    c.prio, c.fixed = 3, True
                elif fut and c.type == "RETREAT" and c.mode == "resign":
                    c.fut = True  # announcing a resignation is resigning
                elif fut and c.type in L.COOPERATIVE and (c.type != "AGREE" or neg):
                    c.type, c.mode, c.fut = ("REJECT" if neg else "AGREE"), None, True
                    c.neg = False
                elif fut and (c.type in L.MATERIAL_CONFLICT or c.type == "PROTEST"):
                    c.type, c.fut = "THREATEN", True
                elif fut:
                    c.fut = True
                elif hyp:
                    c.hyp = True
                if _in_purpose_clause(verb) and c.type not in _SAID_IN_DOING:
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
                _aux_words(tok) & {"must", "should"} and not any(c.tok.i == tok.i for c in out):
            rep = _reporter_subject(tok)
            if rep is not None:
                c = _Cand("REQUEST", None, tok, 3, tok)
                c.fixed = True
                c.actor_toks = [rep]
                s = _subject(tok)
                if s is not None:
                    c.recip_toks = [s]
                out = [x for x in out if not (x.tok.i == tok.i)]
                out.append(c)
    return out


def _rank(c: _Cand) -> tuple:
    return (-c.prio, _depth(c.tok), c.tok.i)


def _select(cands: list[_Cand]) -> list[_Cand]:
    if not cands:
        return []
    ranked = sorted(cands, key=_rank)
    best = ranked[0]
    keep_types = [best.type]
    for c in ranked[1:]:
        if len(keep_types) >= _MAX_TYPES:
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


def _antecedent(tok: Token) -> Token | None:
    """For an unresolved "it"/"they": the subject of the reporting verb above ("Syria says it
    will ..."), else the nearest earlier name in the sentence that has a country."""
    t = tok.head
    for _ in range(6):
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in REPORTING:
            s = _subject(t.head)
            if s is not None and s.lower_ not in _PRONOUN_HEADS:
                return s
        if t.head.i == t.i:
            break
        t = t.head
    for t in reversed(list(tok.sent)[: tok.i - tok.sent.start]):
        if t.ent_type_ in ("GPE", "NORP", "ORG") and country_of(t.text):
            return t
    return None


def _with_antecedent(res: "_Resolver", tok: Token) -> Actor:
    a = res.actor(tok)
    if a.country is None and a.entity is None and tok.lower_ in _PRONOUN_HEADS:
        ante = _antecedent(tok)
        if ante is not None:
            b = res.actor(ante)
            return Actor(text=a.text, entity=b.entity, span=a.span, country=b.country,
                         sector=a.sector or b.sector)
    return a


def _span_text(doc: Doc, a: int, b: int) -> str:
    """The characters [a, b) of the Doc's text without building the whole text (slow)."""
    sp = doc.char_span(a, b, alignment_mode="expand")
    if sp is None:
        return ""
    t = sp.text
    off = a - sp.start_char
    return t[off:off + (b - a)]


def _org_before(entities: list[Entity], tok: Token, sent: SpacySpan) -> Actor | None:
    """"the Contact Group for the Defense of Ukraine summit": the organisation that holds it."""
    best = None
    for e in entities:
        if e.type not in ("ORG", "NORP"):
            continue
        for a, b in e.mentions:
            if sent.start_char <= a and b <= tok.idx and tok.idx - b <= 40:
                if best is None or b > best[1]:
                    best = (a, b, e)
    if best is None:
        return None
    a, b, e = best
    text = _span_text(tok.doc, a, b)
    sector = sector_of(text) or sector_of(e.name)
    return Actor(text=text, entity=e.id, span=(a, b),
                 country=None if sector == "IGO" else country_of(text), sector=sector)


def _scan_target(c: _Cand, taken_toks: list[Token]) -> Token | None:
    """A country named later in the trigger's clause is most often the target ("to Ukraine")."""
    scope = c.comp if c.comp is not None else c.tok
    if scope.pos_ not in ("VERB", "AUX", "ADJ"):
        scope = _clause_verb(scope)
    taken = {t.i for a in taken_toks for t in a.subtree} | {t.i for t in taken_toks}
    for t in scope.subtree:
        if t.i <= c.tok.i or t.i in taken:
            continue
        if t.ent_type_ in ("GPE", "NORP") and country_of(t.text):
            return t.head if t.dep_ in ("amod", "compound") and t.head.pos_ == "NOUN" else t
    return None


def _titled_person_country(a: Actor, sent: SpacySpan, recips: tuple[Actor, ...]) -> Actor:
    """"President Bouteflika" with no country named: the country the sentence names first."""
    if a.country or a.sector not in ("GOV", "MIL", "COP") or \
            not (a.text[:1].isupper() or a.entity is not None):
        return a
    taken = [r.span for r in recips if r.span]
    for t in sent:
        if t.ent_type_ in ("GPE", "NORP") and not any(x[0] <= t.idx < x[1] for x in taken):
            code = country_of(t.text)
            if code:
                return Actor(text=a.text, entity=a.entity, span=a.span, country=code, sector=a.sector)
    return a


def _default_country(a: Actor, home: str) -> Actor:
    """PLOVER's domestic default: an unmarked group ("demonstrators", "prisoners") belongs to
    the country where the event happens."""
    if a.country or a.sector in (None, "IGO") or a.entity is not None or not a.text \
            or a.text.lower() in _PRONOUN_HEADS:
        return a  # named parties and things ("missiles") keep what the text says
    return Actor(text=a.text, entity=a.entity, span=a.span, country=home, sector=a.sector)


_LOCATIVE_TARGET = {"PROTEST", "COERCE", "ASSAULT", "MOBILIZE", "CONCEDE", "RETREAT"}


def _entity_id(entities: list[Entity], span) -> str | None:
    e = entity_at(entities, span[0], span[1]) if entities else None
    return e.id if e else None


_LOC_PREPS = {"in", "at", "near", "inside", "outside", "across", "around", "into", "throughout",
              "from", "on", "off", "along", "within", "over", "to", "towards", "toward",
              "between", "outskirts"}


def _locative(doc: Doc, span) -> bool:
    """Whether a place is where something happens ("in Kirkuk", "near Samarra", "Kirkuk-based")
    rather than a party named as subject or object ("force Russia to peace")."""
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None:
        return False
    root = sp.root
    for _ in range(3):
        if root.dep_ == "pobj":
            return root.head.lower_ in _LOC_PREPS
        if root.dep_ in ("compound", "amod", "poss", "appos", "conj", "nmod") and root.head.i != root.i:
            root = root.head
            continue
        return root.dep_ in ("npadvmod",)
    return False


def _pick_index(spans: list[tuple[int, int]], scope: tuple[int, int], sent: tuple[int, int],
                anchor: int, ok: list[bool] | None = None) -> int | None:
    allowed = range(len(spans)) if ok is None else [i for i in range(len(spans)) if ok[i]]
    inside = [i for i in allowed if scope[0] <= spans[i][0] and spans[i][1] <= scope[1]]
    if not inside:
        inside = [i for i in allowed if sent[0] <= spans[i][0] and spans[i][1] <= sent[1]]
    if not inside:
        return None
    return min(inside, key=lambda i: abs(spans[i][0] - anchor))


def extract_events(doc: Doc, entities: list[Entity], places: list[Place],
                   dates: list[DateValue]) -> list[Event]:
    """PLOVER events of ``doc``, in text order; ``place``/``date`` index ``places``/``dates``."""
    require_parse(doc, "extract_events")
    entities = list(entities or ())
    places = list(places or ())
    dates = list(dates or ())
    res = _Resolver(doc, entities, places)
    date_spans = [tuple(d.span) for d in dates]
    place_spans = [tuple(p.span) for p in places]
    # "Ukrainian" or "American-made" may be listed as places; they are not where things happen
    place_ok = [not (p.feature and "demonym" in p.feature) and _locative(doc, p.span)
                for p in places]
    events: list[Event] = []
    if len(doc):
        hs = _TRIGGER_HASHES
        maybe = [lem in hs or low in hs for lem, low in doc.to_array([LEMMA, LOWER]).tolist()]
    else:
        maybe = []
    for sent in doc.sents:
        chosen = _select(_resolve_sentence(sent, maybe))
        for c in chosen:
            _fill_roles(c)
            mode = _mode_from_cues(c, sent)
            actor_toks = _expand_conj(c.actor_toks)
            recip_toks = [t for t in _expand_conj(c.recip_toks) if t not in actor_toks]
            actors = tuple(_with_antecedent(res, t) for t in actor_toks)
            recips = tuple(_with_antecedent(res, t) for t in recip_toks)
            scope_tok = c.clause if c.clause is not None else c.tok
            sub = list(scope_tok.subtree)
            scope = (sub[0].idx, sub[-1].idx + len(sub[-1]))
            sent_bounds = (sent.start_char, sent.end_char)
            date_i = _pick_index(date_spans, scope, sent_bounds, c.tok.idx) if dates else None
            place_i = _pick_index(place_spans, scope, sent_bounds, c.tok.idx,
                                  place_ok) if places else None
            if place_i is not None:
                pa, pb = place_spans[place_i]
                if any(x.span and x.span[0] <= pa and pb <= x.span[1] for x in actors):
                    place_i = None
            place_in_scope = place_i is not None and scope[0] <= place_spans[place_i][0] < scope[1]
            if not actors and c.type == "CONSULT" and c.tok.pos_ == "NOUN":
                org = _org_before(entities, c.tok, sent)
                if org is not None:
                    actors = (org,)
            if not any(r.country for r in recips) and c.type != "CONSULT":
                extra = _scan_target(c, actor_toks + recip_toks)
                if extra is not None:
                    recips = recips + (_with_antecedent(res, extra),)
            actors = tuple(_titled_person_country(a, sent, recips) for a in actors)
            if place_in_scope and c.type in _LOCATIVE_TARGET and \
                    not any(r.country for r in recips):
                # PLOVER codes a domestic event's target by where it happened
                p = places[place_i]
                if p.country and not any(r.span == tuple(p.span) for r in recips):
                    recips = recips + (Actor(text=_span_text(doc, *p.span), span=tuple(p.span),
                                             country=p.country, entity=_entity_id(entities, p.span)),)
            if c.type in _LOCATIVE_TARGET:
                home = (places[place_i].country if place_in_scope else None) or \
                    next((x.country for x in actors if x.country), None)
                if home:
                    recips = tuple(_default_country(r, home) for r in recips)
                    actors = tuple(_default_country(x, home) for x in actors)
            end_tok = c.tok
            prt = _particle(c.tok) if c.tok.pos_ == "VERB" else None
            if prt and PHRASAL.get(f"{c.tok.lemma_.lower()} {prt}"):
                end_tok = next(ch for ch in c.tok.children if ch.lower_ == prt and ch.i > c.tok.i)
            trig = (c.tok.idx, end_tok.idx + len(end_tok)) if end_tok.i > c.tok.i else \
                (c.tok.idx, c.tok.idx + len(c.tok))
            events.append(Event(type=c.type, trigger=trig, mode=mode, actor=actors,
                                recipient=recips, place=place_i, date=date_i, negated=c.neg,
                                hypothetical=c.hyp, future=c.fut))
    return events
