"""The jobs the CLI and the API run: extract, cluster, ingest into a store.

Each job reads through ``storyline.ingest`` (bad input becomes an ``InputError`` passed to
``on_error``, never an exception), runs the same stage functions as every other runner, and
reports what it did. The CLI and the web layer are thin shells over these functions.
"""
from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from storyline.errors import InputError, StoreError
from storyline.ingest import read_paths
from storyline.pipeline import extract as run_pipeline
from storyline.records import Article, Extraction, StoryAssignment
from storyline.store import Store
from storyline.store.story_state import WorkingSet
from storyline.stories.cluster import ClusterConfig, StoryClusterer

ErrorHandler = Callable[[InputError], None]
Progress = Callable[[int], None]


def _ignore(_: object) -> None:
    return None


@dataclass
class RunReport:
    articles: int = 0  # articles read
    added: int = 0  # new articles stored
    skipped: int = 0  # already known (same content)
    errors: list[InputError] = field(default_factory=list)  # refusals and repairs, in order met
    stories: set[str] = field(default_factory=set)
    reclustered: int = 0  # stored articles clustered again (recluster, or an upgraded store)
    new: list[str] = field(default_factory=list)  # content hashes one batch stored (see _write)

    @property
    def refused(self) -> list[InputError]:
        """Inputs (files, lines, records) that were not read."""
        return [e for e in self.errors if not e.kept]

    @property
    def repaired(self) -> list[InputError]:
        """Articles read with something replaced or dropped (``InputError.kept``)."""
        return [e for e in self.errors if e.kept]

    def summary(self) -> str:
        """One line: what was read, and how each input ended."""
        return (f"{self.articles} articles read, {self.added} added, {self.skipped} already stored, "
                f"{len(self.refused)} refused, {len(self.repaired)} repaired")


def articles_only(items: Iterable[Article | InputError], report: RunReport,
                  on_error: ErrorHandler = _ignore) -> Iterator[Article]:
    for item in items:
        if isinstance(item, InputError):
            report.errors.append(item)
            on_error(item)
        else:
            report.articles += 1
            yield item


def extract(paths: Iterable[str | Path], *, published: dt.date | None = None, source: str | None = None,
            report: RunReport | None = None, on_error: ErrorHandler = _ignore,
            n_process: int = 1, engine=None, progress: Progress = _ignore) -> Iterator[Extraction]:
    """One Extraction per article, in input order (``storyline extract``). ``engine``: None
    runs in this process; a started ``engines.dask.DaskEngine`` reads and extracts on its
    workers (the same records, in the same order)."""
    report = report if report is not None else RunReport()
    if engine is not None:
        yield from engine.extract_paths(paths, published=published, source=source, report=report,
                                        on_error=on_error, progress=progress)
        return
    arts = articles_only(read_paths(paths, published=published, source=source), report, on_error)
    for ex in run_pipeline(arts, n_process=n_process):
        progress(1)
        yield ex


def cluster(paths: Iterable[str | Path], *, published: dt.date | None = None, batch: bool = False,
            embeddings: bool = False, report: RunReport | None = None,
            on_error: ErrorHandler = _ignore, engine=None, progress: Progress = _ignore) -> Iterator[StoryAssignment]:
    """Final story assignments in arrival order (``storyline cluster``); no state is kept.

    Written once the stream ends: a later article can split a story and move earlier ones, and
    the output gives each article the story it ends in. On an ``engine``, the extraction is
    partitioned and the clustering runs here, in arrival order.
    """
    from storyline.stories import cluster as cluster_all

    exs = extract(paths, published=published, report=report, on_error=on_error, engine=engine, progress=progress)
    yield from cluster_all(exs, batch=batch, config=ClusterConfig(embeddings=embeddings))


