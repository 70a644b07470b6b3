"""What the clusterer keeps per story and per remembered member, and their plain JSON form.

- ``StoryProfile``: a story's summed unit vectors per channel (its heaviest keys only), size,
  first and last trusted dates, last arrival, the keys it is indexed under, whether it is live,
  a cached norm, its latest members (for the split test) and their pair similarities.
- ``Member``: what a story remembers of one of its latest members: per channel its heaviest
  keys, their share of the member's unit vector and their TF-IDF weight on arrival.
- ``profile_to_json`` / ``profile_from_json``, ``norms_to_json`` / ``norms_from_json``,
  ``member_to_json`` / ``member_from_json``: plain
  JSON (lists, numbers, strings), exact in both directions (float64 and float32 values survive
  the round trip), so a store-backed clusterer decides exactly as the in-memory one. Reading
  JSON never runs code; a malformed value raises ``ValueError``.
"""
from __future__ import annotations

import datetime as dt
import json
from array import array
from dataclasses import dataclass, field
from typing import Any

import numpy as np

CHANNELS = ("terms", "names", "lead", "numbers")


@dataclass(slots=True)
class Member:
    """One of a story's latest members (compact arrays: a story remembers up to
    ``split_members``). ``seq`` is its arrival number in the stream."""

    id: str
    date: dt.date | None
    keys: dict[str, tuple[str, ...]]
    unit: dict[str, array]
    vecs: dict[str, array]
    emb: np.ndarray | None = None  # unit sentence embedding (embeddings extra only)
    seq: int = 0

    def unit_vecs(self) -> dict[str, dict[str, float]]:
        return {ch: dict(zip(ks, self.unit[ch])) for ch, ks in self.keys.items()}


@dataclass(slots=True)
class StoryProfile:
    id: str
    vecs: dict[str, dict[str, float]] = field(default_factory=lambda: {c: {} for c in CHANNELS})
    size: int = 0
    first: dt.date | None = None
    last: dt.date | None = None
    last_seq: int = 0
    indexed: set[str] = field(default_factory=set)  # keys currently in the inverted index
    live: bool = True
    norms: tuple | None = None  # (size, n_docs, channel -> TF-IDF norm) when last computed
    recent: list[Member] = field(default_factory=list)  # latest ``split_members`` members
    sims: list[list[float]] = field(default_factory=list)  # pair similarities of ``recent``
    emb: np.ndarray | None = None  # sum of the members' unit embeddings (embeddings extra only)
    unread: list[int] | None = None  # arrival numbers of ``recent`` when not read yet (store)


def _day(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _undate(s: Any) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def _vector(x: Any) -> np.ndarray | None:
    return None if x is None else np.asarray(x, dtype=np.float32)


def profile_to_json(p: StoryProfile) -> str:
    return json.dumps({
        "vecs": p.vecs, "size": p.size, "first": _day(p.first), "last": _day(p.last),
        "last_seq": p.last_seq, "indexed": sorted(p.indexed), "live": p.live, "recent": p.unread if p.unread is not None else [m.seq for m in p.recent],
        "sims": p.sims, "emb": p.emb.tolist() if p.emb is not None else None,
    }, separators=(",", ":"))


def norms_to_json(norms: tuple) -> tuple[int, int, str]:
    """A profile's cached norms as (size, n_docs, JSON of channel -> norm): kept in a row of
    their own, so that refreshing them does not rewrite the profile."""
    size, n_docs, by_channel = norms
    return int(size), int(n_docs), json.dumps(by_channel, separators=(",", ":"))


def norms_from_json(size: Any, n_docs: Any, text: str | None) -> tuple | None:
    if text is None:
        return None
    try:
        return int(size), int(n_docs), {str(ch): float(x) for ch, x in json.loads(text).items()}
    except (ValueError, TypeError, AttributeError) as e:
        raise ValueError(f"unreadable norms ({type(e).__name__}: {e})") from e


def profile_from_json(story_id: str, text: str, members: dict[int, Member] | None = None,
                      norms: tuple | None = None) -> StoryProfile:
    """The profile stored as ``text``, with its cached ``norms`` (``norms_from_json``; None to
    compute them afresh); ``members`` maps arrival numbers to remembered members (every number
    in the profile's ``recent`` must be there). Without ``members`` the profile comes with
    ``recent`` empty and the numbers in ``unread``: scoring a candidate needs none of them, and
    the state reads them when the story grows (``recall``)."""
    try:
        d = json.loads(text)
        return StoryProfile(
            id=story_id, vecs={ch: {str(k): float(w) for k, w in d["vecs"][ch].items()} for ch in CHANNELS},
            size=int(d["size"]), first=_undate(d["first"]), last=_undate(d["last"]),
            last_seq=int(d["last_seq"]), indexed=set(d["indexed"]), live=bool(d["live"]),
            norms=norms,
            recent=[members[int(q)] for q in d["recent"]] if members is not None else [],
            unread=None if members is not None else [int(q) for q in d["recent"]],
            sims=[[float(x) for x in row] for row in d["sims"]], emb=_vector(d["emb"]))
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as e:
        raise ValueError(f"story {story_id}: unreadable clustering profile ({type(e).__name__}: {e})") from e


def recent_of(text: str) -> list[int]:
    """The arrival numbers of the members a stored profile remembers."""
    return [int(q) for q in json.loads(text)["recent"]]


def member_to_json(m: Member) -> str:
    return json.dumps({"keys": {ch: list(ks) for ch, ks in m.keys.items()},
                       "unit": {ch: a.tolist() for ch, a in m.unit.items()},
                       "vecs": {ch: a.tolist() for ch, a in m.vecs.items()},
                       "emb": m.emb.tolist() if m.emb is not None else None}, separators=(",", ":"))


def member_from_json(seq: int, article_id: str, day: str | None, text: str) -> Member:
    try:
        d = json.loads(text)
        return Member(id=article_id, date=_undate(day),
                      keys={ch: tuple(str(k) for k in ks) for ch, ks in d["keys"].items()},
                      unit={ch: array("f", v) for ch, v in d["unit"].items()},
                      vecs={ch: array("f", v) for ch, v in d["vecs"].items()},
                      emb=_vector(d["emb"]), seq=seq)
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise ValueError(f"article {article_id} (arrival {seq}): unreadable clustering features "
                         f"({type(e).__name__}: {e})") from e
