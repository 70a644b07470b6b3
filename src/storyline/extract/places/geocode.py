"""Choosing the referent of each mention: the gazetteer entries carrying its name, scored by
prior, by the article's other places (anchors nearby, a division named with it) and by
consistency, weak candidates dropped.
"""
from __future__ import annotations

import re
from collections import Counter

from storyline.extract.places.gazetteer import GeoEntry, Gazetteer, haversine_km
from storyline.extract.places.mentions import Mention
from storyline.extract.places.ranking import prior


NAMESAKE_MIN_POP = 100_000
NEAR_KM = 250.0
ANCHOR_MARGIN = 1.0  # a city is an anchor when its name has no rival within 10x its population
NAMESAKE_MIN_POP_ALT = 1_000_000  # "New York" (an alternate name of New York City)
STATE_AFTER = re.compile(r"^\s+(?:state|province)\b")
STATE_BEFORE = re.compile(r"\b(?:state|province) of\s+$", re.IGNORECASE)


def mark_divisions(text: str, mentions: list[Mention]) -> None:
    """"Washington state", "the state of Washington": the division, not the city."""
    for m in mentions:
        if m.only is None and m.forced is None and (
                STATE_AFTER.match(text[m.end:m.end + 12]) or STATE_BEFORE.search(text[max(0, m.start - 12):m.start])):
            m.only = frozenset({"admin1"})


def candidates(gaz: Gazetteer, m: Mention) -> list[tuple[int, bool]]:
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


def resolve_mentions(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[int | None]:
    mark_divisions(text, mentions)
    cand_lists = [candidates(gaz, m) for m in mentions]
    entries = gaz.entries

    # pass 1: without context
    first: list[int | None] = []
    for cands in cand_lists:
        first.append(max(cands, key=lambda c: prior(entries[c[0]], c[1]))[0] if cands else None)

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
        scores = sorted((prior(entries[i], alt) for i, alt in cands), reverse=True)
        if len(scores) == 1 or scores[0] - scores[1] >= ANCHOR_MARGIN:
            anchors.append((k, entries[first[k]]))

    chosen: list[int | None] = []
    for k, cands in enumerate(cand_lists):
        if not cands:
            chosen.append(None)
            continue
        if len(cands) == 1:
            i, alt = cands[0]
            chosen.append(None if too_weak(entries[i], alt) else i)
            continue
        admin1_names = {i for i, _ in cands if entries[i].kind == "admin1"}
        if any(entries[i].kind == "country" for i, _ in cands):
            admin1_names = set()  # "Mexico" is the country, not Mexico City
        best, best_s = None, -1e9
        for i, alt in cands:
            e = entries[i]
            s = prior(e, alt)
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
        chosen.append(None if too_weak(entries[i], alt) else i)
    return chosen


def too_weak(e: GeoEntry, alt: bool) -> bool:
    """An obscure place reached only through an alternate name is more likely a wrong guess."""
    return alt and e.kind == "city" and e.population < 15000