def ingest(paths: Iterable[str | Path], store: Store, *, published: dt.date | None = None,
           source: str | None = None, batch_size: int = 64, on_error: ErrorHandler = _ignore,
           progress: Progress = _ignore, n_process: int = 1, embeddings: bool = False,
           rebuild_progress: Progress | None = None, engine=None) -> RunReport:
    """Read, extract, cluster and store; each batch is written in one transaction.

    Every input ends stored, a duplicate, or refused: refusals and repairs go to ``on_error``
    and into the store (``Store.input_errors``), written with the batch that follows them.
    ``embeddings`` turns on the optional embedding channel for this run's arrivals. A store
    written before story state was kept as rows is first rebuilt (``recluster``, reporting to
    ``rebuild_progress``). ``engine``: None runs in this process; a started
    ``engines.dask.DaskEngine`` reads, extracts, clusters and writes on its workers, in arrival
    order (the same store in the end)."""
    report = RunReport()
    seen: set[str] = set()
    unrecorded: list[InputError] = []  # met, not yet in the store

    def noted(e: InputError) -> None:
        unrecorded.append(e)
        on_error(e)

    def new_articles() -> Iterator[Article]:
        pending: list[Article] = []

        def drain() -> Iterator[Article]:
            known = store.known_hashes(a.content_hash for a in pending)
            for a in pending:
                if a.content_hash in known:
                    report.skipped += 1
                    progress(1)
                else:
                    yield a
            pending.clear()

        for a in articles_only(read_paths(paths, published=published, source=source), report, noted):
            h = a.content_hash
            if h in seen:
                report.skipped += 1
                progress(1)
                continue
            seen.add(h)
            pending.append(a)
            if len(pending) >= batch_size:
                yield from drain()
        yield from drain()

    if store.needs_story_rebuild():
        recluster(store, report=report, progress=rebuild_progress or _ignore)
    config = ClusterConfig(embeddings=embeddings)
    if engine is not None:
        engine.ingest_paths(paths, store, published=published, source=source, batch_size=batch_size,
                            config=config, report=report, progress=progress, on_error=on_error)
    else:
        store_extractions(run_pipeline(new_articles(), n_process=n_process), store, batch_size=batch_size,
                          report=report, progress=progress, config=config, input_errors=unrecorded)
    if unrecorded:
        store.add_input_errors(unrecorded)
    return report


def store_extractions(extractions: Iterable[Extraction], store: Store, *, batch_size: int = 64,
                      report: RunReport | None = None, progress: Progress = _ignore,
                      config: ClusterConfig | None = None, working: WorkingSet | None = None,
                      input_errors: list[InputError] | None = None, via: str | None = None,
                      on_stored: Callable[[list[str]], None] = _ignore) -> RunReport:
    """Cluster extractions in arrival order against the store's story rows and store them,
    one locked transaction per batch (what every writer runs, so concurrent writers share
    one story state). ``input_errors`` met while reading are written with the next batch and
    taken off the list once committed. ``via`` is how the articles arrived (default: each
    article's path); ``on_stored`` gets the content hashes each committed batch stored."""
    report = report if report is not None else RunReport()
    clusterer = StoryClusterer(config)
    working = working if working is not None else WorkingSet()
    batch: list[Extraction] = []
    for ex in extractions:
        batch.append(ex)
        if len(batch) >= batch_size:
            _write(store, batch, clusterer, working, report, input_errors, via=via, on_stored=on_stored)
            progress(len(batch))
            batch = []
    if batch:
        _write(store, batch, clusterer, working, report, input_errors, via=via, on_stored=on_stored)
        progress(len(batch))
    return report


def recluster(store: Store, config: ClusterConfig | None = None, report: RunReport | None = None,
              progress: Progress = _ignore, page: int = 500) -> None:
    """Cluster every stored article again, in arrival order, and re-file them: one locked
    transaction, so the store never shows half a re-clustering.

    The story rows are emptied and rebuilt from the stored articles (read a page at a time;
    memory bounded by the page and the working set). Used by ``storyline recluster`` (e.g.
    after turning embeddings on) and to upgrade a store written before story state was kept as
    rows (its old state is never read). ``progress(n)`` counts articles done."""
    from sqlalchemy import select, text

    from storyline.store import schema as S
    from storyline.stories.merge import merge_story

    working = WorkingSet()
    A = S.articles
    n = 0
    with store.story_session(working, config, reset=True) as session:
        conn = session.conn
        clusterer = StoryClusterer(config, session.state)
        last = 0
        while True:
            rows = conn.execute(select(A.c.seq, A.c.record).where(A.c.seq > last)
                                .order_by(A.c.seq).limit(page)).all()
            if not rows:
                break
            last = rows[-1][0]
            placed = [clusterer.add(Extraction.from_contract(json.loads(rec))) for _, rec in rows]
            refile = {m[0]: m[2] for m in clusterer.take_moves()}
            refile.update({a.article_id: session.state.story_of(a.article_id) for a in placed})
            conn.execute(text("UPDATE articles SET story = :s WHERE id = :i"),
                         [{"s": sid, "i": aid} for aid, sid in refile.items()])
            session.state.flush()
            session.state.forget_assigned()
            n += len(rows)
            progress(len(rows))
        conn.execute(S.meta.delete().where(S.meta.c.key == S.REBUILD_KEY))
        # every record now carries its new story; then one merged record per story
        last = 0
        while True:
            rows = conn.execute(select(A.c.seq, A.c.hash, A.c.story, A.c.record).where(A.c.seq > last)
                                .order_by(A.c.seq).limit(page)).all()
            if not rows:
                break
            last = rows[-1][0]
            updates = []
            for _, h, sid, rec in rows:
                record = json.loads(rec)
                if record.get("story") != sid:
                    record["story"] = sid
                    updates.append({"h": h, "r": json.dumps(record)})
            if updates:
                conn.execute(text("UPDATE articles SET record = :r WHERE hash = :h"), updates)
        conn.execute(S.stories.delete())
        sids = conn.execute(select(A.c.story).distinct()).scalars().all()
        for i in range(0, len(sids), 100):
            session.add_batch([], stories={sid: merge_story(sid, [Extraction.from_contract(r) for r in
                                                                  session.articles(sid)]).to_dict()
                                           for sid in sids[i:i + 100]})
        if report is not None:
            report.reclustered += n
            report.stories.update(sids)


