"""The record types every stage reads and writes: frozen dataclasses, one module.

Offsets are Python string indices (code points) into ``Article.text``, end exclusive.
``Extraction.to_contract()`` is the one place that turns records into the machine-readable
output described in docs/contract.md (PRODUCT.md, "Machine-readable output").
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
ATTRIBUTION_KINDS = ("direct", "indirect", "mixed", "according_to")
ATTRIBUTION_ACTS = ("speech", "thought", "perception", "other")
SOURCE_TYPES = ("person", "organization", "government", "media", "social_media", "document", "unnamed")
QUALIFIERS = ("exact", "about", "at_least", "more_than", "at_most", "less_than", "range")


@dataclass(frozen=True)
class Article:
    """One news article as ingested. ``text`` is what every offset indexes into."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None  # the file it came from, for messages and provenance

    @property
    def content_hash(self) -> str:
        """Identity for idempotent re-ingest: the same title and text are the same article."""
        h = hashlib.sha256()
        h.update((self.title or "").encode("utf-8"))
        h.update(b"\x00")
        h.update(self.text.encode("utf-8"))
        return h.hexdigest()


@dataclass(frozen=True)
class Entity:
    id: str  # "e1", "e2", ... unique within one article
    name: str  # the fullest name: "Volodymyr Zelensky"
    type: str  # spaCy label: PERSON, ORG, GPE, LOC, NORP, FAC, PRODUCT, ...
    mentions: tuple[Span, ...]
    aliases: tuple[str, ...] = ()  # other surface forms seen: "Zelensky", "the Ukrainian president"
    titles: tuple[str, ...] = ()  # titles and roles kept: "Ukrainian President"


@dataclass(frozen=True)
class Attribution:
    kind: str  # one of ATTRIBUTION_KINDS
    content: tuple[Span, ...]
    cue: Span | None
    source: Span | None
    source_entity: str | None
    source_type: str  # one of SOURCE_TYPES
    nested_in: int | None = None
    act: str = "speech"  # one of ATTRIBUTION_ACTS: said, believed, perceived, or other


@dataclass(frozen=True)
class Actor:
    text: str
    entity: str | None = None
    span: Span | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # GOV, MIL, MED, REB, IGO, BUS, CVL, ...


@dataclass(frozen=True)
class Event:
    type: str  # one of PLOVER_TYPES
    trigger: Span
    mode: str | None = None
    actor: tuple[Actor, ...] = ()
    recipient: tuple[Actor, ...] = ()
    place: int | None = None  # index into Extraction.places
    date: int | None = None  # index into Extraction.dates
    negated: bool = False
    hypothetical: bool = False
    future: bool = False


@dataclass(frozen=True)
class Count:
    value: float | int
    qualifier: str  # one of QUALIFIERS
    object: str
    span: Span
    type: str | None = None  # killed, wounded, arrested, shot_down, ...


@dataclass(frozen=True)
class DateValue:
    span: Span
    text: str
    value: str | None  # TimeML DATE value, None when unresolved
    relative: bool


@dataclass(frozen=True)
class Place:
    span: Span
    name: str
    geonameid: int | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # "country", "admin1", "city", ... when known


