"""Actors as records: the entity each mention belongs to, pronouns to their antecedents, the
country and sector of each, the place and date of the event.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan, Token

from storyline.annotate.entities import entity_at
from storyline.extract.events.syntax import clause_verb, np_span, span_text, subject
from storyline.extract.events.triggers import Cand
from storyline.extract.events.words import LOC_PREPS, PRONOUN_HEADS, REPORTING
from storyline.extract.places.countries import country_of, sector_of
from storyline.records import Actor, Entity, Place


class Resolver:
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
                    code = country_of(span_text(self.doc, a, b))
                    if code:
                        break
        self._ent_country[e.id] = code
        return code

    def actor(self, tok: Token) -> Actor:
        doc = self.doc
        s, e = np_span(tok)
        span = doc[s:e]
        a, b = span.start_char, span.end_char
        text = span.text
        ent = None
        if self.entities:
            ent = entity_at(self.entities, tok.idx, tok.idx + len(tok)) or \
                entity_at(self.entities, a, b)
        if ent is not None:
            # an entity only counts when it is the head of the phrase, not a modifier in it
            ok = any(ma <= tok.idx < mb for ma, mb in ent.mentions) or tok.lower_ in PRONOUN_HEADS
            if not ok:
                ent = None
        code = country_of(text) if tok.lower_ not in PRONOUN_HEADS else None
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


def people_of(t: Token) -> Token:
    """"Thousands of farmers", "dozens of students": the people, not the number."""
    if t.ent_type_ in ("CARDINAL", "QUANTITY") or t.lower_ in ("thousands", "hundreds", "dozens",
                                                              "scores", "millions", "tens"):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return people_of(g)
    return t


def expand_conj(toks: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in (people_of(x) for x in toks):
        if t in out or t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY"):
            continue
        out.append(t)
        for c in t.conjuncts:
            if c not in out and c.pos_ in ("PROPN", "NOUN", "PRON"):
                out.append(c)
    return out


def antecedent(tok: Token) -> Token | None:
    """For an unresolved "it"/"they": the subject of the reporting verb above ("Syria says it
    will ..."), else the nearest earlier name in the sentence that has a country."""
    t = tok.head
    for _ in range(6):
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in REPORTING:
            s = subject(t.head)
            if s is not None and s.lower_ not in PRONOUN_HEADS:
                return s
        if t.head.i == t.i:
            break
        t = t.head
    for t in reversed(list(tok.sent)[: tok.i - tok.sent.start]):
        if t.ent_type_ in ("GPE", "NORP", "ORG") and country_of(t.text):
            return t
    return None


def with_antecedent(res: "Resolver", tok: Token) -> Actor:
    a = res.actor(tok)
    if a.country is None and a.entity is None and tok.lower_ in PRONOUN_HEADS:
        ante = antecedent(tok)
        if ante is not None:
            b = res.actor(ante)
            return Actor(text=a.text, entity=b.entity, span=a.span, country=b.country,
                         sector=a.sector or b.sector)
    return a


def org_before(entities: list[Entity], tok: Token, sent: SpacySpan) -> Actor | None:
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
    text = span_text(tok.doc, a, b)
    sector = sector_of(text) or sector_of(e.name)
    return Actor(text=text, entity=e.id, span=(a, b),
                 country=None if sector == "IGO" else country_of(text), sector=sector)


def scan_target(c: Cand, taken_toks: list[Token]) -> Token | None:
    """A country named later in the trigger's clause is most often the target ("to Ukraine")."""
    scope = c.comp if c.comp is not None else c.tok
    if scope.pos_ not in ("VERB", "AUX", "ADJ"):
        scope = clause_verb(scope)
    taken = {t.i for a in taken_toks for t in a.subtree} | {t.i for t in taken_toks}
    for t in scope.subtree:
        if t.i <= c.tok.i or t.i in taken:
            continue
        if t.ent_type_ in ("GPE", "NORP") and country_of(t.text):
            return t.head if t.dep_ in ("amod", "compound") and t.head.pos_ == "NOUN" else t
    return None


def titled_person_country(a: Actor, sent: SpacySpan, recips: tuple[Actor, ...]) -> Actor:
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


def default_country(a: Actor, home: str) -> Actor:
    """PLOVER's domestic default: an unmarked group ("demonstrators", "prisoners") belongs to
    the country where the event happens."""
    if a.country or a.sector in (None, "IGO") or a.entity is not None or not a.text \
            or a.text.lower() in PRONOUN_HEADS:
        return a  # named parties and things ("missiles") keep what the text says
    return Actor(text=a.text, entity=a.entity, span=a.span, country=home, sector=a.sector)


def entity_id(entities: list[Entity], span) -> str | None:
    e = entity_at(entities, span[0], span[1]) if entities else None
    return e.id if e else None


def locative(doc: Doc, span) -> bool:
    """Whether a place is where something happens ("in Kirkuk", "near Samarra", "Kirkuk-based")
    rather than a party named as subject or object ("force Russia to peace")."""
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None:
        return False
    root = sp.root
    for _ in range(3):
        if root.dep_ == "pobj":
            return root.head.lower_ in LOC_PREPS
        if root.dep_ in ("compound", "amod", "poss", "appos", "conj", "nmod") and root.head.i != root.i:
            root = root.head
            continue
        return root.dep_ in ("npadvmod",)
    return False


def pick_index(spans: list[tuple[int, int]], scope: tuple[int, int], sent: tuple[int, int],
               anchor: int, ok: list[bool] | None = None) -> int | None:
    allowed = range(len(spans)) if ok is None else [i for i in range(len(spans)) if ok[i]]
    inside = [i for i in allowed if scope[0] <= spans[i][0] and spans[i][1] <= scope[1]]
    if not inside:
        inside = [i for i in allowed if sent[0] <= spans[i][0] and spans[i][1] <= sent[1]]
    if not inside:
        return None
    return min(inside, key=lambda i: abs(spans[i][0] - anchor))
