"""Which mentions are places: spaCy's GPE, LOC and FAC entities (split at commas), well-known
places the model labelled as people or organisations, demonyms used as modifiers, place names
inside organisation names, and upper-case datelines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from storyline.extract.places.gazetteer import GeoEntry, Gazetteer
from storyline.extract.places.ranking import best_entry, well_known
from storyline.lexicons import lexicon
from storyline.records import Entity


PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_LABELS = {"PERSON", "ORG"}
EMBED_LABELS = {"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "NORP"}
POSSESSIVE = {"'s", "’s", "'", "’"}
L = lexicon("en", "places")
DIVISION_WORDS = L["division_words"]
CITY_WORDS = L["city_words"]
LOCATIVE = L["locative_prepositions"]
NON_PLACE_WORDS = L["non_place_words"]
ORG_WORDS = L["organisation_words"]
# a person/organisation-labelled name is a place only when it is this well known
MIN_POP_FOR_RELABEL = 100_000
MIN_POP_EMBEDDED = 100_000
FEATURE_WORDS = L["feature_words"]
FEATURE_AFTER = re.compile(r"[ \t]+(?:%s)\b" % "|".join(FEATURE_WORDS))
AND_NAME = re.compile(r" (?:and|&) [A-Z][\w'-]+(?: [A-Z][\w'-]+)?")
DATELINE = re.compile(r"(?m)^([A-Z][A-Z'.]+(?: [A-Z][A-Z'.]+){0,3})(?=,| \(|\s+[-—–]|:)")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    how: str  # ent | name | demonym | embedded | dateline | entity
    only: frozenset[str] | None = None  # kinds allowed ("Benue State" -> admin1)
    forced: int | None = None  # entry fixed by a demonym


def trim(span: SpacySpan) -> SpacySpan | None:
    start, end = span.start, span.end
    doc = span.doc
    while end - start > 1 and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end - start > 1 and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    if end - start == 1 and doc[start].is_punct:
        return None
    return doc[start:end]


def split_commas(span: SpacySpan) -> list[SpacySpan]:
    parts, start = [], span.start
    for tok in span:
        if tok.text == ",":
            if tok.i > start:
                parts.append(span.doc[start:tok.i])
            start = tok.i + 1
    if span.end > start:
        parts.append(span.doc[start:span.end])
    return parts


def is_modifier(span: SpacySpan) -> bool:
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


def find_mentions(doc: Doc, entities: list[Entity], gaz: Gazetteer) -> list[Mention]:
    text = doc.text
    out: list[Mention] = []
    used = bytearray(len(text) + 1)

    def free(a: int, b: int) -> bool:
        return not any(used[a:b])

    def add(a: int, b: int, how: str, only=None, forced=None) -> None:
        if b <= a or not free(a, b) or not capitalised(text[a:b]):
            return
        if forced is None:
            tail = FEATURE_AFTER.match(text, b)
            if tail is not None and free(b, tail.end()):
                b = tail.end()  # "Jordan River", "Niger Delta": the feature, not the country
            pair = AND_NAME.match(text, b)
            if pair is not None and free(b, pair.end()) and gaz.lookup(text[a:pair.end()]):
                b = pair.end()  # "Trinidad and Tobago", "Bosnia and Herzegovina"
        out.append(Mention(a, b, text[a:b], how, only, forced))
        used[a:b] = b"\x01" * (b - a)

    place_entity_spans = set()
    for e in entities:
        if e.type in PLACE_LABELS:
            place_entity_spans.update(e.mentions)
    person_names = {w for e in entities if e.type == "PERSON" and " " in e.name for w in e.name.split()}

    for ent in doc.ents:
        span = trim(ent)
        if span is None:
            continue
        label = ent.label_
        if label in PLACE_LABELS:
            for part in split_commas(span):
                part = trim(part)
                if part is None:
                    continue
                dem = gaz.demonym(part.text)
                if dem is not None and not gaz.lookup(part.text):
                    add(part.start_char, part.end_char, "demonym", forced=dem)  # "Ukrainian territory"
                elif part[-1].lower_ in DIVISION_WORDS and len(part) > 1 and last_is_name(part):
                    add(part.start_char, part.end_char, "ent", frozenset({"admin1", "region"}))
                elif part[-1].lower_ in CITY_WORDS and len(part) > 1:
                    add(part.start_char, part.end_char, "ent", frozenset({"city"}))
                else:
                    add(part.start_char, part.end_char, "ent")
        elif label == "NORP":
            i = gaz.demonym(span.text)
            if i is not None and is_modifier(span):
                add(span.start_char, span.end_char, "demonym", forced=i)
            elif len(span) > 1:
                embedded(span, gaz, add)
        elif label in NAME_LABELS and len(span) <= 3 and (
            (span.start_char, span.end_char) in place_entity_spans
            or (span.text not in person_names and well_known(gaz, span.text, MIN_POP_FOR_RELABEL))
        ):
            add(span.start_char, span.end_char, "name")
        elif label in EMBED_LABELS and len(span) > 1:
            embedded(span, gaz, add)

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
        if i is not None and is_modifier(doc[tok.i:tok.i + 1]):
            add(tok.idx, tok.idx + len(tok.text), "demonym", forced=i)

    # a town the model missed, after a locative preposition, in a country the article names
    countries = {e.cc for m in out if (e := mention_entry(gaz, m)) is not None and e.cc}
    if countries:
        for tok in doc:
            if tok.lower_ not in LOCATIVE or tok.i + 1 >= len(doc):
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
    for m in DATELINE.finditer(text):
        a, b = m.span(1)
        if b - a >= 3 and free(a, b) and gaz.lookup(m.group(1)):
            add(a, b, "dateline")

    out.sort(key=lambda m: m.start)
    return out


def capitalised(s: str) -> bool:
    """Place names start with a capital ("tina", "the city" are not names)."""
    first = next((c for c in s if c.isalpha()), "")
    return first.isupper()


def mention_entry(gaz: Gazetteer, m: Mention) -> GeoEntry | None:
    if m.forced is not None:
        return gaz.entries[m.forced]
    return best_entry(gaz, m.text)


def last_is_name(part: SpacySpan) -> bool:
    return part[-2].is_title or part[-2].is_upper


def embedded(span: SpacySpan, gaz: Gazetteer, add) -> None:
    """Place names inside an organisation's name: the longest known name first."""
    toks = list(span)
    # a city inside a name only when the name is an organisation's: not "Paris Hilton"
    org_like = any(t.lower_ in ORG_WORDS for t in toks)
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
            if n == 1 and piece[0].lower_ in NON_PLACE_WORDS:
                continue
            dem = gaz.demonym(piece.text)
            if dem is not None:
                add(piece.start_char, piece.end_char, "embedded", forced=dem)
                matched = True
            elif piece.end < span.end and span.doc[piece.end].lower_ in DIVISION_WORDS and any(
                    gaz.entries[j].kind == "admin1" for j, _ in gaz.lookup(piece.text)):
                end = span.doc[piece.end]
                add(piece.start_char, end.idx + len(end.text), "embedded", frozenset({"admin1"}))
                matched = True  # "Enugu State University": the state
            elif well_known(gaz, piece.text, MIN_POP_EMBEDDED) and (
                    org_like or best_entry(gaz, piece.text).kind != "city"):
                add(piece.start_char, piece.end_char, "embedded")
                matched = True
            if matched:
                i += n
                break
        if not matched:
            i += 1
