"""Parquet export: stored articles as flat, typed tables, one file per kind of fact.

``write_parquet(records, folder)`` writes ``articles.parquet``, ``entities.parquet``,
``attributions.parquet``, ``events.parquet``, ``counts.parquet``, ``dates.parquet`` and
``places.parquet`` into ``folder``. Every fact row carries ``article_id`` and ``story`` so the
tables join with each other (pandas, DuckDB, Spark) without unpacking nested JSON; spans are
``[start, end)`` character offsets into ``articles.text`` and the text they cover is written
beside them. The schemas are fixed, so an empty table still has its typed columns. Rows are
written in batches: memory stays bounded however large the store is.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

SPAN = pa.list_(pa.int32())
SPANS = pa.list_(SPAN)
_KEYS = [("article_id", pa.string()), ("story", pa.string())]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("id", pa.string()), ("story", pa.string()), ("duplicate_of", pa.string()),
        ("title", pa.string()), ("published", pa.string()), ("source", pa.string()),
        ("url", pa.string()), ("text", pa.string()), ("n_entities", pa.int32()),
        ("n_attributions", pa.int32()), ("n_events", pa.int32())]),
    "entities": pa.schema(_KEYS + [
        ("entity_id", pa.string()), ("name", pa.string()), ("type", pa.string()),
        ("n_mentions", pa.int32()), ("mentions", SPANS)]),
    "attributions": pa.schema(_KEYS + [
        ("index", pa.int32()), ("kind", pa.string()), ("source", SPAN), ("source_text", pa.string()),
        ("source_entity", pa.string()), ("source_entity_name", pa.string()),
        ("source_type", pa.string()), ("cue", SPAN), ("cue_text", pa.string()),
        ("content", SPANS), ("content_text", pa.string()), ("nested_in", pa.int32())]),
    "events": pa.schema(_KEYS + [
        ("index", pa.int32()), ("type", pa.string()), ("mode", pa.string()), ("trigger", SPAN),
        ("trigger_text", pa.string()), ("actor_text", pa.string()), ("actor_entity", pa.string()),
        ("actor_country", pa.string()), ("actor_sector", pa.string()),
        ("recipient_text", pa.string()), ("recipient_entity", pa.string()),
        ("recipient_country", pa.string()), ("recipient_sector", pa.string()),
        ("place", pa.int32()), ("date", pa.int32()), ("negated", pa.bool_()),
        ("hypothetical", pa.bool_()), ("future", pa.bool_())]),
    "counts": pa.schema(_KEYS + [
        ("value", pa.float64()), ("qualifier", pa.string()), ("object", pa.string()),
        ("type", pa.string()), ("span", SPAN), ("text", pa.string())]),
    "dates": pa.schema(_KEYS + [
        ("value", pa.string()), ("relative", pa.bool_()), ("span", SPAN), ("text", pa.string())]),
    "places": pa.schema(_KEYS + [
        ("name", pa.string()), ("geonameid", pa.int64()), ("country", pa.string()),
        ("lat", pa.float64()), ("lon", pa.float64()), ("span", SPAN), ("text", pa.string())]),
}

BATCH_ROWS = 5000


def _cut(text: str, span: list[int] | None) -> str | None:
    return text[span[0]:span[1]] if span else None


def _party(parties: list[dict[str, Any]] | None, key: str) -> str | None:
    """One column for a list of actors/recipients: values joined with '; ' (None when none)."""
    vals = [str(p[key]) for p in parties or () if p.get(key) is not None]
    return "; ".join(vals) if vals else None


def _rows(rec: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    text = rec.get("text") or ""
    keys = {"article_id": rec["id"], "story": rec.get("story")}
    names = {e["id"]: e["name"] for e in rec.get("entities", [])}
    out: dict[str, list[dict[str, Any]]] = {
        "articles": [{
            "id": rec["id"], "story": rec.get("story"), "duplicate_of": rec.get("duplicate_of"),
            "title": rec.get("title"), "published": rec.get("published"), "source": rec.get("source"),
            "url": rec.get("url"), "text": text, "n_entities": len(rec.get("entities", [])),
            "n_attributions": len(rec.get("attributions", [])), "n_events": len(rec.get("events", []))}],
        "entities": [{**keys, "entity_id": e["id"], "name": e["name"], "type": e["type"],
                      "n_mentions": len(e.get("mentions", [])), "mentions": e.get("mentions", [])}
                     for e in rec.get("entities", [])],
        "attributions": [{
            **keys, "index": i, "kind": a["kind"], "source": a.get("source"),
            "source_text": _cut(text, a.get("source")), "source_entity": a.get("source_entity"),
            "source_entity_name": names.get(a.get("source_entity")), "source_type": a.get("source_type"),
            "cue": a.get("cue"), "cue_text": _cut(text, a.get("cue")), "content": a.get("content", []),
            "content_text": " … ".join(text[s:e] for s, e in a.get("content", [])),
            "nested_in": a.get("nested_in")} for i, a in enumerate(rec.get("attributions", []))],
        "events": [{
            **keys, "index": i, "type": ev["type"], "mode": ev.get("mode"), "trigger": ev.get("trigger"),
            "trigger_text": _cut(text, ev.get("trigger")),
            **{f"{role}_{k}": _party(ev.get(role), src)
               for role in ("actor", "recipient")
               for k, src in (("text", "text"), ("entity", "entity"), ("country", "country"),
                              ("sector", "sector"))},
            "place": ev.get("place"), "date": ev.get("date"), "negated": ev.get("negated"),
            "hypothetical": ev.get("hypothetical"), "future": ev.get("future")}
            for i, ev in enumerate(rec.get("events", []))],
        "counts": [{**keys, "value": c["value"], "qualifier": c.get("qualifier"), "object": c.get("object"),
                    "type": c.get("type"), "span": c.get("span"), "text": _cut(text, c.get("span"))}
                   for c in rec.get("counts", [])],
        "dates": [{**keys, "value": d.get("value"), "relative": d.get("relative"), "span": d.get("span"),
                   "text": d.get("text") or _cut(text, d.get("span"))} for d in rec.get("dates", [])],
        "places": [{**keys, "name": p["name"], "geonameid": p.get("geonameid"), "country": p.get("country"),
                    "lat": p.get("lat"), "lon": p.get("lon"), "span": p.get("span"),
                    "text": _cut(text, p.get("span"))} for p in rec.get("places", [])],
    }
    return out


def write_parquet(records: Iterable[dict[str, Any]], folder: Path,
                  progress: Callable[[int], None] | None = None) -> int:
    """Write the tables into ``folder`` (created if needed); returns the number of articles."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    writers = {name: pq.ParquetWriter(folder / f"{name}.parquet", schema) for name, schema in SCHEMAS.items()}
    pending: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
    n = 0

    def flush(name: str) -> None:
        if pending[name]:
            writers[name].write_table(pa.Table.from_pylist(pending[name], schema=SCHEMAS[name]))
            pending[name] = []

    try:
        for rec in records:
            for name, rows in _rows(rec).items():
                pending[name].extend(rows)
                if len(pending[name]) >= BATCH_ROWS:
                    flush(name)
            n += 1
            if progress:
                progress(n)
        for name in SCHEMAS:
            flush(name)
    finally:
        for w in writers.values():
            w.close()
    return n
