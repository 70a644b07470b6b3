"""The merged account of one story: ``merge_story(story_id, extractions) -> Story``.

What the record holds (``storyline.records.Story``; ``Story.to_dict()`` is its JSON form):

- ``versions``: every article of the story in publication order (undated last, input order
  kept), with source, title, URL, ``duplicate_of`` (a near-copy of an earlier version, MinHash)
  and ``overlap`` (the highest content-word cosine with another version);
- ``facts``: the union of the versions' entities, attributions, events, counts, dates and
  places. Duplicates across versions are folded — same normalised name; same speaker and
  mostly the same words said; same figure of the same thing; same event type and participants;
  same date value; same place — and each fact lists every article that carries it with the
  character spans there (``StorySupport``). Whatever extractors are empty today simply
  contribute nothing: the merge is generic over the record lists;
- ``versions[i].adds``: the facts only that version carries;
- ``conflicts``: figures that disagree about the same thing across versions ("more than 200
  drones" vs "180 drones");
- ``summary``: a few sentences that together cover the main facts (greedy: story-wide term
  weight plus facts not yet covered, near-repeats skipped), each marked with its version;
- ``title`` (the earliest version's title, else the lead sentence) and the time span
  (trusted publication dates only: future and placeholder dates are flagged, not used).

``render_story(story)`` prints the record as text for ``storyline show``.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from storyline.records import (Extraction, Span, Story, StoryConflict, StoryFact, StorySentence,
                               StorySupport, StoryVersion)
from storyline.stories.features import WORD_RE, name_keys, normalise_term, term_counts, trusted_date
from storyline.stories.fingerprint import NearDuplicateIndex, minhash, shingles

SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’)\]]*|\n|$)")
OVERLAP_NEIGHBOURS = 25  # versions compared each side (in date order) for ``overlap``
QUOTE_FOLD = 0.5  # content-word Jaccard at which two attributions say the same thing
QUALIFIER_TEXT = {"exact": "", "about": "about ", "at_least": "at least ", "more_than": "more than ",
                  "at_most": "at most ", "less_than": "less than ", "range": "range "}
KIND_ORDER = ("attribution", "event", "count", "entity", "place", "date")
KIND_HEADINGS = {"attribution": "Who said what", "event": "Events", "count": "Counts",
                 "entity": "Entities", "place": "Places", "date": "Dates"}


@dataclass
class _Fact:
    kind: str
    key: str
    text: str
    detail: dict
    support: dict[str, list[Span]] = field(default_factory=dict)
    words: frozenset[str] = frozenset()

    def add(self, article_id: str, spans: Sequence[Span]) -> None:
        cur = self.support.setdefault(article_id, [])
        for s in spans:
            if s is not None and tuple(s) not in cur:
                cur.append(tuple(s))


# A story is merged again each time an article joins it, over every member: the words of a
# member's sentences and text are cached (pure functions of the text), not counted again. The
# caches hold their texts as keys: bounded to some tens of MB in a long-running writer.
@lru_cache(maxsize=1 << 14)
def _content_words(text: str) -> frozenset[str]:
    return frozenset(term_counts(text))


@lru_cache(maxsize=2048)
def _article_words(text: str) -> frozenset[str]:
    return frozenset(term_counts(text))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _slice(text: str, spans: Sequence[Span]) -> str:
    return " … ".join(text[s:e] for s, e in spans if 0 <= s < e <= len(text))


class _Facts:
    """Folds facts across versions; a fact's index is its position in ``items``."""

    def __init__(self) -> None:
        self.items: list[_Fact] = []
        self.by_key: dict[tuple[str, str], _Fact] = {}
        self.groups: dict[tuple[str, str], list[_Fact]] = {}  # fuzzy-folded facts by key

    def new(self, f: _Fact) -> _Fact:
        self.items.append(f)
        self.groups.setdefault((f.kind, f.key), []).append(f)
        return f

    def keyed(self, kind: str, key: str, text: str, article_id: str, spans: Sequence[Span],
              detail: dict | None = None) -> _Fact:
        f = self.by_key.get((kind, key))
        if f is None:
            f = self.new(_Fact(kind, key, text, detail or {}))
            self.by_key[(kind, key)] = f
        f.add(article_id, spans)
        return f

    def fuzzy(self, kind: str, key: str, text: str, article_id: str, spans: Sequence[Span],
              detail: dict, words: frozenset[str], threshold: float) -> _Fact:
        """Fold into an existing fact with the same key and mostly the same words."""
        best, best_j = None, threshold
        for f in self.groups.get((kind, key), ()):
            j = _jaccard(words, f.words)
            if j >= best_j:
                best, best_j = f, j
        if best is None:
            best = self.new(_Fact(kind, key, text, detail, words=words))
        best.add(article_id, spans)
        return best