def _write(store: Store, batch: list[Extraction], clusterer: StoryClusterer, working: WorkingSet,
           report: RunReport, input_errors: list[InputError] | None = None, attempts: int = 5,
           via: str | None = None, on_stored: Callable[[list[str]], None] = _ignore) -> None:
    """Cluster and store a batch with the merged records of every story it touches, in one
    locked transaction (retried when the database reports a lock timeout or a conflict).

    Articles another writer stored meanwhile are skipped (checked under the lock). A split
    may move earlier articles to a new story: stored ones are re-filed (``moves``), and every
    story that gained or lost an article is merged again. Articles of this batch are filed under
    their story as it stands after the batch (after any split)."""
    from sqlalchemy.exc import OperationalError

    feats = [(ex, clusterer.features(ex)) for ex in batch]  # outside the lock: the slow part
    for attempt in range(attempts):
        try:
            errors = list(input_errors or ())
            done = RunReport()  # counted into ``report`` once committed, so a retry counts once
            with store.story_session(working, clusterer.config) as session:
                done.added = _assign_and_store(session, clusterer, feats, done, via)
                session.add_input_errors(errors)
            report.added += done.added
            report.skipped += done.skipped
            report.stories |= done.stories
            if input_errors:
                del input_errors[:len(errors)]
            on_stored(done.new)
            return
        except OperationalError as e:  # lock timeout, serialisation failure, dropped connection
            if attempt == attempts - 1:
                raise StoreError(f"could not write a batch after {attempts} attempts: {e.orig}") from e
            time.sleep(0.5 * (attempt + 1))


def _assign_and_store(session, clusterer: StoryClusterer, feats, report: RunReport, via: str | None = None) -> int:
    from storyline.stories.merge import merge_story

    clusterer.state = session.state
    clusterer.moves = []
    known = session.known_hashes(ex.article.content_hash for ex, _ in feats)
    placed = [(ex, clusterer.add_features(f)) for ex, f in feats if ex.article.content_hash not in known]
    report.skipped += len(feats) - len(placed)
    final = clusterer.story_of
    placed = [(ex, replace(a, story=final.get(a.article_id, a.story))) for ex, a in placed]
    in_batch = {ex.article.id for ex, _ in placed}
    moves = [m for m in clusterer.take_moves() if m[0] not in in_batch]
    touched = {a.story for _, a in placed} | {m[1] for m in moves} | {m[2] for m in moves}
    members: dict[str, list[Extraction]] = {sid: [] for sid in touched}
    for rec in session.articles(story=touched):  # stored members, re-filed where a split moved them
        sid = final.get(rec["id"], rec.get("story"))
        if sid in members:
            members[sid].append(Extraction.from_contract(rec))
    for ex, a in placed:
        members[a.story].append(ex)
    merged = {sid: merge_story(sid, exs).to_dict() if exs else None for sid, exs in members.items()}
    report.stories.update(sid for sid, exs in members.items() if exs)
    report.new = [ex.article.content_hash for ex, _ in placed]
    return session.add_batch(placed, stories=merged, moves=moves, via=via)


