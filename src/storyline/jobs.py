"""The jobs the CLI and the API run: extract, cluster, ingest into a store.

Each job reads through ``storyline.ingest`` (bad input becomes an ``InputError`` passed to
``on_error``, never an exception), runs the same stage functions as every other runner, and
reports what it did. The CLI and the web layer are thin shells over these functions.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from storyline.errors import InputError
from storyline.ingest import read_paths
from storyline.pipeline import extract as run_pipeline
from storyline.records import Article, Extraction, StoryAssignment
from storyline.store import Store

ErrorHandler = Callable[[InputError], None]
Progress = Callable[[int], None]


def _ignore(_: object) -> None:
    return None


@dataclass
class RunReport:
    articles: int = 0  # articles read
    added: int = 0  # new articles stored
    skipped: int = 0  # already known (same content)
    errors: list[InputError] = field(default_factory=list)
    stories: set[str] = field(default_factory=set)
    reclustered: int = 0  # stored articles clustered again (the saved state was unreadable)


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
            n_process: int = 1) -> Iterator[Extraction]:
    """One Extraction per article, in input order (``storyline extract``)."""
    report = report if report is not None else RunReport()
    arts = articles_only(read_paths(paths, published=published, source=source), report, on_error)
    yield from run_pipeline(arts, n_process=n_process)


def cluster(paths: Iterable[str | Path], *, published: dt.date | None = None, batch: bool = False,
            embeddings: bool = False, report: RunReport | None = None,
            on_error: ErrorHandler = _ignore) -> Iterator[StoryAssignment]:
    """Final story assignments in arrival order (``storyline cluster``); no state is kept.

    Written once the stream ends: a later article can split a story and move earlier ones, and
    the output gives each article the story it ends in.
    """
    from storyline.stories import ClusterConfig, cluster as cluster_all

    exs = extract(paths, published=published, report=report, on_error=on_error)
    yield from cluster_all(exs, batch=batch, config=ClusterConfig(embeddings=embeddings))


def ingest(paths: Iterable[str | Path], store: Store, *, published: dt.date | None = None,
           source: str | None = None, batch_size: int = 64, on_error: ErrorHandler = _ignore,
           progress: Progress = _ignore, n_process: int = 1, embeddings: bool = False) -> RunReport:
    """Read, extract, cluster and store; each batch is written in one transaction.

    ``embeddings`` turns on the optional embedding channel for this run's arrivals."""
    report = RunReport()
    clusterer = _clusterer(store, report)
    clusterer.config = replace(clusterer.config, embeddings=embeddings)
    seen: set[str] = set()

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

        for a in articles_only(read_paths(paths, published=published, source=source), report, on_error):
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

    batch: list[tuple[Extraction, StoryAssignment]] = []
    for ex in run_pipeline(new_articles(), n_process=n_process):
        batch.append((ex, clusterer.add(ex)))
        if len(batch) >= batch_size:
            _write(store, batch, clusterer, report)
            progress(len(batch))
            batch = []
    if batch:
        _write(store, batch, clusterer, report)
        progress(len(batch))
    return report


def _clusterer(store: Store, report: RunReport):
    """The store's saved clusterer; a state saved by another storyline version is rebuilt."""
    from storyline.stories import StoryClusterer

    state = store.clusterer_state()
    if not state:
        return StoryClusterer()
    try:
        return StoryClusterer.loads(state)
    except Exception:  # an older state layout (or a damaged blob): cluster the store again
        return recluster(store, report=report)


def recluster(store: Store, config=None, report: RunReport | None = None):
    """Cluster every stored article again, in arrival order, and re-file them in one transaction.

    Used when the saved clustering state cannot be read (it was written by another version) and
    by ``storyline recluster`` (e.g. after changing the configuration or turning embeddings on).
    Returns the new clusterer, saved with the store.
    """
    from storyline.stories import StoryClusterer
    from storyline.stories.merge import merge_story

    clusterer = StoryClusterer(config)
    stored: list[tuple[Extraction, str | None]] = []  # each stored article, read once, and its old story
    for rec in store.articles():
        ex = Extraction.from_contract(rec)
        clusterer.add(ex)
        stored.append((ex, rec.get("story")))
    clusterer.take_moves()  # nothing is stored under the new ids yet: the final partition is what counts
    final = clusterer.story_of
    moves = [(ex.article.id, old, final[ex.article.id]) for ex, old in stored if old != final[ex.article.id]]
    members: dict[str, list[Extraction]] = {}
    for ex, _ in stored:
        members.setdefault(final[ex.article.id], []).append(ex)
    merged: dict[str, dict | None] = {old: None for _, old in stored}  # old records go ...
    merged.update({sid: merge_story(sid, exs).to_dict() for sid, exs in members.items()})  # ... or are rewritten
    store.add_batch([], stories=merged, clusterer_state=clusterer.dumps(), moves=moves)
    if report is not None:
        report.reclustered += len(stored)
        report.stories.update(members)
    return clusterer


def _write(store: Store, batch: list[tuple[Extraction, StoryAssignment]], clusterer, report: RunReport) -> None:
    """Store a batch with the merged records of every story it touches, in one transaction.

    A split inside the clusterer may move earlier articles to a new story: stored ones are
    re-filed (``moves``), and every story that gained or lost an article is merged again.
    Articles of this batch are filed under their story as it stands now (after any split).
    """
    from storyline.stories.merge import merge_story

    final = clusterer.story_of
    batch = [(ex, replace(a, story=final.get(a.article_id, a.story))) for ex, a in batch]
    in_batch = {ex.article.id for ex, _ in batch}
    moves = [m for m in clusterer.take_moves() if m[0] not in in_batch]
    touched = {a.story for _, a in batch} | {m[1] for m in moves} | {m[2] for m in moves}
    members: dict[str, list[Extraction]] = {sid: [] for sid in touched}
    for rec in store.articles(story=touched):  # stored members, re-filed where a split moved them
        sid = final.get(rec["id"], rec.get("story"))
        if sid in members:
            members[sid].append(Extraction.from_contract(rec))
    for ex, a in batch:
        members[a.story].append(ex)
    merged = {sid: merge_story(sid, exs).to_dict() if exs else None for sid, exs in members.items()}
    report.added += store.add_batch(batch, stories=merged, clusterer_state=clusterer.dumps(), moves=moves)
    report.stories.update(sid for sid, exs in members.items() if exs)


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
