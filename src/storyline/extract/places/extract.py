"""extract_places: toponyms in a parsed Doc, geocoded offline to GeoNames ids."""
from __future__ import annotations

from spacy.tokens import Doc

from storyline.extract.places.gazetteer import get_gazetteer
from storyline.extract.places.geocode import resolve_mentions
from storyline.extract.places.mentions import Mention, find_mentions
from storyline.records import Entity, Place


def extract_places(doc: Doc, entities: list[Entity]) -> list[Place]:
    """Every place mention in ``doc`` with its GeoNames id when the gazetteer can tell."""
    gaz = get_gazetteer()
    mentions = find_mentions(doc, entities, gaz)
    if not mentions:
        return []
    chosen = resolve_mentions(doc.text, mentions, gaz)
    out = []
    people = person_spans(entities)
    for m, idx in zip(mentions, chosen):
        if idx is None:
            if not inside(m, people):  # "Buhari" labelled GPE but resolved to a person
                out.append(Place(span=(m.start, m.end), name=m.text))
            continue
        e = gaz.entries[idx]
        feature = e.kind + (":" + m.how if m.how in ("demonym", "embedded") else "")
        out.append(Place(span=(m.start, m.end), name=e.name, geonameid=e.geonameid,
                         country=gaz.alpha3_of(e), lat=e.lat, lon=e.lon, feature=feature))
    return out


def person_spans(entities: list[Entity]) -> list[tuple[int, int]]:
    return [sp for e in entities if e.type == "PERSON" for sp in e.mentions]


def inside(m: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(a <= m.start and m.end <= b for a, b in spans)