def _entity_names(exts: Sequence[Extraction]) -> dict[str, str]:
    """Story-wide canonical key per name key: a surname alone folds into the one full name."""
    full: dict[str, Counter[str]] = {}
    for ext in exts:
        for e in ext.entities:
            keys = name_keys(e.name, e.type)
            if len(keys) == 2:  # person with a surname key
                full.setdefault(keys[1], Counter())[keys[0]] += 1
    canon = {}
    for surname, names in full.items():
        if len(names) == 1:
            canon[surname] = next(iter(names))
    return canon


def _canon(name: str, label: str, canon: dict[str, str]) -> str:
    keys = name_keys(name, label)
    if not keys:
        return name.lower()
    return canon.get(keys[0], keys[0])


def merge_story(story_id: str, extractions: Sequence[Extraction], *, summary_sentences: int = 3,
                today: dt.date | None = None) -> Story:
    """Fold the versions of one story into a single account with per-fact provenance."""
    today = today or dt.date.today()
    exts = _ordered(extractions, today)
    canon = _entity_names(exts)
    facts = _Facts()
    flags: set[str] = set()
    ent_key: dict[tuple[str, str], str] = {}  # (article id, entity id) -> canonical key
    shown: dict[str, str] = {}  # canonical key -> the name as written (longest form seen)

    for ext in exts:
        a, text = ext.article, ext.article.text or ""
        _, f = trusted_date(a.published, today)
        flags.update(f)
        for e in ext.entities:
            key = _canon(e.name, e.type, canon)
            ent_key[(a.id, e.id)] = key
            if len(e.name) > len(shown.get(key, "")):
                shown[key] = e.name
            fact = facts.keyed("entity", f"{e.type}:{key}", e.name, a.id, e.mentions,
                               {"type": e.type})
            if len(e.name) > len(fact.text) and e.type == fact.detail.get("type"):
                fact.text = e.name
        for x in ext.attributions:
            content = _slice(text, x.content)
            speaker = ent_key.get((a.id, x.source_entity)) if x.source_entity else None
            speaker_name = None  # filled from ``shown`` once every version is read
            if speaker is None and x.source is not None:
                written = " ".join(text[x.source[0]:x.source[1]].split())
                speaker = " ".join(WORD_RE.findall(written)).lower() or None
                speaker_name = written or None
            spans = list(x.content) + [s for s in (x.cue, x.source) if s is not None]
            facts.fuzzy("attribution", speaker or "-", content, a.id, spans,
                        {"attribution_kind": x.kind, "speaker": speaker,
                         "speaker_name": speaker_name, "source_type": x.source_type,
                         "act": x.act},
                        _content_words(content), QUOTE_FOLD)
        for c in ext.counts:
            head = _head(c.object)
            key = f"{c.type or '-'}:{head}:{c.qualifier}:{c.value}"
            facts.keyed("count", key, text[c.span[0]:c.span[1]] or f"{c.value} {c.object}", a.id,
                        [c.span], {"value": c.value, "qualifier": c.qualifier, "object": c.object,
                                   "count_type": c.type, "about": f"{c.type or '-'}:{head}"})
        for d in ext.dates:
            key = d.value or d.text.lower()
            facts.keyed("date", key, d.text, a.id, [d.span], {"value": d.value})
        for p in ext.places:
            key = str(p.geonameid) if p.geonameid is not None else _canon(p.name, "GPE", canon)
            facts.keyed("place", key, p.name, a.id, [p.span],
                        {"geonameid": p.geonameid, "country": p.country})
        for ev in ext.events:
            actors = sorted(_actor_key(x, a.id, ent_key, canon) for x in ev.actor)
            recips = sorted(_actor_key(x, a.id, ent_key, canon) for x in ev.recipient)
            for x in (*ev.actor, *ev.recipient):
                k = _actor_key(x, a.id, ent_key, canon)
                if k not in shown and x.text:
                    shown[k] = " ".join(x.text.split())
            ids = {i for x in (*ev.actor, *ev.recipient) for i in _actor_ids(x, a.id, ent_key, canon)}
            date = ext.dates[ev.date].value if ev.date is not None and ev.date < len(ext.dates) else None
            spans = [ev.trigger] + [x.span for x in (*ev.actor, *ev.recipient) if x.span]
            same = [f for f in facts.groups.get(("event", ev.type), ())
                    if (not ids or not f.detail["ids"] or ids & f.detail["ids"])
                    and (date is None or f.detail["date"] in (None, date))
                    and (ev.mode is None or f.detail["mode"] in (None, ev.mode))
                    and f.detail["negated"] == ev.negated
                    and f.detail["hypothetical"] == ev.hypothetical]
            if same:  # the same event told again (a date known on one side only still folds)
                f = same[0]
                f.add(a.id, spans)
                f.detail["date"] = f.detail["date"] or date
                f.detail["mode"] = f.detail["mode"] or ev.mode
                f.detail["ids"] = f.detail["ids"] | ids
                f.detail["actors"] = sorted(set(f.detail["actors"]) | set(actors))
                f.detail["recipients"] = sorted(set(f.detail["recipients"]) | set(recips))
            else:
                f = _Fact("event", ev.type, _sentence_at(text, ev.trigger),
                          {"type": ev.type, "mode": ev.mode, "actors": actors,
                           "recipients": recips, "date": date, "negated": ev.negated,
                           "hypothetical": ev.hypothetical, "future": ev.future, "ids": ids})
                f.add(a.id, spans)
                facts.new(f)

    for f in facts.items:  # keys stay internal; the record also carries names as written
        if f.kind == "event":
            f.detail["actor_names"] = [shown.get(k, k) for k in f.detail["actors"]]
            f.detail["recipient_names"] = [shown.get(k, k) for k in f.detail["recipients"]]
        elif f.kind == "attribution" and f.detail.get("speaker"):
            sp = f.detail["speaker"]  # an entity: its fullest name; else the source as written
            f.detail["speaker_name"] = shown.get(sp) or f.detail.get("speaker_name") or sp
    items = sorted(facts.items, key=lambda f: (KIND_ORDER.index(f.kind), -len(f.support)))
    out_facts = tuple(
        StoryFact(f.kind, f.key, f.text,
                  tuple(StorySupport(aid, tuple(sorted(sp))) for aid, sp in f.support.items()),
                  tuple((k, v) for k, v in f.detail.items() if k not in ("about", "ids")))
        for f in items)
    conflicts = _conflicts(items)
    versions = _versions(exts, items, today)
    summary = _summary(exts, items, summary_sentences)
    dates = [d for d in (trusted_date(e.article.published, today)[0] for e in exts) if d]
    title = next((e.article.title for e in exts if e.article.title), None)
    if title is None and summary:
        title = summary[0].text if len(summary[0].text) <= 120 else summary[0].text[:117] + "…"
    return Story(id=story_id, title=title, start=min(dates) if dates else None,
                 end=max(dates) if dates else None, summary=summary, versions=versions,
                 facts=out_facts, conflicts=conflicts, flags=tuple(sorted(flags)))


