"""Toponyms geocoded offline to GeoNames ids.

Which mentions are places:

- spaCy's GPE, LOC and FAC entities ("Columbus, Ohio" is split at the comma into two places);
- PERSON or ORG entities that are a known country, division or large city ("Kiev's partners":
  the small model calls Kiev a person), and the resolved entities the lead types as places;
- place demonyms used as modifiers: "Ukrainian territory", "Russian media", "French troops"
  are place mentions of the country (``feature`` ends in ``:demonym``), consistently; a plural
  noun ("the Russians") is people and is not a place;
- place names inside organisation names ("University of California", "Russian Higher School
  of Economics"): ``feature`` ends in ``:embedded``;
- an upper-case dateline at the start of a line ("BEIRUT (Reuters) -").

Geocoding picks, among the gazetteer entries that carry the name, the one with the best score:
population (log scale), the kind of place (countries and continents first), an alternate-name
penalty, and the article's context — countries and divisions named elsewhere in the article,
"City, State" pairs ("London, Ontario" and "London" near "Ontario" are London, Ontario), and a
city named like its own division (New York, Kyiv, Moscow) preferred to the division. A mention
the gazetteer cannot place stays a place with ``geonameid=None``.

``feature`` is the gazetteer kind: "continent", "country", "admin1", "region", "city".
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from storyline.extract.gazetteer import GeoEntry, Gazetteer, get_gazetteer, haversine_km
from storyline.records import Entity, Place

PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_LABELS = {"PERSON", "ORG"}
EMBED_LABELS = {"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "NORP"}
POSSESSIVE = {"'s", "’s", "'", "’"}
DIVISION_WORDS = {"en": {"state", "province", "oblast", "region", "governorate", "county",
                         "district", "prefecture", "territory", "krai", "parish"}}
CITY_WORDS = {"en": {"city"}}
LOCATIVE = {"en": {"in", "to", "from", "near", "at", "outside", "around", "across", "toward",
                   "towards", "into", "through", "between"}}
NON_PLACE_WORDS = {"en": {"university", "college", "school", "institute", "hospital", "church",
                          "street", "avenue", "road", "airport", "station", "park", "center",
                          "centre", "stadium", "hotel", "museum", "library", "bridge"}}
ORG_WORDS = {"en": {
    "university", "college", "school", "institute", "academy", "hospital", "church", "cathedral",
    "airport", "station", "port", "stadium", "center", "centre", "museum", "library", "embassy",
    "consulate", "council", "court", "police", "department", "ministry", "government",
    "authority", "agency", "service", "services", "bank", "exchange", "club", "fc", "united",
    "city", "county", "united", "times", "post", "news", "herald", "tribune", "journal",
    "chronicle", "globe", "gazette", "daily", "press", "radio", "television", "tv", "party",
    "army", "forces", "navy", "guard", "association", "federation", "league", "union",
    "company", "corporation", "corp", "inc", "group", "board", "commission", "office", "zoo",
    "state", "polytechnic", "cup", "open", "marathon", "festival", "games", "trade", "world",
    "chamber", "commerce", "industry", "airlines", "airways", "lottery", "cruises", "metro",
}}
# a person/organisation-labelled name is a place only when it is this well known
MIN_POP_FOR_RELABEL = 100_000
MIN_POP_EMBEDDED = 100_000
NAMESAKE_MIN_POP = 100_000
NEAR_KM = 250.0
ANCHOR_MARGIN = 1.0  # a city is an anchor when its name has no rival within 10x its population
NAMESAKE_MIN_POP_ALT = 1_000_000  # "New York" (an alternate name of New York City)

FEATURE_WORDS = {"en": ("River", "Sea", "Lake", "Lakes", "Mountain", "Mountains", "Valley", "Island",
                         "Islands", "Bay", "Desert", "Peninsula", "Strait", "Straits", "Canal",
                         "Basin", "Delta", "Airport", "Square", "Street", "Avenue", "Road", "Park",
                         "Bridge", "Falls", "Forest", "Creek", "Glacier", "Dam", "Harbour", "Harbor",
                         "Heights", "Hills", "Estate")}
_FEATURE_AFTER = re.compile(r"[ \t]+(?:%s)\b" % "|".join(FEATURE_WORDS["en"]))
_AND_NAME = re.compile(r" (?:and|&) [A-Z][\w'-]+(?: [A-Z][\w'-]+)?")
_DATELINE = re.compile(r"(?m)^([A-Z][A-Z'.]+(?: [A-Z][A-Z'.]+){0,3})(?=,| \(|\s+[-—–]|:)")


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    how: str  # ent | name | demonym | embedded | dateline | entity
    only: frozenset[str] | None = None  # kinds allowed ("Benue State" -> admin1)
    forced: int | None = None  # entry fixed by a demonym


def extract_places(doc: Doc, entities: list[Entity]) -> list[Place]:
    """Every place mention in ``doc`` with its GeoNames id when the gazetteer can tell."""
    gaz = get_gazetteer()
    mentions = _mentions(doc, entities, gaz)
    if not mentions:
        return []
    chosen = _resolve(doc.text, mentions, gaz)
    out = []
    people = _person_spans(entities)
    for m, idx in zip(mentions, chosen):
        if idx is None:
            if not _inside(m, people):  # "Buhari" labelled GPE but resolved to a person
                out.append(Place(span=(m.start, m.end), name=m.text))
            continue
        e = gaz.entries[idx]
        feature = e.kind + (":" + m.how if m.how in ("demonym", "embedded") else "")
        out.append(Place(span=(m.start, m.end), name=e.name, geonameid=e.geonameid,
                         country=gaz.alpha3_of(e), lat=e.lat, lon=e.lon, feature=feature))
    return out


def _person_spans(entities: list[Entity]) -> list[tuple[int, int]]:
    return [sp for e in entities if e.type == "PERSON" for sp in e.mentions]


def _inside(m: _Mention, spans: list[tuple[int, int]]) -> bool:
    return any(a <= m.start and m.end <= b for a, b in spans)


# -- finding mentions ----------------------------------------------------------------------------

def _trim(span: SpacySpan) -> SpacySpan | None:
    start, end = span.start, span.end
    doc = span.doc
    while end - start > 1 and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end - start > 1 and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    if end - start == 1 and doc[start].is_punct:
        return None
    return doc[start:end]


def _split_commas(span: SpacySpan) -> list[SpacySpan]:
    parts, start = [], span.start
    for tok in span:
        if tok.text == ",":
            if tok.i > start:
                parts.append(span.doc[start:tok.i])
            start = tok.i + 1
    if span.end > start:
        parts.append(span.doc[start:span.end])
    return parts


def _best_entry(gaz: Gazetteer, text: str) -> GeoEntry | None:
    best = None
    for i, alt in gaz.lookup(text):
        if alt:
            continue
        e = gaz.entries[i]
        if best is None or _prior(e, False) > _prior(best, False):
            best = e
    return best


def _well_known(gaz: Gazetteer, text: str, min_pop: int) -> bool:
    e = _best_entry(gaz, text)
    if e is None:
        return False
    return e.kind in ("country", "continent", "admin1", "region") or e.population >= min_pop


def _is_modifier(span: SpacySpan) -> bool:
    """A demonym that modifies a noun ("Russian media", "French troops"), not people."""
    last = span[-1]
    doc = span.doc
    if last.tag_ in ("NNS", "NNPS"):
        return False
    if last.dep_ in ("amod", "compound", "nmod"):
        return True
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.text in ("-", "–") and last.i + 2 < len(doc):
        return True  # "American-made"
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ")


def _mentions(doc: Doc, entities: list[Entity], gaz: Gazetteer) -> list[_Mention]:
    text = doc.text
    out: list[_Mention] = []
    used = bytearray(len(text) + 1)

    def free(a: int, b: int) -> bool:
        return not any(used[a:b])

    def add(a: int, b: int, how: str, only=None, forced=None) -> None:
        if b <= a or not free(a, b) or not _capitalised(text[a:b]):
            return
        if forced is None:
            tail = _FEATURE_AFTER.match(text, b)
            if tail is not None and free(b, tail.end()):
                b = tail.end()  # "Jordan River", "Niger Delta": the feature, not the country
            pair = _AND_NAME.match(text, b)
            if pair is not None and free(b, pair.end()) and gaz.lookup(text[a:pair.end()]):
                b = pair.end()  # "Trinidad and Tobago", "Bosnia and Herzegovina"
        out.append(_Mention(a, b, text[a:b], how, only, forced))
        used[a:b] = b"\x01" * (b - a)

    place_entity_spans = set()
    for e in entities:
        if e.type in PLACE_LABELS:
            place_entity_spans.update(e.mentions)
    person_names = {w for e in entities if e.type == "PERSON" and " " in e.name for w in e.name.split()}

    for ent in doc.ents:
        span = _trim(ent)
        if span is None:
            continue
        label = ent.label_
        if label in PLACE_LABELS:
            for part in _split_commas(span):
                part = _trim(part)
                if part is None:
                    continue
                dem = gaz.demonym(part.text)
                if dem is not None and not gaz.lookup(part.text):
                    add(part.start_char, part.end_char, "demonym", forced=dem)  # "Ukrainian territory"
                elif part[-1].lower_ in DIVISION_WORDS["en"] and len(part) > 1 and _last_is_name(part):
                    add(part.start_char, part.end_char, "ent", frozenset({"admin1", "region"}))
                elif part[-1].lower_ in CITY_WORDS["en"] and len(part) > 1:
                    add(part.start_char, part.end_char, "ent", frozenset({"city"}))
                else:
                    add(part.start_char, part.end_char, "ent")
        elif label == "NORP":
            i = gaz.demonym(span.text)
            if i is not None and _is_modifier(span):
                add(span.start_char, span.end_char, "demonym", forced=i)
            elif len(span) > 1:
                _embedded(span, gaz, add)
        elif label in NAME_LABELS and len(span) <= 3 and (
            (span.start_char, span.end_char) in place_entity_spans
            or (span.text not in person_names and _well_known(gaz, span.text, MIN_POP_FOR_RELABEL))
        ):
            add(span.start_char, span.end_char, "name")
        elif label in EMBED_LABELS and len(span) > 1:
            _embedded(span, gaz, add)

    # the resolved entities' place mentions that spaCy's labels missed
    for a, b in sorted(place_entity_spans):
        if b - a > 1 and text[a].isupper() and free(a, b) and gaz.lookup(text[a:b]):
            add(a, b, "entity")

    # demonym modifiers spaCy did not label as such ("Ukrainian territory", "Slovak architect")
    for tok in doc:
        if not tok.is_title or tok.pos_ not in ("ADJ", "PROPN") or tok.ent_type_ in PLACE_LABELS:
            continue
        if tok.ent_type_ and tok.ent_type_ not in ("NORP", "LANGUAGE") and not (
                tok.ent_iob_ == "B" and (tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_iob_ != "I")):
            continue  # inside a longer name
        i = gaz.demonym(tok.text)
        if i is not None and _is_modifier(doc[tok.i:tok.i + 1]):
            add(tok.idx, tok.idx + len(tok.text), "demonym", forced=i)

    # a town the model missed, after a locative preposition, in a country the article names
    countries = {e.cc for m in out if (e := _mention_entry(gaz, m)) is not None and e.cc}
    if countries:
        for tok in doc:
            if tok.lower_ not in LOCATIVE["en"] or tok.i + 1 >= len(doc):
                continue
            j = tok.i + 1
            k = j
            while k < len(doc) and k - j < 3 and doc[k].pos_ == "PROPN" and doc[k].is_title:
                k += 1
            if k == j or doc[j].ent_type_ in ("GPE", "LOC", "FAC", "ORG", "NORP", "DATE"):
                continue
            piece = doc[j:k]
            a, b = piece.start_char, piece.end_char
            if not free(a, b) or piece.text in person_names:
                continue
            hits = [gaz.entries[i] for i, alt in gaz.lookup(piece.text) if not alt]
            if any(h.kind == "city" and h.cc in countries for h in hits):
                add(a, b, "ent")

    # datelines: "BEIRUT (Reuters) -", "COLUMBUS, Ohio —"
    for m in _DATELINE.finditer(text):
        a, b = m.span(1)
        if b - a >= 3 and free(a, b) and gaz.lookup(m.group(1)):
            add(a, b, "dateline")

    out.sort(key=lambda m: m.start)
    return out


def _capitalised(s: str) -> bool:
    """Place names start with a capital ("tina", "the city" are not names)."""
    first = next((c for c in s if c.isalpha()), "")
    return first.isupper()


def _mention_entry(gaz: Gazetteer, m: _Mention) -> GeoEntry | None:
    if m.forced is not None:
        return gaz.entries[m.forced]
    return _best_entry(gaz, m.text)


def _last_is_name(part: SpacySpan) -> bool:
    return part[-2].is_title or part[-2].is_upper


def _embedded(span: SpacySpan, gaz: Gazetteer, add) -> None:
    """Place names inside an organisation's name: the longest known name first."""
    toks = list(span)
    # a city inside a name only when the name is an organisation's: not "Paris Hilton"
    org_like = any(t.lower_ in ORG_WORDS["en"] for t in toks)
    i = 0
    while i < len(toks):
        matched = False
        for n in (3, 2, 1):
            if i + n > len(toks):
                continue
            piece = span.doc[toks[i].i:toks[i].i + n]
            if not all(t.is_title or t.is_upper for t in piece if t.is_alpha) or \
                    piece[0].lower_ in ("the", "of", "and", "for", "a", "an", "in", "on"):
                continue
            if n == 1 and piece[0].lower_ in NON_PLACE_WORDS["en"]:
                continue
            dem = gaz.demonym(piece.text)
            if dem is not None:
                add(piece.start_char, piece.end_char, "embedded", forced=dem)
                matched = True
            elif piece.end < span.end and span.doc[piece.end].lower_ in DIVISION_WORDS["en"] and any(
                    gaz.entries[j].kind == "admin1" for j, _ in gaz.lookup(piece.text)):
                end = span.doc[piece.end]
                add(piece.start_char, end.idx + len(end.text), "embedded", frozenset({"admin1"}))
                matched = True  # "Enugu State University": the state
            elif _well_known(gaz, piece.text, MIN_POP_EMBEDDED) and (
                    org_like or _best_entry(gaz, piece.text).kind != "city"):
                add(piece.start_char, piece.end_char, "embedded")
                matched = True
            if matched:
                i += n
                break
        if not matched:
            i += 1