@dataclass(frozen=True)
class Placement:
    """Where one posted article ended: ``stored`` (new) or ``duplicate`` (already there)."""

    id: str
    hash: str
    story: str | None
    status: str

    def to_dict(self) -> dict:
        return {"id": self.id, "hash": self.hash, "story": self.story, "status": self.status}


_PARSING = threading.Lock()  # one parse at a time per process: spaCy is not documented thread-safe


def ingest_articles(articles: list[Article], store: Store, *, via: str | None = None,
                    config: ClusterConfig | None = None, working: WorkingSet | None = None) -> list[Placement]:
    """Articles handed over whole (``POST /api/articles``): the same pipeline, clustering and
    locked store writes as ``ingest``, in one batch; one ``Placement`` per article, in order.

    An article already stored (same title and text), or given twice, is a ``duplicate`` and
    nothing is written for it; so is one that a concurrent writer stored first (checked under
    the writer lock). ``via`` records how they arrived (``key:NAME``)."""
    placements_known = store.known_hashes(a.content_hash for a in articles)
    new: list[Article] = []
    seen: set[str] = set()
    for a in articles:
        h = a.content_hash
        if h not in placements_known and h not in seen:
            new.append(a)
        seen.add(h)
    stored: set[str] = set()
    if new:
        if store.needs_story_rebuild():
            recluster(store)
        with _PARSING:
            exs = list(run_pipeline(new))
        store_extractions(exs, store, batch_size=len(exs), config=config, working=working, via=via,
                          on_stored=stored.update)
    where = store.placements(seen)
    out = []
    for a in articles:
        h = a.content_hash
        aid, story = where.get(h, (a.id, None))
        out.append(Placement(aid, h, story, "stored" if h in stored else "duplicate"))
        stored.discard(h)  # the same article twice in one post: the second is a duplicate
    return out


def delete_article(store: Store, key: str, config: ClusterConfig | None = None):
    """Remove a stored article (by id, the latest with that id; or by content hash) in one
    locked transaction: its rows and facts, its place in the story clustering state (profile,
    document frequencies, near-copy index; copies of it name the earliest copy left), and its
    story's merged record (deleted when no article is left). Returns a ``store.removal.Removal``,
    or None when no article has that id."""
    from storyline.stories.features import trusted_date
    from storyline.stories.merge import merge_story
    from storyline.store import removal

    working = WorkingSet()
    with store.story_session(working, config) as session:
        conn = session.conn
        found = removal.find(conn, key)
        if found is None:
            return None
        clusterer = StoryClusterer(config, session.state)
        today = clusterer.config.today or dt.date.today()
        removal.delete_rows(conn, found.hash)
        if found.arrival is not None:
            if found.story is not None:
                f = clusterer.features(Extraction.from_contract(found.record))
                days = [trusted_date(d, today)[0] for d in removal.published_days(conn, found.story)]
                clusterer.withdraw(f, found.story, found.arrival, days)
            root = session.state.forget(found.arrival)
            removal.repoint_copies(conn, found.id, root)
        left = 0
        if found.story is not None:
            members = [Extraction.from_contract(r) for r in session.articles(found.story)]
            left = len(members)
            session.add_batch([], stories={found.story: merge_story(found.story, members).to_dict() if members
                                           else None})
    return removal.Removal(found.id, found.hash, found.story, left)


def watch(folder: str | Path, store: Store, *, interval: float = 5.0, cycles: int | None = None,
          published: dt.date | None = None, source: str | None = None, on_error: ErrorHandler = _ignore,
          on_report: Callable[[RunReport], None] = _ignore, sleep: Callable[[float], None] | None = None) -> None:
    """Ingest files as they appear in (or change under) ``folder``; polls every ``interval`` s.

    Runs forever unless ``cycles`` is given. A file is read again only when its size or
    modification time changes, and the content hash keeps a re-read from adding duplicates.
    """
    import time

    sleep = sleep or time.sleep
    folder = Path(folder)
    seen: dict[Path, tuple[int, float]] = {}
    n = 0
    while cycles is None or n < cycles:
        n += 1
        changed = []
        for f in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
            try:
                st = f.stat()
            except OSError:
                continue
            sig = (st.st_size, st.st_mtime)
            if seen.get(f) != sig:
                seen[f] = sig
                changed.append(f)
        if changed:
            on_report(ingest(changed, store, published=published, source=source, on_error=on_error))
        if cycles is None or n < cycles:
            sleep(interval)