def _ordered(exts: Sequence[Extraction], today: dt.date) -> list[Extraction]:
    def key(ie: tuple[int, Extraction]) -> tuple:
        d = trusted_date(ie[1].article.published, today)[0]
        return (d is None, d or dt.date.min, ie[0])

    return [e for _, e in sorted(enumerate(exts), key=key)]


def _head(obj: str) -> str:
    words = [normalise_term(w) for w in WORD_RE.findall(obj or "")]
    words = [w for w in words if w]
    return words[-1] if words else (obj or "").lower()


def _actor_key(x, article_id: str, ent_key: dict, canon: dict) -> str:
    if x.entity and (article_id, x.entity) in ent_key:
        return ent_key[(article_id, x.entity)]
    if x.country:
        return x.country
    return _canon(x.text, "ORG", canon)


def _actor_ids(x, article_id: str, ent_key: dict, canon: dict) -> set[str]:
    ids = {_actor_key(x, article_id, ent_key, canon)}
    if x.country:
        ids.add(x.country)
    return ids


def _sentence_at(text: str, span: Span) -> str:
    for m in SENTENCE_RE.finditer(text):
        if m.start() <= span[0] < m.end():
            return m.group().strip()
    return text[span[0]:span[1]]


def _conflicts(items: list[_Fact]) -> tuple[StoryConflict, ...]:
    groups: dict[str, list[int]] = {}
    for i, f in enumerate(items):
        if f.kind == "count":
            groups.setdefault(f.detail["about"], []).append(i)
    out = []
    for about, idx in groups.items():
        values = {(items[i].detail["qualifier"], items[i].detail["value"]) for i in idx}
        if len(values) < 2:
            continue
        arts = {a for i in idx for a in items[i].support}
        if len(arts) < 2:  # one article giving two figures is not a disagreement between versions
            continue
        out.append(StoryConflict(
            "count", items[idx[0]].detail["object"] or about.split(":", 1)[1], tuple(idx),
            tuple(f"{QUALIFIER_TEXT.get(items[i].detail['qualifier'], '')}{items[i].detail['value']}"
                  for i in idx)))
    return tuple(out)


