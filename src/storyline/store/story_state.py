"""The story clustering state as rows of the store, shared by every writer.

``StoreState`` implements the clusterer's state interface (``storyline.stories.state``) on
the tables of ``store.schema`` (``story_counters``, ``story_df``, ``story_profiles``,
``story_arrivals``, ``story_bands``, ``story_keys``). It lives for one write transaction that
holds the store's writer lock (``Store.story_session``), so what it reads cannot change under
it; ``flush`` writes what the batch changed, and nothing else:

- per arrival one ``story_arrivals`` row (signature, copy root, split features) and its band
  keys; per story that changed its profile (JSON); per story whose cached norms were
  recomputed its ``story_norms`` row (small, so that a refresh does not rewrite the profile);
  per key the document-frequency *delta*
  (``n = n + delta``); the counters.
- near-copy candidates come from the indexed band keys, story candidates from the indexed
  ``story_keys`` rows, retirement from the indexed ``last_day`` / ``last_seq`` columns.

``WorkingSet`` is what an ingest process keeps between its batches: bounded LRU caches of story
profiles, remembered members and document frequencies. They stay valid while the store's
``version`` counter is the one this process last committed; when another writer committed in
between, the profiles whose profile or norms it rewrote (``version`` columns) and all
frequencies are dropped. Memory
is bounded by the cache sizes, not by the store.

Nothing read back is unpickled or evaluated: profiles and features are JSON, signatures are
raw uint32 arrays. A row that cannot be read raises ``StoreError`` naming it.
"""
from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from storyline.errors import StoreError
from storyline.stories.fingerprint import band_keys, digest, similarity
from storyline.stories.profile import (CHANNELS, Member, StoryProfile, member_from_json, member_to_json,
                                       norms_from_json, norms_to_json, profile_from_json, profile_to_json)

COUNTERS = ("n_docs", "seq", "clock", "next_story", "posted", "version", "epoch")
CH = {ch: i for i, ch in enumerate(CHANNELS)}
CHUNK = 500  # keys per IN (...) query
UNDATED_LAST = 10**8  # story_keys.last_day of an undated story (after every real date)


class LRU(OrderedDict):
    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def get(self, key, default=None):
        if key in self:
            self.move_to_end(key)
            return self[key]
        return default

    def put(self, key, value) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)


class WorkingSet:
    """Caches an ingest process keeps between batches (sizes in entries)."""

    def __init__(self, stories: int = 2_000, members: int = 20_000, df: int = 200_000):
        self.version: int | None = None
        self.epoch: int | None = None
        self.stories = LRU(stories)
        self.members = LRU(members)
        self.df = {ch: LRU(df) for ch in CHANNELS}

    def clear(self) -> None:
        self.version = self.epoch = None
        self.stories.clear()
        self.members.clear()
        for c in self.df.values():
            c.clear()


