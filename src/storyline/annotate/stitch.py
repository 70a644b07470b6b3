"""The records of a long text's pieces put back together, offsets into the whole text.

Each piece (storyline.annotate.chunks) is parsed and extracted as a short text of its own; here
its spans move by the piece's start, its indices (``nested_in``, an event's ``place`` and
``date``) by the records of the pieces before it, and entities of the same name and type in
several pieces become one entity (ids renumbered "e1", "e2", ... in the order the pieces list them).
Records inside one piece are exactly those of the piece on its own.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from storyline.records import Actor, Article, Attribution, Entity, Event, Extraction, Span

__all__ = ["stitch"]


def _shift(span: Span | None, by: int) -> Span | None:
    return None if span is None else (span[0] + by, span[1] + by)


def stitch(article: Article, parts: Sequence[tuple[int, Extraction]]) -> Extraction:
    """One Extraction of ``article`` from (piece start, piece extraction) pairs in text order."""
    if len(parts) == 1 and parts[0][0] == 0:
        return replace(parts[0][1], article=article)
    names: dict[tuple[str, str], int] = {}  # (name, type) -> index into merged
    merged: list[dict] = []
    attributions: list[Attribution] = []
    events: list[Event] = []
    counts, dates, places = [], [], []
    for offset, part in parts:
        ids: dict[str, str] = {}
        for e in part.entities:
            key = (e.name, e.type)
            if key not in names:
                names[key] = len(merged)
                merged.append({"name": e.name, "type": e.type, "mentions": [], "aliases": [], "titles": []})
            m = merged[names[key]]
            ids[e.id] = f"e{names[key] + 1}"
            m["mentions"].extend(_shift(s, offset) for s in e.mentions)
            m["aliases"].extend(a for a in e.aliases if a not in m["aliases"])
            m["titles"].extend(t for t in e.titles if t not in m["titles"])
        base_attr, base_place, base_date = len(attributions), len(places), len(dates)
        attributions.extend(replace(
            a, content=tuple(_shift(s, offset) for s in a.content), cue=_shift(a.cue, offset),
            source=_shift(a.source, offset), source_entity=ids.get(a.source_entity) if a.source_entity else None,
            nested_in=None if a.nested_in is None else a.nested_in + base_attr) for a in part.attributions)

        def actor(x: Actor, offset=offset, ids=ids) -> Actor:
            return replace(x, span=_shift(x.span, offset), entity=ids.get(x.entity) if x.entity else None)

        events.extend(replace(
            ev, trigger=_shift(ev.trigger, offset), actor=tuple(actor(x) for x in ev.actor),
            recipient=tuple(actor(x) for x in ev.recipient),
            place=None if ev.place is None else ev.place + base_place,
            date=None if ev.date is None else ev.date + base_date) for ev in part.events)
        counts.extend(replace(c, span=_shift(c.span, offset)) for c in part.counts)
        dates.extend(replace(d, span=_shift(d.span, offset)) for d in part.dates)
        places.extend(replace(p, span=_shift(p.span, offset)) for p in part.places)
    entities = tuple(Entity(id=f"e{i + 1}", name=m["name"], type=m["type"], mentions=tuple(m["mentions"]),
                            aliases=tuple(m["aliases"]), titles=tuple(m["titles"]))
                     for i, m in enumerate(merged))
    return Extraction(article=article, entities=entities, attributions=tuple(attributions),
                      events=tuple(events), counts=tuple(counts), dates=tuple(dates), places=tuple(places))
