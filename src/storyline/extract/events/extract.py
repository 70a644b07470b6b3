"""extract_events: PLOVER events from the dependency parse, sentence by sentence."""
from __future__ import annotations

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc

from storyline.extract.events.actors import (
    Resolver, default_country, entity_id, expand_conj, locative, org_before, pick_index,
    scan_target, titled_person_country, with_antecedent,
)
from storyline.extract.events.modality import mode_from_cues
from storyline.extract.events.roles import fill_roles
from storyline.extract.events.sentences import resolve_sentence, select
from storyline.extract.events.syntax import particle, span_text
from storyline.extract.events.triggers import TRIGGER_HASHES
from storyline.extract.events.words import PHRASAL
from storyline.extract.parsed import require_parse
from storyline.records import Actor, DateValue, Entity, Event, Place


LOCATIVE_TARGET = {"PROTEST", "COERCE", "ASSAULT", "MOBILIZE", "CONCEDE", "RETREAT"}


def extract_events(doc: Doc, entities: list[Entity], places: list[Place],
                   dates: list[DateValue]) -> list[Event]:
    """PLOVER events of ``doc``, in text order; ``place``/``date`` index ``places``/``dates``."""
    require_parse(doc, "extract_events")
    entities = list(entities or ())
    places = list(places or ())
    dates = list(dates or ())
    res = Resolver(doc, entities, places)
    date_spans = [tuple(d.span) for d in dates]
    place_spans = [tuple(p.span) for p in places]
    # "Ukrainian" or "American-made" may be listed as places; they are not where things happen
    place_ok = [not (p.feature and "demonym" in p.feature) and locative(doc, p.span)
                for p in places]
    events: list[Event] = []
    if len(doc):
        hs = TRIGGER_HASHES
        maybe = [lem in hs or low in hs for lem, low in doc.to_array([LEMMA, LOWER]).tolist()]
    else:
        maybe = []
    for sent in doc.sents:
        chosen = select(resolve_sentence(sent, maybe))
        for c in chosen:
            fill_roles(c)
            mode = mode_from_cues(c, sent)
            actor_toks = expand_conj(c.actor_toks)
            recip_toks = [t for t in expand_conj(c.recip_toks) if t not in actor_toks]
            actors = tuple(with_antecedent(res, t) for t in actor_toks)
            recips = tuple(with_antecedent(res, t) for t in recip_toks)
            scope_tok = c.clause if c.clause is not None else c.tok
            sub = list(scope_tok.subtree)
            scope = (sub[0].idx, sub[-1].idx + len(sub[-1]))
            sent_bounds = (sent.start_char, sent.end_char)
            date_i = pick_index(date_spans, scope, sent_bounds, c.tok.idx) if dates else None
            place_i = pick_index(place_spans, scope, sent_bounds, c.tok.idx,
                                 place_ok) if places else None
            if place_i is not None:
                pa, pb = place_spans[place_i]
                if any(x.span and x.span[0] <= pa and pb <= x.span[1] for x in actors):
                    place_i = None
            place_in_scope = place_i is not None and scope[0] <= place_spans[place_i][0] < scope[1]
            if not actors and c.type == "CONSULT" and c.tok.pos_ == "NOUN":
                org = org_before(entities, c.tok, sent)
                if org is not None:
                    actors = (org,)
            if not any(r.country for r in recips) and c.type != "CONSULT":
                extra = scan_target(c, actor_toks + recip_toks)
                if extra is not None:
                    recips = recips + (with_antecedent(res, extra),)
            actors = tuple(titled_person_country(a, sent, recips) for a in actors)
            if place_in_scope and c.type in LOCATIVE_TARGET and \
                    not any(r.country for r in recips):
                # PLOVER codes a domestic event's target by where it happened
                p = places[place_i]
                if p.country and not any(r.span == tuple(p.span) for r in recips):
                    recips = recips + (Actor(text=span_text(doc, *p.span), span=tuple(p.span),
                                             country=p.country, entity=entity_id(entities, p.span)),)
            if c.type in LOCATIVE_TARGET:
                home = (places[place_i].country if place_in_scope else None) or \
                    next((x.country for x in actors if x.country), None)
                if home:
                    recips = tuple(default_country(r, home) for r in recips)
                    actors = tuple(default_country(x, home) for x in actors)
            end_tok = c.tok
            prt = particle(c.tok) if c.tok.pos_ == "VERB" else None
            if prt and PHRASAL.get(f"{c.tok.lemma_.lower()} {prt}"):
                end_tok = next(ch for ch in c.tok.children if ch.lower_ == prt and ch.i > c.tok.i)
            trig = (c.tok.idx, end_tok.idx + len(end_tok)) if end_tok.i > c.tok.i else \
                (c.tok.idx, c.tok.idx + len(c.tok))
            events.append(Event(type=c.type, trigger=trig, mode=mode, actor=actors,
                                recipient=recips, place=place_i, date=date_i, negated=c.neg,
                                hypothetical=c.hyp, future=c.fut))
    return events