@dataclass(frozen=True)
class Extraction:
    """Everything storyline knows about one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    events: tuple[Event, ...] = ()
    counts: tuple[Count, ...] = ()
    dates: tuple[DateValue, ...] = ()
    places: tuple[Place, ...] = ()

    def to_contract(self) -> dict[str, Any]:
        a = self.article
        return {
            "id": a.id,
            "title": a.title,
            "published": a.published.isoformat() if a.published else None,
            "source": a.source,
            "url": a.url,
            "text": a.text,
            "entities": [
                {"id": e.id, "name": e.name, "type": e.type, "mentions": [list(m) for m in e.mentions]}
                for e in self.entities
            ],
            "attributions": [
                {
                    "kind": x.kind,
                    "content": [list(s) for s in x.content],
                    "cue": _span(x.cue),
                    "source": _span(x.source),
                    "source_entity": x.source_entity,
                    "source_type": x.source_type,
                    "nested_in": x.nested_in,
                    "act": x.act,
                }
                for x in self.attributions
            ],
            "events": [_event(ev) for ev in self.events],
            "counts": [
                {"value": c.value, "qualifier": c.qualifier, "object": c.object, "type": c.type,
                 "span": list(c.span)}
                for c in self.counts
            ],
            "dates": [
                {"span": list(d.span), "text": d.text, "value": d.value, "relative": d.relative}
                for d in self.dates
            ],
            "places": [
                {"span": list(p.span), "name": p.name, "geonameid": p.geonameid, "country": p.country,
                 "lat": p.lat, "lon": p.lon}
                for p in self.places
            ],
        }


    @classmethod
    def from_contract(cls, d: dict[str, Any]) -> "Extraction":
        """The inverse of ``to_contract`` (stored records back into records)."""
        pub = d.get("published")
        article = Article(id=d["id"], text=d["text"], title=d.get("title"),
                          published=dt.date.fromisoformat(pub) if pub else None,
                          source=d.get("source"), url=d.get("url"))
        return cls(
            article=article,
            entities=tuple(Entity(id=e["id"], name=e["name"], type=e["type"],
                                  mentions=tuple(tuple(m) for m in e["mentions"]))
                           for e in d.get("entities", [])),
            attributions=tuple(Attribution(kind=x["kind"], content=tuple(tuple(s) for s in x["content"]),
                                           cue=_tuple(x.get("cue")), source=_tuple(x.get("source")),
                                           source_entity=x.get("source_entity"),
                                           source_type=x["source_type"], nested_in=x.get("nested_in"),
                                           act=x.get("act", "speech"))
                               for x in d.get("attributions", [])),
            events=tuple(Event(type=ev["type"], trigger=tuple(ev["trigger"]), mode=ev.get("mode"),
                               actor=tuple(_actor_from(x) for x in ev.get("actor", [])),
                               recipient=tuple(_actor_from(x) for x in ev.get("recipient", [])),
                               place=ev.get("place"), date=ev.get("date"),
                               negated=ev.get("negated", False), hypothetical=ev.get("hypothetical", False),
                               future=ev.get("future", False))
                         for ev in d.get("events", [])),
            counts=tuple(Count(value=c["value"], qualifier=c["qualifier"], object=c["object"],
                               span=tuple(c["span"]), type=c.get("type")) for c in d.get("counts", [])),
            dates=tuple(DateValue(span=tuple(x["span"]), text=x["text"], value=x.get("value"),
                                  relative=x["relative"]) for x in d.get("dates", [])),
            places=tuple(Place(span=tuple(p["span"]), name=p["name"], geonameid=p.get("geonameid"),
                               country=p.get("country"), lat=p.get("lat"), lon=p.get("lon"))
                         for p in d.get("places", [])),
        )


def _tuple(s: list[int] | None) -> Span | None:
    return tuple(s) if s is not None else None  # type: ignore[return-value]


def _actor_from(x: dict[str, Any]) -> Actor:
    return Actor(text=x["text"], entity=x.get("entity"), span=_tuple(x.get("span")),
                 country=x.get("country"), sector=x.get("sector"))


def _span(s: Span | None) -> list[int] | None:
    return list(s) if s is not None else None


def _actor(x: Actor) -> dict[str, Any]:
    return {"entity": x.entity, "span": _span(x.span), "text": x.text, "country": x.country,
            "sector": x.sector}


def _event(ev: Event) -> dict[str, Any]:
    d = asdict(ev)
    d["trigger"] = list(ev.trigger)
    d["actor"] = [_actor(x) for x in ev.actor]
    d["recipient"] = [_actor(x) for x in ev.recipient]
    return d


@dataclass(frozen=True)
class StoryAssignment:
    """Where the clustering put one article (the `storyline cluster` record)."""

    article_id: str
    story: str
    duplicate_of: str | None = None
    flags: tuple[str, ...] = field(default=())  # e.g. "future_date"


# ---- stories (the merged account of one story; storyline.stories.merge builds these) ----
@dataclass(frozen=True)
class StorySupport:
    """Where one version carries a fact: the article and the character spans in its text."""

    article_id: str
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class StoryFact:
    """One fact of the story, folded across versions, with every article that supports it."""

    kind: str  # "entity" | "attribution" | "event" | "count" | "date" | "place"
    key: str  # the normalised identity duplicates were folded on
    text: str  # how it reads (from the first supporting version)
    support: tuple[StorySupport, ...]
    detail: tuple[tuple[str, Any], ...] = ()  # kind-specific fields: speaker, value, type...

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(s.article_id for s in self.support)


@dataclass(frozen=True)
class StorySentence:
    """A sentence of the extractive summary, marked with the version it came from."""

    text: str
    article_id: str
    span: Span


@dataclass(frozen=True)
class StoryConflict:
    """Versions that disagree on a figure ("more than 200 drones" vs "180 drones")."""

    kind: str  # "count"
    about: str  # what the figures count: "drones"
    facts: tuple[int, ...]  # indices into Story.facts
    values: tuple[str, ...]  # the figures as read: "more than 200", "180"


@dataclass(frozen=True)
class StoryVersion:
    article_id: str
    title: str | None
    source: str | None
    published: dt.date | None
    url: str | None = None
    duplicate_of: str | None = None  # an earlier version this one copies
    overlap: float = 0.0  # highest content-word cosine with another version (1.0 = same words)
    adds: tuple[int, ...] = ()  # indices into Story.facts that no other version carries


@dataclass(frozen=True)
class Story:
    id: str
    title: str | None
    start: dt.date | None
    end: dt.date | None
    summary: tuple[StorySentence, ...]
    versions: tuple[StoryVersion, ...]
    facts: tuple[StoryFact, ...]
    conflicts: tuple[StoryConflict, ...] = ()
    flags: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        def fact(f: StoryFact) -> dict[str, Any]:
            return {"kind": f.kind, "key": f.key, "text": f.text, **dict(f.detail),
                    "support": [{"article_id": s.article_id, "spans": [list(x) for x in s.spans]}
                                for s in f.support]}

        return {
            "id": self.id,
            "title": self.title,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "summary": [{"text": s.text, "article_id": s.article_id, "span": list(s.span)}
                        for s in self.summary],
            "versions": [
                {"article_id": v.article_id, "title": v.title, "source": v.source,
                 "published": v.published.isoformat() if v.published else None, "url": v.url,
                 "duplicate_of": v.duplicate_of, "overlap": round(v.overlap, 4),
                 "adds": list(v.adds)}
                for v in self.versions
            ],
            "facts": [fact(f) for f in self.facts],
            "conflicts": [{"kind": c.kind, "about": c.about, "facts": list(c.facts),
                           "values": list(c.values)} for c in self.conflicts],
            "flags": list(self.flags),
        }