@lru_cache(maxsize=1 << 13)
def _overlap(a: str, b: str) -> float:
    """Cosine of two texts' term vectors (symmetric: cached once for both orders)."""
    if b < a:
        return _overlap(b, a)
    va, vb = _vector(a), _vector(b)
    if len(vb) < len(va):
        va, vb = vb, va
    return sum(x * vb.get(t, 0.0) for t, x in va.items())


@lru_cache(maxsize=2048)
def _vector(text: str) -> MappingProxyType[str, float]:
    c = term_counts(text)
    v = {t: 1 + math.log(x) for t, x in c.items()}
    n = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return MappingProxyType({t: x / n for t, x in v.items()})


def _versions(exts: list[Extraction], items: list[_Fact], today: dt.date) -> tuple[StoryVersion, ...]:
    dups = NearDuplicateIndex()
    only: dict[str, list[int]] = {}
    for k, f in enumerate(items):
        if len(f.support) == 1:
            only.setdefault(next(iter(f.support)), []).append(k)
    texts = [(e.article.title or "") + "\n" + (e.article.text or "") for e in exts]
    out = []
    for i, e in enumerate(exts):
        a = e.article
        sh = shingles((a.title or "") + "\n" + (a.text or ""))
        dup = dups.add(a.id, minhash(sh) if sh else None)
        near = range(max(0, i - OVERLAP_NEIGHBOURS), min(len(exts), i + OVERLAP_NEIGHBOURS + 1))
        overlap = max((_overlap(texts[i], texts[j]) for j in near if j != i), default=0.0)
        adds = tuple(only.get(a.id, ())) if len(exts) > 1 else ()
        out.append(StoryVersion(a.id, a.title, a.source, trusted_date(a.published, today)[0], a.url,
                                dup, overlap, adds))
    return tuple(out)