# -- choosing the referent -----------------------------------------------------------------------

def _prior(e: GeoEntry, alt: bool) -> float:
    if e.kind == "region":
        s = 7.0
    else:
        s = math.log10(e.population + 10)
        if e.kind in ("country", "continent"):
            s += 3.0
        elif e.kind == "admin1":
            s += 1.0
    if alt:
        s -= 2.0
    return s


_STATE_AFTER = re.compile(r"^\s+(?:state|province)\b")
_STATE_BEFORE = re.compile(r"\b(?:state|province) of\s+$", re.IGNORECASE)


def _mark_divisions(text: str, mentions: list[_Mention]) -> None:
    """"Washington state", "the state of Washington": the division, not the city."""
    for m in mentions:
        if m.only is None and m.forced is None and (
                _STATE_AFTER.match(text[m.end:m.end + 12]) or _STATE_BEFORE.search(text[max(0, m.start - 12):m.start])):
            m.only = frozenset({"admin1"})


def _candidates(gaz: Gazetteer, m: _Mention) -> list[tuple[int, bool]]:
    if m.forced is not None:
        return [(m.forced, False)]
    cands = gaz.lookup(m.text)
    if m.only is not None:
        words = m.text.split()
        base = gaz.lookup(" ".join(words[:-1])) if len(words) > 1 else []
        pool = [c for c in cands + base if gaz.entries[c[0]].kind in m.only]
        if pool:
            return pool
        if not cands:
            return []
    return cands