def _chunks(items: list, n: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


class _StoryMap:
    """``clusterer.story_of`` on the store: article id -> story id."""

    def __init__(self, state: StoreState):
        self._state = state

    def get(self, article_id: str, default=None):
        sid = self._state.story_of(article_id)
        return default if sid is None else sid

    def __getitem__(self, article_id: str) -> str:
        sid = self._state.story_of(article_id)
        if sid is None:
            raise KeyError(article_id)
        return sid

    def __contains__(self, article_id: str) -> bool:
        return self._state.story_of(article_id) is not None


class StoreState:
    """The clusterer's state on the store's rows, for one locked transaction."""

    def __init__(self, conn: Connection, working: WorkingSet, *, posting_cap: int = 64,
                 threshold: float = 0.7, num_bands: int = 16, window_days: int = 30):
        self.conn = conn
        self.window_days = window_days
        self.working = working
        self.posting_cap = posting_cap
        self.threshold = threshold
        self.num_bands = num_bands
        rows = dict(conn.execute(text("SELECT name, value FROM story_counters")).all())
        self.n_docs = int(rows.get("n_docs", 0))
        self.seq = int(rows.get("seq", 0))
        clock = int(rows.get("clock", 0))
        self.clock: dt.date | None = dt.date.fromordinal(clock) if clock else None
        self._next_story = int(rows.get("next_story", 1))
        self._posted = int(rows.get("posted", 0))
        self.version = int(rows.get("version", 0))
        self.epoch = int(rows.get("epoch", 0))
        self._refresh()
        self.dirty: dict[str, StoryProfile] = {}
        self.renorm: dict[str, StoryProfile] = {}  # profiles whose norms alone were recomputed
        self.fresh: dict[int, Member] = {}  # members remembered in this transaction
        self.arrivals: list[dict[str, Any]] = []  # rows to write
        self.pending: list[tuple[int, str, np.ndarray, set[int], int]] = []  # (seq, id, digest, bands, root)
        self.delta: dict[str, dict[str, int]] = {ch: {} for ch in CHANNELS}
        self.assigned: dict[str, str] = {}
        self.story_map = _StoryMap(self)

    def _refresh(self) -> None:
        """Drop what another writer changed since this process last committed."""
        w = self.working
        if w.version == self.version and w.epoch == self.epoch:
            return
        if w.epoch != self.epoch or w.version is None or w.version > self.version:
            w.clear()
        else:
            changed = self.conn.execute(text("SELECT id FROM story_profiles WHERE version > :v UNION ALL "
                                             "SELECT id FROM story_norms WHERE version > :v"),
                                        {"v": w.version}).scalars().all()
            for sid in changed:
                w.stories.pop(sid, None)
            for c in w.df.values():
                c.clear()
        w.version, w.epoch = self.version, self.epoch

    # ---- counts --------------------------------------------------------------------------
    def count(self, chans: dict[str, dict[str, float]]) -> None:
        self.n_docs += 1
        for ch, v in chans.items():
            delta, cache = self.delta[ch], self.working.df[ch]
            for k in v:
                delta[k] = delta.get(k, 0) + 1
                if k in cache:
                    cache[k] += 1

    def uncount(self, chans: dict[str, dict[str, float]]) -> None:
        """One document fewer (a deleted article): its keys' frequencies go down by one."""
        self.n_docs = max(self.n_docs - 1, 0)
        for ch, v in chans.items():
            delta, cache = self.delta[ch], self.working.df[ch]
            for k in v:
                delta[k] = delta.get(k, 0) - 1
                if k in cache:
                    cache[k] = max(cache[k] - 1, 0)

    def df(self, ch: str, keys: Iterable[str]) -> dict[str, int]:
        cache, delta = self.working.df[ch], self.delta[ch]
        out: dict[str, int] = {}
        missing = []
        for k in keys:
            x = cache.get(k)
            if x is None:
                missing.append(k)
            else:
                out[k] = x
        if missing:
            found: dict[str, int] = {}
            q = text("SELECT key, n FROM story_df WHERE ch = :ch AND key IN :keys").bindparams(
                bindparam("keys", expanding=True))
            for part in _chunks(missing):
                found.update(self.conn.execute(q, {"ch": CH[ch], "keys": part}).all())
            for k in missing:
                out[k] = x = int(found.get(k, 0)) + delta.get(k, 0)
                cache.put(k, x)
        return out

    # ---- stories -------------------------------------------------------------------------
    def new_story(self) -> StoryProfile:
        s = StoryProfile(id=f"s{self._next_story}")
        self._next_story += 1
        self.changed(s)
        return s

    def changed(self, s: StoryProfile) -> None:
        self.dirty[s.id] = s
        self.working.stories.put(s.id, s)

    def renormed(self, s: StoryProfile) -> None:
        """Only the norms changed: their row is rewritten, not the profile's. The row carries
        the commit's version, so another process drops its cached copy of the profile (its
        decisions must stay those of one writer: the Dask write chain alternates workers)."""
        self.renorm[s.id] = s
        self.working.stories.put(s.id, s)

    def remembered(self, m: Member) -> None:
        self.fresh[m.seq] = m
        self.working.members.put(m.seq, m)

    def story(self, sid: str) -> StoryProfile:
        s = self.dirty.get(sid) or self.working.stories.get(sid)
        if s is None:
            self.load([sid])
            s = self.working.stories.get(sid)
            if s is None:
                raise StoreError(f"story {sid} has no clustering profile in the store: run `storyline recluster`")
        return s

    def load(self, sids: Iterable[str]) -> None:
        want = [s for s in dict.fromkeys(sids) if s not in self.dirty and s not in self.working.stories]
        if not want:
            return
        q = text("SELECT p.id, p.profile, n.size, n.n_docs, n.norms FROM story_profiles p "
                 "LEFT JOIN story_norms n ON n.id = p.id WHERE p.id IN :ids").bindparams(
            bindparam("ids", expanding=True))
        for part in _chunks(want):
            for sid, p, size, n_docs, norms in self.conn.execute(q, {"ids": part}):
                try:
                    norms = norms_from_json(size, n_docs, norms)
                except ValueError as e:
                    raise StoreError(f"story_norms row {sid}: {e}") from e
                try:
                    self.working.stories.put(sid, profile_from_json(sid, p, norms=norms))
                except ValueError as e:
                    raise StoreError(f"story_profiles row {sid}: {e}") from e

    def recall(self, s: StoryProfile) -> None:
        """Read the members ``s`` remembers (a candidate is scored without them; a story that
        grows needs them for the split test)."""
        if s.unread is None:
            return
        members = self._members(set(s.unread))
        missing = [q for q in s.unread if q not in members]
        if missing:
            raise StoreError(f"story_profiles row {s.id}: remembers arrivals {missing} that have no "
                             f"story_arrivals row")
        s.recent, s.unread = [members[q] for q in s.unread], None

    def _members(self, seqs: set[int]) -> dict[int, Member]:
        out: dict[int, Member] = {}
        missing = []
        for q in seqs:
            m = self.fresh.get(q) or self.working.members.get(q)
            if m is None:
                missing.append(q)
            else:
                out[q] = m
        sql = text("SELECT seq, id, day, features FROM story_arrivals WHERE seq IN :s").bindparams(
            bindparam("s", expanding=True))
        for part in _chunks(sorted(missing)):
            for seq, aid, day, feats in self.conn.execute(sql, {"s": part}):
                if feats is None:
                    raise StoreError(f"story_arrivals row {seq} ({aid}) has no split features")
                try:
                    m = member_from_json(int(seq), aid, day, feats)
                except ValueError as e:
                    raise StoreError(f"story_arrivals row {seq}: {e}") from e
                out[m.seq] = m
                self.working.members.put(m.seq, m)
        return out

    def story_of(self, article_id: str) -> str | None:
        sid = self.assigned.get(article_id)
        if sid is None:
            sid = self.conn.execute(text("SELECT story FROM articles WHERE id = :i ORDER BY seq DESC LIMIT 1"),
                                    {"i": article_id}).scalar()
        return sid

    def assign(self, article_id: str, sid: str) -> None:
        self.assigned[article_id] = sid

    @property
    def live_stories(self) -> int:
        return self.conn.execute(text("SELECT count(*) FROM story_profiles WHERE live = :t"), {"t": True}).scalar_one()

    @property
    def stories(self) -> dict[str, StoryProfile]:
        """The profiles this transaction read or changed (not the whole store)."""
        return {**dict(self.working.stories), **self.dirty}

    # ---- the candidate index -------------------------------------------------------------
    def posted(self, keys: Iterable[str], day: dt.date | None = None) -> dict[str, list[str]]:
        """Stories posted under ``keys`` whose dates come within ``window_days`` of ``day`` (of
        the clock for an undated article; undated stories always qualify), at most
        ``posting_cap`` per key, the most recently grown."""
        keys = list(dict.fromkeys(keys))
        ref = day or self.clock
        lo = ref.toordinal() - self.window_days if ref else 0
        hi = day.toordinal() + self.window_days if day else UNDATED_LAST
        # One LIMITed walk per key down the (key, posted) index, newest posting first, as the
        # memory state keeps them: a key holds its ``posting_cap`` most recently grown stories
        # and the window is applied to those. Each walk reads at most ``posting_cap`` index
        # entries however many stories the store holds (a window condition in the walk would
        # read a rare key's whole history to find it has fewer). SQLite's compound SELECT takes
        # at most 500 terms, hence the chunks.
        # The window is applied in the outer query, and the rows come through the driver's own
        # cursor: this is the hottest query of a batch (up to ``posting_cap`` rows for each of
        # some 30 keys an arrival), and building SQLAlchemy rows for it cost more than the walk.
        by_key: dict[str, list[tuple[int, str]]] = {}
        for part in _chunks(keys, 200):
            sql = " UNION ALL ".join(
                f"SELECT * FROM (SELECT key, story, posted, first_day, last_day FROM story_keys "
                f"WHERE key = ? ORDER BY posted DESC LIMIT {int(self.posting_cap)}) AS p{i}"
                for i in range(len(part)))
            sql = f"SELECT key, story, posted FROM ({sql}) AS w WHERE last_day >= ? AND first_day <= ?"
            for k, sid, p in self._raw(sql, [*part, lo, hi]):
                by_key.setdefault(k, []).append((p, sid))
        out: dict[str, list[str]] = {}
        for k, posts in by_key.items():
            posts.sort()
            out[k] = [sid for _, sid in posts]
        return out

    def _raw(self, sql: str, params: list) -> list[tuple]:
        """Rows of ``sql`` (``?`` placeholders) from the driver's cursor, in this transaction."""
        dbapi = self.conn.connection.driver_connection
        if self.conn.dialect.name != "sqlite":
            sql = sql.replace("?", "%s")
        cur = dbapi.cursor()
        try:
            cur.execute(sql, params)
            return cur.fetchall()
        finally:
            cur.close()

    def index(self, s: StoryProfile, keys: set[str]) -> None:
        gone = [{"k": k, "s": s.id} for k in s.indexed - keys]
        if gone:
            self.conn.execute(text("DELETE FROM story_keys WHERE key = :k AND story = :s"), gone)
        if keys:
            self._posted += 1
            first = s.first.toordinal() if s.first else 0
            last = s.last.toordinal() if s.last else UNDATED_LAST
            self.conn.execute(text(
                "INSERT INTO story_keys (key, story, posted, first_day, last_day) VALUES (:k, :s, :p, :f, :l) "
                "ON CONFLICT (key, story) DO UPDATE SET posted = excluded.posted, "
                "first_day = excluded.first_day, last_day = excluded.last_day"),
                [{"k": k, "s": s.id, "p": self._posted, "f": first, "l": last} for k in sorted(keys)])
        s.indexed = keys

    def unindex(self, s: StoryProfile) -> None:
        if s.indexed:
            self.conn.execute(text("DELETE FROM story_keys WHERE key = :k AND story = :s"),
                              [{"k": k, "s": s.id} for k in s.indexed])
        s.indexed = set()

    # ---- retirement ----------------------------------------------------------------------
    def schedule(self, s: StoryProfile, by_date: bool, by_seq: bool) -> None:
        return None  # the profile's last_day / last_seq columns are the schedule

    def due(self, day: int | None, seq: int) -> list[StoryProfile]:
        """Undated stories that have not grown for ``window_articles`` arrivals. Dated stories
        never retire here: candidates are chosen by date (``posted``), so an article that a
        slower writer delivers late still finds the story of its day."""
        # ``last_seq + 0``: keep the planner on (live, last_day), which reaches the live undated
        # stories only (bounded by the window); a range on (live, last_seq) visits every dated
        # story too, and those stay live, so it grew with the store (29 ms an arrival at 300k).
        q = "SELECT id FROM story_profiles WHERE live = :t AND last_day IS NULL AND last_seq + 0 < :q"
        ids = set(self.conn.execute(text(q), {"t": True, "q": seq}).scalars().all())
        ids.update(sid for sid, s in self.dirty.items() if s.live and s.last is None)
        ids -= {sid for sid, s in self.dirty.items() if not s.live or s.last is not None}
        self.load(ids)
        return [s for s in (self.story(sid) for sid in sorted(ids)) if s.live and s.last_seq < seq]

    # ---- near-duplicates -----------------------------------------------------------------
    def duplicate(self, article_id: str, signature) -> str | None:
        if signature is None:
            self.arrivals.append({"seq": self.seq, "id": article_id, "digest": None, "root": None})
            return None
        d = digest(signature)
        keys = band_keys(d, self.num_bands)
        q = text("SELECT DISTINCT a.seq, a.digest, a.root FROM story_bands b "
                 "JOIN story_arrivals a ON a.seq = b.seq WHERE b.key IN :k").bindparams(
            bindparam("k", expanding=True))
        cands = [(int(s_), np.frombuffer(bytes(g), dtype="<u4"), int(r)) for s_, g, r in
                 self.conn.execute(q, {"k": keys})]
        kset = set(keys)
        cands += [(s_, g, r) for s_, _, g, b, r in self.pending if b & kset]
        best: int | None = None
        for _, g, root in cands:
            if similarity(g, d) >= self.threshold and (best is None or root < best):
                best = root
        root = self.seq if best is None else best
        self.pending.append((self.seq, article_id, d, kset, root))
        self.arrivals.append({"seq": self.seq, "id": article_id, "digest": d.astype("<u4").tobytes(),
                              "root": root, "bands": keys})
        if best is None:
            return None
        for s_, aid, *_ in self.pending:
            if s_ == best:
                return aid
        return self.conn.execute(text("SELECT id FROM story_arrivals WHERE seq = :s"), {"s": best}).scalar_one()

    # ---- writing -------------------------------------------------------------------------
    def flush(self) -> None:
        """Write what changed since the last flush (inside the caller's transaction)."""
        conn = self.conn
        if self.arrivals:
            rows = []
            for a in self.arrivals:
                m = self.fresh.get(a["seq"])
                rows.append({"seq": a["seq"], "id": a["id"], "digest": a["digest"], "root": a["root"],
                             "day": m.date.isoformat() if m is not None and m.date else None,
                             "features": member_to_json(m) if m is not None else None})
            conn.execute(text("INSERT INTO story_arrivals (seq, id, day, digest, root, features) "
                              "VALUES (:seq, :id, :day, :digest, :root, :features)"), rows)
            bands = [{"k": k, "s": a["seq"]} for a in self.arrivals for k in dict.fromkeys(a.get("bands", ()))]
            if bands:
                conn.execute(text("INSERT INTO story_bands (key, seq) VALUES (:k, :s)"), bands)
        new_version = self.version + 1
        if self.dirty:
            conn.execute(text(
                "INSERT INTO story_profiles (id, live, last_day, last_seq, version, profile) "
                "VALUES (:id, :live, :day, :seq, :v, :p) ON CONFLICT (id) DO UPDATE SET "
                "live = excluded.live, last_day = excluded.last_day, last_seq = excluded.last_seq, "
                "version = excluded.version, profile = excluded.profile"),
                [{"id": s.id, "live": s.live, "day": s.last.toordinal() if s.last else None,
                  "seq": s.last_seq, "v": new_version, "p": profile_to_json(s)} for s in self.dirty.values()])
        renormed = {**self.renorm, **self.dirty}
        norms = [dict(zip(("size", "n", "norms"), norms_to_json(s.norms)), id=sid, v=new_version)
                 for sid, s in renormed.items() if s.norms is not None]
        if norms:
            conn.execute(text(
                "INSERT INTO story_norms (id, size, n_docs, norms, version) VALUES (:id, :size, :n, :norms, :v) "
                "ON CONFLICT (id) DO UPDATE SET size = excluded.size, n_docs = excluded.n_docs, "
                "norms = excluded.norms, version = excluded.version"), norms)
        cleared = [{"id": sid} for sid, s in renormed.items() if s.norms is None]
        if cleared:
            conn.execute(text("DELETE FROM story_norms WHERE id = :id"), cleared)
        deltas = [{"c": CH[ch], "k": k, "n": n} for ch, d in self.delta.items() for k, n in d.items()]
        if deltas:
            conn.execute(text("INSERT INTO story_df (ch, key, n) VALUES (:c, :k, :n) "
                              "ON CONFLICT (ch, key) DO UPDATE SET n = story_df.n + excluded.n"), deltas)
            if any(d["n"] < 0 for d in deltas):  # a deletion took the last use of some keys
                conn.execute(text("DELETE FROM story_df WHERE n <= 0"))
        counters = {"n_docs": self.n_docs, "seq": self.seq, "clock": self.clock.toordinal() if self.clock else 0,
                    "next_story": self._next_story, "posted": self._posted, "version": new_version,
                    "epoch": self.epoch}
        conn.execute(text("DELETE FROM story_counters"))
        conn.execute(text("INSERT INTO story_counters (name, value) VALUES (:n, :v)"),
                     [{"n": k, "v": v} for k, v in counters.items()])
        self.version = self.working.version = new_version
        self.dirty.clear()
        self.renorm.clear()
        self.fresh.clear()
        self.arrivals.clear()
        self.pending.clear()
        self.delta = {ch: {} for ch in CHANNELS}

    def forget(self, seq: int) -> str | None:
        """Drop an arrival (its article was deleted): its signature and band rows. Arrivals that
        copied it take the earliest copy left as their root; returns that copy's article id
        (None when nothing copied it)."""
        conn = self.conn
        conn.execute(text("DELETE FROM story_bands WHERE seq = :s"), {"s": seq})
        copies = conn.execute(text("SELECT seq, id FROM story_arrivals WHERE root = :s AND seq <> :s "
                                   "ORDER BY seq LIMIT 1"), {"s": seq}).first()
        conn.execute(text("DELETE FROM story_arrivals WHERE seq = :s"), {"s": seq})
        self.working.members.pop(seq, None)
        if copies is None:
            return None
        conn.execute(text("UPDATE story_arrivals SET root = :r WHERE root = :s"), {"r": int(copies[0]), "s": seq})
        return copies[1]

    def forget_assigned(self) -> None:
        """Drop the in-transaction article -> story map once the articles table holds it."""
        self.assigned.clear()


def reset(conn: Connection) -> None:
    """Empty the clustering rows (a rebuild follows); the epoch moves on, so every process's
    working set is dropped."""
    epoch = conn.execute(text("SELECT value FROM story_counters WHERE name = 'epoch'")).scalar() or 0
    for table in ("story_keys", "story_bands", "story_arrivals", "story_profiles", "story_norms", "story_df",
                  "story_counters"):
        conn.execute(text(f"DELETE FROM {table}"))
    conn.execute(text("INSERT INTO story_counters (name, value) VALUES ('epoch', :e)"), {"e": int(epoch) + 1})