def _summary(exts: list[Extraction], items: list[_Fact], k: int) -> tuple[StorySentence, ...]:
    """Greedy extractive summary: central sentences that cover facts not yet covered."""
    weight: Counter[str] = Counter()
    for e in exts:
        weight.update(_article_words((e.article.title or "") + "\n" + (e.article.text or "")))
    spans_of: dict[str, list[tuple[int, int, int]]] = {}  # article -> (start, end, fact)
    for i, f in enumerate(items):
        if f.kind != "entity":
            for aid, spans in f.support.items():
                spans_of.setdefault(aid, []).extend((a, b, i) for a, b in spans)
    cands = []  # (article id, span, text, words, facts inside, version position)
    for pos, e in enumerate(exts):
        text = e.article.text or ""
        mine = spans_of.get(e.article.id, [])
        for m in SENTENCE_RE.finditer(text):
            s = m.group().strip()
            if len(s) < 20:
                continue
            start = m.start() + (len(m.group()) - len(m.group().lstrip()))
            span = (start, start + len(s))
            inside = {i for a, b, i in mine if span[0] <= a and b <= span[1]}
            cands.append((e.article.id, span, s, _content_words(s), inside, pos))
    chosen: list = []
    covered: set[int] = set()
    while cands and len(chosen) < k:
        def gain(c) -> float:
            central = sum(weight[w] for w in c[3]) / math.sqrt(len(c[3]) + 1)
            new = len(c[4] - covered)
            return central + 2.0 * new - 0.01 * c[5]
        best = max(cands, key=gain)
        cands.remove(best)
        if any(_jaccard(best[3], c[3]) > 0.5 for c in chosen):
            continue
        chosen.append(best)
        covered |= best[4]
    chosen.sort(key=lambda c: ([e.article.id for e in exts].index(c[0]), c[1][0]))
    return tuple(StorySentence(c[2], c[0], c[1]) for c in chosen)


def render_story(story: Story) -> str:
    """A plain-text account for ``storyline show STORY``."""
    lines = [f"Story {story.id}: {story.title or '(untitled)'}"]
    if story.start:
        span = story.start.isoformat() + ("" if story.end == story.start else f" – {story.end.isoformat()}")
        lines.append(f"When: {span}")
    lines.append(f"Versions: {len(story.versions)}")
    lines.append("")
    if story.summary:
        lines.append("Summary:")
        for s in story.summary:
            lines.append(f"  - {s.text}  [{s.article_id}]")
        lines.append("")
    lines.append("Versions:")
    for v in story.versions:
        bits = [v.source or "unknown source", v.published.isoformat() if v.published else "undated"]
        if v.duplicate_of:
            bits.append(f"copy of {v.duplicate_of}")
        lines.append(f"  [{v.article_id}] {v.title or '(no title)'} ({', '.join(bits)})")
        if v.adds:
            adds = [story.facts[i] for i in v.adds if story.facts[i].kind != "date"]
            for f in adds[:8]:
                lines.append(f"      + only here: {f.kind}: {_label(f)}")
            if len(adds) > 8:
                lines.append(f"      + {len(adds) - 8} more")
    lines.append("")
    for kind in KIND_ORDER:
        fs = [f for f in story.facts if f.kind == kind]
        if not fs:
            continue
        lines.append(f"{KIND_HEADINGS[kind]} ({len(fs)}):")
        for f in fs:
            lines.append(f"  - {_label(f)}  [{', '.join(f.article_ids)}]")
        lines.append("")
    if story.conflicts:
        lines.append("Conflicting figures:")
        for c in story.conflicts:
            srcs = [", ".join(story.facts[i].article_ids) for i in c.facts]
            lines.append(f"  ! {c.about}: " + " vs ".join(f"{v} [{s}]" for v, s in zip(c.values, srcs)))
    if story.flags:
        lines.append(f"Flags: {', '.join(story.flags)}")
    return "\n".join(lines).rstrip() + "\n"


def _label(f: StoryFact) -> str:
    d = dict(f.detail)
    if f.kind == "event":
        mode = f"/{d['mode']}" if d.get("mode") else ""
        who = ", ".join(d.get("actor_names") or d.get("actors") or [])
        to = ", ".join(d.get("recipient_names") or d.get("recipients") or [])
        flags = [k for k in ("negated", "hypothetical", "future") if d.get(k)]
        head = f"{d['type']}{mode}" + (f" {who}" if who else "") + (f" → {to}" if to else "")
        head += f" ({d['date']})" if d.get("date") else ""
        head += f" [{', '.join(flags)}]" if flags else ""
        return f"{head}: {_short(f.text, 80)}"
    if f.kind == "attribution" and (d.get("speaker_name") or d.get("speaker")):
        return f"{_short(f.text)} — {d.get('speaker_name') or d['speaker']}"
    if f.kind == "date" and d.get("value"):
        return f"{f.text} = {d['value']}"
    return _short(f.text)


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
