"""How likely a gazetteer entry is as the referent of a name, before any context: population,
kind (country, first-level division, region, city), and whether the name is an alternate one.
"""
from __future__ import annotations

import math

from storyline.extract.places.gazetteer import GeoEntry, Gazetteer


def best_entry(gaz: Gazetteer, text: str) -> GeoEntry | None:
    best = None
    for i, alt in gaz.lookup(text):
        if alt:
            continue
        e = gaz.entries[i]
        if best is None or prior(e, False) > prior(best, False):
            best = e
    return best


def well_known(gaz: Gazetteer, text: str, min_pop: int) -> bool:
    e = best_entry(gaz, text)
    if e is None:
        return False
    return e.kind in ("country", "continent", "admin1", "region") or e.population >= min_pop


def prior(e: GeoEntry, alt: bool) -> float:
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