def _resolve(text: str, mentions: list[_Mention], gaz: Gazetteer) -> list[int | None]:
    _mark_divisions(text, mentions)
    cand_lists = [_candidates(gaz, m) for m in mentions]
    entries = gaz.entries

    # pass 1: without context
    first: list[int | None] = []
    for cands in cand_lists:
        first.append(max(cands, key=lambda c: _prior(entries[c[0]], c[1]))[0] if cands else None)

    # the article's context: countries and divisions it names
    doc_cc: Counter[str] = Counter()
    doc_admin1: set[tuple[str, str]] = set()
    for idx in first:
        if idx is None:
            continue
        e = entries[idx]
        if e.cc:
            doc_cc[e.cc] += 1
        if e.kind == "admin1":
            doc_admin1.add((e.cc, e.admin1))
    # "City, State" / "City, Country": the next mention right after a comma
    container: dict[int, set[int]] = {}
    for k in range(len(mentions) - 1):
        a, b = mentions[k], mentions[k + 1]
        gap = text[a.end:b.start]
        if gap.strip() in (",",) and len(gap) <= 3:
            container[k] = {i for i, _ in cand_lists[k + 1]
                            if entries[i].kind in ("admin1", "country")}

    # anchors: cities named without real ambiguity, as points
    anchors = []
    for k, cands in enumerate(cand_lists):
        if first[k] is None or entries[first[k]].kind != "city":
            continue
        scores = sorted((_prior(entries[i], alt) for i, alt in cands), reverse=True)
        if len(scores) == 1 or scores[0] - scores[1] >= ANCHOR_MARGIN:
            anchors.append((k, entries[first[k]]))

    chosen: list[int | None] = []
    for k, cands in enumerate(cand_lists):
        if not cands:
            chosen.append(None)
            continue
        if len(cands) == 1:
            i, alt = cands[0]
            chosen.append(None if _too_weak(entries[i], alt) else i)
            continue
        admin1_names = {i for i, _ in cands if entries[i].kind == "admin1"}
        if any(entries[i].kind == "country" for i, _ in cands):
            admin1_names = set()  # "Mexico" is the country, not Mexico City
        best, best_s = None, -1e9
        for i, alt in cands:
            e = entries[i]
            s = _prior(e, alt)
            if e.kind == "city" and e.population >= (NAMESAKE_MIN_POP_ALT if alt else NAMESAKE_MIN_POP) \
                    and any(entries[j].cc == e.cc for j in admin1_names):
                s += 3.0 + (2.0 if alt else 0.0)  # New York, Kyiv, Moscow: the city
            if e.cc and doc_cc.get(e.cc, 0) - (1 if first[k] == i else 0) > 0:
                s += 1.5
                if e.kind == "admin1":
                    s += 1.0
            if e.kind == "city" and (e.cc, e.admin1) in doc_admin1:
                s += 1.5
            if e.kind == "city" and e.lat is not None and any(
                    j != k and a.geonameid != e.geonameid
                    and haversine_km(a.lat, a.lon, e.lat, e.lon) <= NEAR_KM for j, a in anchors):
                s += 1.0  # near another place the article names
            if k in container:
                for j in container[k]:
                    c = entries[j]
                    if c.cc == e.cc and (c.kind == "country" or c.admin1 == e.admin1):
                        s += 6.0
                        break
            if s > best_s:
                best, best_s = (i, alt), s
        i, alt = best
        chosen.append(None if _too_weak(entries[i], alt) else i)
    return chosen


def _too_weak(e: GeoEntry, alt: bool) -> bool:
    """An obscure place reached only through an alternate name is more likely a wrong guess."""
    return alt and e.kind == "city" and e.population < 15000
