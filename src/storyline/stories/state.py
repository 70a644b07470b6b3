"""Where the streaming clusterer keeps its state: ``MemoryState`` here, store rows elsewhere.

The clusterer (``stories.cluster``) reads and changes its state only through these methods, so
the same decisions are made whether the state lives in dicts (``storyline cluster``, the
evaluation, tests) or in the store's rows (``storyline.store.story_state.StoreState``, what
``ingest`` uses: shared by concurrent ingesters, bounded memory).

Counters: ``n_docs`` (articles counted for document frequencies), ``seq`` (arrivals),
``clock`` (the latest trusted date seen).

- ``count(chans)``: one more document, its keys per channel counted once each.
- ``uncount(chans)``: one document fewer (a deleted article), its keys counted down once each.
- ``df(channel, keys) -> {key: document frequency}``.
- ``new_story() -> StoryProfile`` with a fresh id; ``story(id) -> StoryProfile``;
  ``load(ids)`` fetches several at once ahead of ``story``; ``recall(profile)`` reads the
  members it remembers before it grows (a store reads them on demand); ``changed(profile)``
  says a profile was changed in place and must be kept; ``renormed(profile)`` says only its
  cached norms were recomputed (a store keeps them apart, so the profile is not rewritten).
- ``story_of(article_id) -> story id | None``; ``assign(article_id, story_id)``.
- ``posted(keys, day) -> {key: [story ids, oldest posting first]}`` (at most ``posting_cap``
  each; of the stories in the live window of an article of that date);
  ``index(profile, keys)`` (re)posts a story under ``keys`` at the recent end and withdraws it
  from the keys it no longer has; ``unindex(profile)`` withdraws it from all.
- ``schedule(profile, by_date, by_seq)``: the story grew or split (when it may retire);
  ``due(day, seq) -> [profiles]``: live stories whose last trusted date is before ``day`` (an
  ordinal; ``None`` for no date check) or whose last arrival is before ``seq``.
- ``duplicate(article_id, signature) -> earlier article id | None``: near-copy lookup, and the
  article's signature is indexed.
- ``remembered(member)``: a member's split features were created (the store keeps them).
"""
from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable

from storyline.stories.fingerprint import NearDuplicateIndex
from storyline.stories.profile import CHANNELS, Member, StoryProfile


class MemoryState:
    """All state in dicts and heaps: what one process needs for one stream."""

    def __init__(self, *, posting_cap: int = 64, threshold: float = 0.7, num_perm: int = 64,
                 num_bands: int = 16):
        self.n_docs = 0
        self.seq = 0
        self.clock: dt.date | None = None
        self.posting_cap = posting_cap
        self.dfs: dict[str, dict[str, int]] = {ch: {} for ch in CHANNELS}
        self.stories: dict[str, StoryProfile] = {}
        self.story_map: dict[str, str] = {}
        self.postings: dict[str, dict[str, None]] = {}  # key -> story ids, oldest first
        self.dups = NearDuplicateIndex(threshold=threshold, num_perm=num_perm, num_bands=num_bands)
        self._next_story = 1
        self._date_heap: list[tuple[int, int, str]] = []
        self._seq_heap: list[tuple[int, str]] = []

    # ---- counts --------------------------------------------------------------------------
    def count(self, chans: dict[str, dict[str, float]]) -> None:
        self.n_docs += 1
        for ch, v in chans.items():
            df = self.dfs[ch]
            for k in v:
                df[k] = df.get(k, 0) + 1

    def uncount(self, chans: dict[str, dict[str, float]]) -> None:
        self.n_docs = max(self.n_docs - 1, 0)
        for ch, v in chans.items():
            df = self.dfs[ch]
            for k in v:
                if df.get(k, 0) > 1:
                    df[k] -= 1
                else:
                    df.pop(k, None)

    def df(self, ch: str, keys: Iterable[str]) -> dict[str, int]:
        df = self.dfs[ch]
        return {k: df.get(k, 0) for k in keys}

    # ---- stories -------------------------------------------------------------------------
    def new_story(self) -> StoryProfile:
        s = StoryProfile(id=f"s{self._next_story}")
        self._next_story += 1
        self.stories[s.id] = s
        return s

    def story(self, sid: str) -> StoryProfile:
        return self.stories[sid]

    def load(self, sids: Iterable[str]) -> None:
        return None

    def recall(self, s: StoryProfile) -> None:
        return None  # every profile here holds its members

    def changed(self, s: StoryProfile) -> None:
        return None

    def renormed(self, s: StoryProfile) -> None:
        return None

    def remembered(self, m: Member) -> None:
        return None

    def story_of(self, article_id: str) -> str | None:
        return self.story_map.get(article_id)

    def assign(self, article_id: str, sid: str) -> None:
        self.story_map[article_id] = sid

    @property
    def live_stories(self) -> int:
        return sum(1 for s in self.stories.values() if s.live)

    # ---- the candidate index -------------------------------------------------------------
    def posted(self, keys: Iterable[str], day: dt.date | None = None) -> dict[str, list[str]]:
        """(``day`` is not needed here: a story out of the live window has left the index.)"""
        return {k: list(self.postings[k]) for k in keys if k in self.postings}

    def index(self, s: StoryProfile, keys: set[str]) -> None:
        for k in s.indexed - keys:
            self._unpost(k, s.id)
        for k in keys:  # (re)posted at the recent end; the oldest story drops off a full key
            p = self.postings.setdefault(k, {})
            p.pop(s.id, None)
            p[s.id] = None
            if len(p) > self.posting_cap:
                old = next(iter(p))
                del p[old]
                self.stories[old].indexed.discard(k)
        s.indexed = keys

    def unindex(self, s: StoryProfile) -> None:
        for k in s.indexed:
            self._unpost(k, s.id)
        s.indexed = set()

    def _unpost(self, key: str, sid: str) -> None:
        p = self.postings.get(key)
        if p is not None:
            p.pop(sid, None)
            if not p:
                del self.postings[key]

    # ---- retirement ----------------------------------------------------------------------
    def schedule(self, s: StoryProfile, by_date: bool, by_seq: bool) -> None:
        if by_date and s.last is not None:
            heapq.heappush(self._date_heap, (s.last.toordinal(), self.seq, s.id))
        if by_seq:
            heapq.heappush(self._seq_heap, (self.seq, s.id))

    def due(self, day: int | None, seq: int) -> list[StoryProfile]:
        out: list[StoryProfile] = []
        seen: set[str] = set()
        if day is not None:
            while self._date_heap and self._date_heap[0][0] < day:
                d, _, sid = heapq.heappop(self._date_heap)
                s = self.stories[sid]
                if s.live and s.last is not None and s.last.toordinal() == d and sid not in seen:
                    seen.add(sid)
                    out.append(s)
        while self._seq_heap and self._seq_heap[0][0] < seq:
            q, sid = heapq.heappop(self._seq_heap)
            s = self.stories[sid]
            if s.live and s.last_seq == q and sid not in seen:
                seen.add(sid)
                out.append(s)
        return out

    # ---- near-duplicates -----------------------------------------------------------------
    def duplicate(self, article_id: str, signature) -> str | None:
        return self.dups.add(article_id, signature)
