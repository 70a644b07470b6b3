"""Exports of stored articles: JSONL (contract records), GDELT-GKG-style TSV, Parquet.

The GKG-style TSV follows GDELT GKG 2.1 column conventions for the fields storyline has —
counts (``COUNTTYPE#NUMBER#OBJECT``), locations, persons, organisations, quotations
(``offset|length|verb|quote``), dates and all names with offsets — plus storyline's story id.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

GKG_COLUMNS = ("GKGRECORDID", "V2.1DATE", "V2SOURCECOMMONNAME", "V2DOCUMENTIDENTIFIER", "V1COUNTS",
               "V1LOCATIONS", "V1PERSONS", "V1ORGANIZATIONS", "V2.1ENHANCEDDATES", "V2.1QUOTATIONS",
               "V2.1ALLNAMES", "V2.1TRANSLATIONINFO", "STORYLINE_STORY")


def _clean(value: str) -> str:
    """GKG fields are delimited by tab, ';', '#', '|' and ',': none may appear inside a value."""
    for ch in "\t\n\r;#|,":
        value = value.replace(ch, " ")
    return value.strip()


def gkg_row(rec: dict[str, Any]) -> list[str]:
    text = rec["text"]
    counts = ";".join(
        f"{(c.get('type') or 'COUNT').upper()}#{c['value']}#{_clean(c['object'])}" for c in rec.get("counts", []))
    locations = ";".join(
        f"{_clean(p['name'])}#{p.get('country') or ''}#{p.get('lat') if p.get('lat') is not None else ''}#"
        f"{p.get('lon') if p.get('lon') is not None else ''}#{p.get('geonameid') or ''}"
        for p in rec.get("places", []))
    persons = ";".join(sorted({_clean(e["name"]) for e in rec.get("entities", []) if e["type"] == "PERSON"}))
    orgs = ";".join(sorted({_clean(e["name"]) for e in rec.get("entities", []) if e["type"] == "ORG"}))
    dates = ";".join(f"{d['value']}#{d['span'][0]}" for d in rec.get("dates", []) if d.get("value"))
    quotes = "#".join(
        f"{x['content'][0][0]}|{x['content'][-1][1] - x['content'][0][0]}|"
        f"{_clean(text[x['cue'][0]:x['cue'][1]]) if x.get('cue') else ''}|"
        f"{_clean(' '.join(text[a:b] for a, b in x['content']))}"
        for x in rec.get("attributions", []) if x["kind"] in ("direct", "mixed"))
    names = ";".join(f"{_clean(e['name'])},{e['mentions'][0][0]}" for e in rec.get("entities", [])
                     if e["type"] in ("PERSON", "ORG", "NORP", "EVENT"))
    return [rec["id"], (rec.get("published") or "").replace("-", ""), _clean(rec.get("source") or ""),
            rec.get("url") or rec["id"], counts, locations, persons, orgs, dates, quotes, names, "",
            rec.get("story") or ""]


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_gkg(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    out.write("\t".join(GKG_COLUMNS) + "\n")
    n = 0
    for rec in records:
        out.write("\t".join(gkg_row(rec)) + "\n")
        n += 1
    return n
