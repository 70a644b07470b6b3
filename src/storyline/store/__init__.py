"""Storage: SQLite by default (one file), any SQLAlchemy URL for a team server.

All writes of a batch go through one transaction (``Store.add_batch``, or a
``Store.story_session`` that also carries the story clustering state): a crash mid-batch loses
nothing already committed and leaves no half-written article.

Several writers may share a store. Every write transaction first takes the store's writer
lock: on SQLite ``BEGIN IMMEDIATE`` (WAL journal, a busy timeout so a second writer waits), on
PostgreSQL a transaction-level advisory lock. Readers never wait for writers.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import create_engine, event, func, or_, select, text
from sqlalchemy.engine import Engine

from storyline.errors import StoreError, StorylineError
from storyline.records import ATTRIBUTION_ACTS, Extraction, StoryAssignment
from storyline.store import schema as S

DEFAULT_DB = "storyline.db"
BUSY_TIMEOUT_S = 120.0  # how long a SQLite writer waits for another one
WRITER_LOCK = 0x73746f72  # PostgreSQL advisory lock key of story assignment ("stor")

__all__ = ["Store", "DEFAULT_DB", "StorySession"]


def _url(target: str | Path) -> str:
    target = str(target)
    if "://" in target:
        return target
    if _read_only_file(Path(target)):  # SQLite cannot make its -shm file there: open it immutable
        return f"sqlite:///file:{quote(str(Path(target).resolve()))}?mode=ro&immutable=1&uri=true"
    return f"sqlite:///{target}"


def _read_only_file(path: Path) -> bool:
    """An existing SQLite file on a read-only disk (or in a folder that cannot be written)."""
    return path.is_file() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


class Store:
    def __init__(self, target: str | Path = DEFAULT_DB):
        self.url = _url(target)
        sqlite = self.url.startswith("sqlite")
        self.read_only = "mode=ro" in self.url
        log = Path(f"{target}-wal")
        if self.read_only and log.is_file() and log.stat().st_size:
            # opened immutable, SQLite would not read the log: the last writes would be missing,
            # or the file read as damaged
            raise StoreError(f"the store {target!s} is read-only, and a write-ahead log ({log.name}) beside it "
                             "holds writes not yet folded into the file: open it once with write access "
                             "(or copy both files somewhere writable) to read it")
        try:
            self.engine: Engine = create_engine(
                self.url, future=True, connect_args={"timeout": BUSY_TIMEOUT_S} if sqlite else {})
        except Exception as e:  # a bad URL or a missing driver
            raise StoreError(f"cannot open the store {target!s}: {e}") from e
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _sqlite_begin)
        self.where = str(target) if sqlite else self.engine.url.render_as_string(hide_password=True)
        try:
            with self.engine.connect() as conn:  # read first: a read-only store can still be read
                current = S.schema_version(conn)
            if current < S.SCHEMA_VERSION and self.read_only:
                raise StoreError(f"the store {target!s} is read-only and was written by an older "
                                 "storyline: open it once with write access to upgrade it")
            if current < S.SCHEMA_VERSION:
                with self.writing() as conn:
                    S.migrate(conn)
        except StoreError:
            raise
        except Exception as e:
            raise StoreError(f"cannot open the store {target!s}: {e}") from e

    @contextmanager
    def writing(self) -> Iterator[Any]:
        """A write transaction holding the store's writer lock (committed on success). A full
        disk or a read-only store becomes a ``StoreError`` saying so; the transaction is rolled
        back, and what earlier ones committed stays."""
        from sqlalchemy.exc import DBAPIError

        from storyline.store.faults import explain

        if self.read_only:
            raise StoreError(f"the store is read-only ({self.where}): nothing was written; it can be "
                             "read (stories, show, search, export, serve) but not ingested into")
        try:
            with self.engine.connect() as conn:
                conn.execution_options(storyline_write=True)
                with conn.begin():
                    if conn.dialect.name == "postgresql":
                        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITER_LOCK})
                    yield conn
        except DBAPIError as e:
            why = explain(e)
            if why is None:
                raise
            raise StoreError(f"{why} ({self.where}): nothing of this transaction was written, and "
                             f"everything stored before it is kept ({e.orig})") from e

    @contextmanager
    def story_session(self, working, config=None, reset: bool = False) -> Iterator[StorySession]:
        """One locked write transaction with the story clustering state on its rows
        (``store.story_state``): cluster, write articles and stories, and it all commits
        together. ``working`` is the caller's ``WorkingSet`` (dropped if the transaction fails).
        ``reset`` empties the clustering rows first (a rebuild)."""
        from storyline.store import story_state

        try:
            with self.writing() as conn:
                if reset:
                    story_state.reset(conn)
                c = config
                state = story_state.StoreState(conn, working, posting_cap=c.posting_cap if c else 64,
                                   threshold=c.duplicate_threshold if c else 0.7,
                                   num_bands=c.num_bands if c else 16,
                                   window_days=c.window_days if c else 30)
                session = StorySession(self, conn, state)
                yield session
                state.flush()
        except BaseException:
            working.clear()  # profiles were changed in place: the cache no longer matches the rows
            raise

    def needs_story_rebuild(self) -> bool:
        """True for a store written before story state was kept as rows (see ``jobs.recluster``)."""
        with self.engine.connect() as conn:
            return conn.execute(select(S.meta.c.value).where(S.meta.c.key == S.REBUILD_KEY)).first() is not None

    # ---- writing -------------------------------------------------------------------------
    def known_hashes(self, hashes: Iterable[str], conn=None) -> set[str]:
        if conn is None:
            with self.engine.connect() as conn:
                return self.known_hashes(hashes, conn)
        hashes = list(hashes)
        found: set[str] = set()
        for i in range(0, len(hashes), 500):
            rows = conn.execute(select(S.articles.c.hash).where(S.articles.c.hash.in_(hashes[i:i + 500])))
            found.update(r[0] for r in rows)
        return found

    def add_batch(self, items: list[tuple[Extraction, StoryAssignment]],
                  stories: dict[str, dict[str, Any] | None] | None = None,
                  moves: Iterable[tuple[str, str, str]] = (), conn=None, via: str | None = None) -> int:
        """Write articles with their facts and updated story records at once (in ``conn``'s
        transaction when given, else in a new locked one).

        ``via`` is how the articles arrived (``key:NAME`` for a post); by default each
        article's ``path`` (its file, feed URL or ``<stdin>``).

        ``moves`` are stored articles the clusterer moved to another story (article id, from,
        to); a story record given as ``None`` is deleted (a story left with no articles).
        Articles already stored (same content hash) are skipped; returns how many were added.
        """
        if conn is None:
            with self.writing() as conn:
                return self.add_batch(items, stories, moves, conn, via)
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        added = 0
        for article_id, old, new in moves:
            self._move(conn, article_id, old, new)
        seq = conn.execute(select(func.coalesce(func.max(S.articles.c.seq), 0))).scalar_one()
        for ex, assignment in items:
            h = ex.article.content_hash
            if conn.execute(select(S.articles.c.hash).where(S.articles.c.hash == h)).first():
                continue
            seq += 1
            added += 1
            self._insert_article(conn, ex, assignment, h, seq, now, via)
        for sid, rec in (stories or {}).items():
            conn.execute(S.stories.delete().where(S.stories.c.id == sid))
            if rec is None:
                continue
            conn.execute(S.stories.insert().values(
                id=sid, title=rec.get("title"), first_published=rec.get("start"),
                last_published=rec.get("end"),
                articles=len(rec.get("versions", [])), record=json.dumps(rec), updated_at=now))
        return added

    @staticmethod
    def _move(conn, article_id: str, old: str, new: str) -> None:
        """Re-file a stored article under another story (column and contract record)."""
        A = S.articles
        rows = conn.execute(select(A.c.hash, A.c.record).where(A.c.id == article_id, A.c.story == old)).all()
        for h, rec in rows:
            record = json.loads(rec)
            record["story"] = new
            conn.execute(A.update().where(A.c.hash == h).values(story=new, record=json.dumps(record)))

    def _insert_article(self, conn, ex: Extraction, assignment: StoryAssignment, h: str, seq: int, now: str,
                        via: str | None = None):
        a = ex.article
        record = ex.to_contract()
        record["story"] = assignment.story
        record["duplicate_of"] = assignment.duplicate_of
        conn.execute(S.articles.insert().values(
            hash=h, id=a.id, seq=seq, title=a.title, published=a.published.isoformat() if a.published else None,
            source=a.source, url=a.url, path=a.path, text=a.text, story=assignment.story,
            duplicate_of=assignment.duplicate_of, flags=",".join(assignment.flags) or None,
            record=json.dumps(record), ingested_at=now, via=via or a.path))
        names = {e.id: e.name for e in ex.entities}
        if ex.entities:
            conn.execute(S.entities.insert(), [
                {"article": h, "eid": e.id, "name": e.name, "type": e.type, "mentions": len(e.mentions)}
                for e in ex.entities])
        if ex.attributions:
            conn.execute(S.attributions.insert(), [
                {"article": h, "idx": i, "kind": x.kind,
                 "content": " … ".join(a.text[s:e] for s, e in x.content),
                 "cue": a.text[x.cue[0]:x.cue[1]] if x.cue else None,
                 "source": a.text[x.source[0]:x.source[1]] if x.source else None,
                 "speaker": names.get(x.source_entity) or (a.text[x.source[0]:x.source[1]] if x.source else None),
                 "source_type": x.source_type, "nested_in": x.nested_in, "act": x.act}
                for i, x in enumerate(ex.attributions)])
        if ex.events:
            conn.execute(S.events.insert(), [
                {"article": h, "idx": i, "type": ev.type, "mode": ev.mode,
                 "trigger": a.text[ev.trigger[0]:ev.trigger[1]],
                 "actors": "; ".join(names.get(x.entity) or x.text for x in ev.actor),
                 "recipients": "; ".join(names.get(x.entity) or x.text for x in ev.recipient),
                 "sentence": _sentence(a.text, ev.trigger),
                 "date": ex.dates[ev.date].value if ev.date is not None else None,
                 "place": ex.places[ev.place].name if ev.place is not None else None,
                 "negated": ev.negated, "hypothetical": ev.hypothetical, "future": ev.future}
                for i, ev in enumerate(ex.events)])
        if ex.places:
            conn.execute(S.geo.insert(), [
                {"article": h, "name": p.name, "geonameid": p.geonameid, "country": p.country,
                 "lat": p.lat, "lon": p.lon} for p in ex.places])
        if conn.dialect.name == "sqlite":
            conn.execute(text("INSERT INTO articles_fts(title, text, hash) VALUES (:t, :x, :h)"),
                         {"t": a.title or "", "x": a.text, "h": h})

    def add_input_errors(self, errors: Iterable, conn=None) -> int:
        """Keep refusals and repairs (``InputError``) in the store (``storyline errors``)."""
        from storyline.store import input_errors

        if conn is None:
            with self.writing() as conn:
                return input_errors.record(conn, errors)
        return input_errors.record(conn, errors)

    # ---- reading -------------------------------------------------------------------------
    def input_errors(self, since: str | None = None, outcome: str | None = None,
                     limit: int | None = None) -> list:
        """What ingest refused or repaired, latest first (``InputErrorRow``s); ``since`` is a UTC
        ISO 8601 time."""
        from storyline.store import input_errors

        with self.engine.connect() as conn:
            return input_errors.read(conn, since, outcome, limit)

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(S.articles)).scalar_one()

    def articles(self, story: str | Iterable[str] | None = None, conn=None) -> Iterator[dict[str, Any]]:
        """Contract records (with story and duplicate_of), in arrival order; of one story or several
        (read in ``conn``'s transaction when given)."""
        q = select(S.articles.c.record).order_by(S.articles.c.seq)
        if isinstance(story, str):
            q = q.where(S.articles.c.story == story)
        elif story is not None:
            q = q.where(S.articles.c.story.in_(list(story)))
        if conn is not None:
            for (rec,) in conn.execute(q).all():
                yield json.loads(rec)
            return
        with self.engine.connect() as conn:
            for (rec,) in conn.execute(q):
                yield json.loads(rec)

    def article(self, key: str, provenance: bool = False) -> dict[str, Any] | None:
        """An article by id (the latest one with that id) or by content hash; with
        ``provenance``, also how and when it arrived (``{"provenance": {"via", "kind",
        "ingested_at"}}``)."""
        A = S.articles
        with self.engine.connect() as conn:
            row = conn.execute(select(A.c.record, A.c.via, A.c.ingested_at)
                               .where(or_(A.c.id == key, A.c.hash == key))
                               .order_by(A.c.seq.desc())).first()
        if row is None:
            return None
        rec = json.loads(row[0])
        if provenance:
            rec["provenance"] = {"via": row[1], "kind": arrival_kind(row[1]), "ingested_at": row[2]}
        return rec

    def placements(self, hashes: Iterable[str]) -> dict[str, tuple[str, str | None]]:
        """content hash -> (article id, story id) of those stored."""
        hashes = list(hashes)
        out: dict[str, tuple[str, str | None]] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(hashes), 500):
                rows = conn.execute(select(S.articles.c.hash, S.articles.c.id, S.articles.c.story)
                                    .where(S.articles.c.hash.in_(hashes[i:i + 500])))
                out.update({h: (aid, sid) for h, aid, sid in rows})
        return out

    def stories(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(S.stories.c.id, S.stories.c.title, S.stories.c.articles,
                                       S.stories.c.first_published, S.stories.c.last_published)
                                .order_by(S.stories.c.last_published.desc().nulls_last(), S.stories.c.id))
            return [dict(r._mapping) for r in rows]

    def story(self, story_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(S.stories.c.record).where(S.stories.c.id == story_id)).first()
        return json.loads(row[0]) if row else None

    def quotes(self, speaker: str | None = None, about: str | None = None,
               limit: int = 100, act: str = "speech") -> list[dict[str, Any]]:
        """Who said what: attributions filtered by speaker name, by words in the content, and by
        act — ``speech`` (the default: what was said), ``thought``, ``perception``, ``other``, or
        ``all``."""
        if act != "all" and act not in ATTRIBUTION_ACTS:
            raise StorylineError(f"unknown act {act!r}: choose one of {', '.join(ATTRIBUTION_ACTS)} or all")
        A, R = S.attributions, S.articles
        q = (select(R.c.id.label("article"), R.c.story, A.c.kind, A.c.act, A.c.speaker, A.c.source, A.c.cue,
                    A.c.content, A.c.source_type)
             .join(R, R.c.hash == A.c.article).order_by(R.c.seq, A.c.idx).limit(limit))
        if act != "all":
            q = q.where(A.c.act == act)
        if speaker:
            q = q.where(or_(A.c.speaker.ilike(f"%{speaker}%"), A.c.source.ilike(f"%{speaker}%")))
        for word in (about or "").split():
            q = q.where(A.c.content.ilike(f"%{word}%"))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def events(self, type: str | None = None, actor: str | None = None,
               limit: int = 100) -> list[dict[str, Any]]:
        E, R = S.events, S.articles
        q = (select(R.c.id.label("article"), R.c.story, E.c.type, E.c.mode, E.c.trigger, E.c.actors,
                    E.c.recipients, E.c.date, E.c.place, E.c.negated, E.c.hypothetical, E.c.future,
                    E.c.sentence)
             .join(R, R.c.hash == E.c.article).order_by(R.c.seq, E.c.idx).limit(limit))
        if type:
            q = q.where(E.c.type == type.upper())
        if actor:
            q = q.where(or_(E.c.actors.ilike(f"%{actor}%"), E.c.recipients.ilike(f"%{actor}%")))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over titles and texts (SQLite FTS5; LIKE elsewhere)."""
        with self.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                try:
                    rows = conn.execute(text(
                        "SELECT a.id, a.title, a.story, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet "
                        "FROM articles_fts JOIN articles a ON a.hash = articles_fts.hash "
                        "WHERE articles_fts MATCH :q ORDER BY rank LIMIT :n"), {"q": query, "n": limit})
                    return [dict(r._mapping) for r in rows]
                except Exception as e:
                    raise StoreError(f"bad search query {query!r}: {e}") from e
            R = S.articles
            if conn.dialect.name == "postgresql":  # the indexed tsv column (schema v6); snippets of the top rows only
                rows = conn.execute(text(
                    "SELECT a.id, a.title, a.story, ts_headline('english', a.text, q.q) AS snippet "
                    "FROM (SELECT hash, ts_rank(tsv, websearch_to_tsquery('english', :q)) AS r FROM articles "
                    "      WHERE tsv @@ websearch_to_tsquery('english', :q) ORDER BY r DESC LIMIT :n) top "
                    "JOIN articles a ON a.hash = top.hash, websearch_to_tsquery('english', :q) AS q(q) "
                    "ORDER BY top.r DESC"), {"q": query, "n": limit})
            else:
                rows = conn.execute(select(R.c.id, R.c.title, R.c.story).where(R.c.text.ilike(f"%{query}%")).limit(limit))
            return [dict(r._mapping) for r in rows]


def arrival_kind(via: str | None) -> str:
    """How an article arrived, from its ``via``: post (``key:NAME``), feed (a URL), stdin, file."""
    if not via:
        return "unknown"
    if via.startswith("key:"):
        return "post"
    if via.startswith(("http://", "https://")):
        return "feed"
    return "stdin" if via == "<stdin>" else "file"


def _sentence(text_: str, span: tuple[int, int]) -> str:
    start = max(text_.rfind(". ", 0, span[0]) + 2, text_.rfind("\n", 0, span[0]) + 1, 0)
    ends = [i for i in (text_.find(". ", span[1]), text_.find("\n", span[1])) if i != -1]
    end = min(ends) + 1 if ends else len(text_)
    return text_[start:end].strip()


class StorySession:
    """What ``Store.story_session`` yields: the store, the locked connection, the state."""

    def __init__(self, store: Store, conn, state):
        self.store, self.conn, self.state = store, conn, state

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        return self.store.known_hashes(hashes, self.conn)

    def articles(self, story: str | Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
        return self.store.articles(story, self.conn)

    def add_batch(self, items, stories=None, moves=(), via: str | None = None) -> int:
        return self.store.add_batch(items, stories, moves, self.conn, via)

    def add_input_errors(self, errors) -> int:
        return self.store.add_input_errors(errors, self.conn)


def _sqlite_begin(conn) -> None:
    """Writers take SQLite's write lock when they begin (waiting up to the busy timeout), so
    two writers never deadlock on a lock upgrade; readers begin deferred."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("storyline_write") else "BEGIN")


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # transactions are begun by _sqlite_begin
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()
