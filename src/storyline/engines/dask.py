"""The Dask engine: parsing and extraction partitioned over the workers of a ``dask.distributed``
cluster; story assignment in arrival order against the store's story rows, written by the
workers themselves. The result is the local engine's: the same contract records, the same
story partition.

    with DaskEngine(workers=2) as engine:                  # a LocalCluster of 2 processes
        for ex in engine.extract(articles): ...
    with DaskEngine(scheduler="tcp://host:8786") as engine: # an existing cluster
        engine.ingest(articles, store, ...)

How a run flows (docs/scale.md):

- The client lists the inputs and cuts them into units of about 64 kB of bytes
  (``storyline.ingest.units``: a file's bytes; a large JSON Lines file cut at line boundaries).
  A unit is submitted only when a parse slot is free (``_submitted``), and at most
  ``in_flight`` units are out at once, so a 100k-article input is never held whole in the
  client's memory. Feed URLs and WARC files are read by the client (streamed) and travel as
  articles.
- Each unit is read (decoded, split into articles, HTML extracted), checked against the store
  (``ingest``: what is stored already is not parsed again), parsed and extracted on a worker
  (``tasks.read_partition``). Only bytes travel, so workers need no access to the client's files.
- For ``ingest``, each partition is then written by a worker (``tasks.store_partition``): the
  client makes the write of partition *i* depend on the write of *i − 1*, so stories are assigned
  in arrival order, one locked transaction per batch, exactly as one local writer would. Every
  write of a run goes to one worker while it lives (``DaskEngine.writer``), so its cached story
  state stays warm; the extractions go to it from the worker that made them, not through the
  client. Writes run before waiting parses (priority), and a worker started with a ``parse``
  resource parses one partition at a time while its second thread writes.
- A worker that dies loses nothing: Dask runs its tasks again elsewhere (the extraction is
  recomputed from the partition it was given), and a write that is run again skips what was
  committed (the content hash is checked under the writer lock).

A SQLite store is a file on this machine: with it the engine runs a local cluster only, and
refuses an existing scheduler (whose workers may be anywhere).
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from storyline.engines import tasks
from storyline.errors import InputError, StorylineError
from storyline.ingest.units import BLOCK, plan
from storyline.records import Article, Extraction

ErrorHandler = Callable[[InputError], None]
Progress = Callable[[int], None]


def _ignore(_: object) -> None:
    return None


def partitions(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while part := list(islice(it, size)):
        yield part


class DaskEngine:
    """A client on a Dask cluster: a ``LocalCluster`` of ``workers`` processes started (and
    stopped) here, or the existing cluster at ``scheduler``."""

    name = "dask"

    def __init__(self, workers: int | None = None, scheduler: str | None = None, *,
                 in_flight: int | None = None, retries: int = 3, timeout: str = "30s", block: int = BLOCK):
        if workers is not None and scheduler is not None:
            raise StorylineError("give --workers (start a local cluster) or --scheduler (use one), not both")
        if workers is not None and workers < 1:
            raise StorylineError(f"--workers {workers}: at least one worker is needed")
        self.workers = workers if workers is not None or scheduler else (os.cpu_count() or 1)
        self.scheduler = scheduler
        self.retries = retries
        self.timeout = timeout
        self.block = block  # bytes of input per unit read on a worker
        self._in_flight = in_flight
        self.client = self.cluster = None
        self._parse: dict[str, int] | None = None

    # ---- the cluster ---------------------------------------------------------------------
    def __enter__(self) -> DaskEngine:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as e:  # an optional extra
            raise StorylineError("--engine dask needs dask.distributed: pip install 'storyline[dask]'") from e
        try:
            if self.scheduler:
                self.client = Client(self.scheduler, timeout=self.timeout)
            else:
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=2, processes=True,
                                            resources={"parse": 1}, dashboard_address=":0",
                                            silence_logs=40)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as e:
            self.close()
            raise StorylineError(f"cannot reach the Dask scheduler {self.scheduler or '(local)'}: {e}") from e
        info = self.client.scheduler_info(n_workers=-1)["workers"]
        if not info:
            self.close()
            raise StorylineError(f"the Dask cluster at {self.scheduler} has no workers")
        # One parse at a time per worker when every worker declares the resource (a local
        # cluster does; `dask worker --nthreads 2 --resources parse=1` on a real one).
        if all(w.get("resources", {}).get("parse") for w in info.values()):
            self._parse = {"parse": 1}
        self.n_workers = len(info)
        self.slots = (sum(w["resources"]["parse"] for w in info.values()) if self._parse
                      else sum(w["nthreads"] for w in info.values()))
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = self.cluster = None

    @property
    def in_flight(self) -> int:
        return self._in_flight or 2 * self.n_workers + 1

    def worker_pids(self) -> dict[str, int]:
        return self.client.run(os.getpid)

    def writer(self) -> list[str]:
        """The worker that writes every partition of a run, while it lives: its story working set
        then stays warm (workers taking turns would each read back what the other wrote). A
        loose restriction: if it dies, the writes go on elsewhere."""
        return sorted(self.client.scheduler_info(n_workers=-1)["workers"])[:1]

    # ---- jobs ----------------------------------------------------------------------------
    def extract_paths(self, paths: Iterable[str | Path], *, published=None, source: str | None = None,
                      max_chars: int | None = None, report=None, on_error: ErrorHandler = _ignore,
                      progress: Progress = _ignore) -> Iterator[Extraction]:
        """Extractions of everything in ``paths``, in input order: the client only cuts the
        input into units of bytes (``ingest.units.plan``); reading, splitting and extraction
        happen on the workers. ``report`` (a ``jobs.RunReport``) counts what was read and refused."""
        options = (published, source, max_chars)
        units = self._submitted(plan(paths, published=published, source=source, block=self.block),
                                lambda unit: self._read(unit, options))
        return self._extracted(units, report, on_error, progress)

    def extract(self, articles: Iterable[Article], *, partition_size: int = 32,
                on_error: ErrorHandler = _ignore, report=None, progress: Progress = _ignore) -> Iterator[Extraction]:
        """Extractions of articles read here, in input order, computed on the workers (streaming)."""
        return self._extracted(self._submitted(partitions(articles, partition_size), self._extract), report,
                               on_error, progress)

    def ingest_paths(self, paths: Iterable[str | Path], store, *, published=None, source: str | None = None,
                     max_chars: int | None = None, batch_size: int = 64, config=None, report=None,
                     progress: Progress = _ignore, on_error: ErrorHandler = _ignore) -> None:
        """``storyline ingest`` on the cluster: each unit of input read, split, checked against
        the store (articles stored already are not parsed again) and extracted on a worker, then
        clustered and written in arrival order (``tasks.store_partition``)."""
        url = worker_url(store, self.scheduler)
        options = (published, source, max_chars)
        units = self._submitted(plan(paths, published=published, source=source, block=self.block),
                                lambda unit: self._read(unit, options, url))
        self._stored(units, url, batch_size, config, report, progress, on_error, [])

    def ingest(self, articles: Iterable[Article], store, *, batch_size: int = 64, config=None,
               report=None, progress: Progress = _ignore, on_error: ErrorHandler = _ignore,
               input_errors: list[InputError] | None = None) -> None:
        """Extract articles read here on the workers and have them cluster and write each
        partition in arrival order (``tasks.store_partition``); ``report`` (a ``jobs.RunReport``)
        counts what was committed. ``input_errors`` met while reading go with the next
        partition's write."""
        url = worker_url(store, self.scheduler)
        input_errors = input_errors if input_errors is not None else []
        parts = self._submitted(partitions(articles, batch_size), self._extract)
        self._stored(parts, url, batch_size, config, report, progress, on_error, input_errors)
        if input_errors:
            store.add_input_errors(input_errors)
            del input_errors[:]

    # ---- parts ---------------------------------------------------------------------------
    def _submitted(self, items: Iterable, submit: Callable) -> Iterator:
        """``submit(item)`` for each item, lazily, never more running than the cluster has parse
        slots: the scheduler hands a task to a worker as soon as it is submitted, and one queued
        on a busy worker (the one that also writes) would wait there while another sits idle."""
        from dask.distributed import wait

        running: set = set()
        for item in items:
            while len(running) >= self.slots:
                running = wait(running, return_when="FIRST_COMPLETED").not_done
            future = submit(item)
            running.add(future)
            yield future

    def _extracted(self, futures: Iterable, report, on_error: ErrorHandler, progress: Progress) -> Iterator[Extraction]:
        """The extractions of ``futures`` in order, at most ``in_flight`` of them out at once."""
        pending: deque = deque()
        for future in futures:
            pending.append(future)
            while len(pending) > self.in_flight:
                yield from self._collect(pending.popleft(), report, on_error, progress)
        while pending:
            yield from self._collect(pending.popleft(), report, on_error, progress)

    def _stored(self, futures: Iterable, url: str, batch_size: int, config, report, progress: Progress,
                on_error: ErrorHandler, input_errors: list[InputError]) -> None:
        """Each extraction future written after the one before it (arrival order)."""
        pending: deque = deque()
        previous = None
        writer = self.writer()
        for extracted in futures:
            carried = tuple(input_errors)
            del input_errors[:]
            previous = self.client.submit(tasks.store_partition, url, extracted, previous, config, carried,
                                          batch_size, pure=False, priority=10, retries=self.retries,
                                          workers=writer, allow_other_workers=True)
            pending.append(previous)
            while len(pending) > self.in_flight:
                self._count(pending.popleft().result(), report, progress, on_error)
        while pending:
            self._count(pending.popleft().result(), report, progress, on_error)

    def _extract(self, part: list[Article]):
        return self.client.submit(tasks.extract_partition, part, pure=False, resources=self._parse,
                                  retries=self.retries)

    def _read(self, unit, options: tuple, url: str | None = None):
        return self.client.submit(tasks.read_partition, unit, options, url, pure=False, resources=self._parse,
                                  retries=self.retries)

    @staticmethod
    def _collect(future, report, on_error: ErrorHandler, progress: Progress) -> Iterator[Extraction]:
        got: tasks.Extracted = future.result()
        if report is not None:
            report.articles += got.read
            report.errors.extend(got.errors)
        for e in got.errors:
            on_error(e)
        progress(got.read)  # articles, whatever became of them (as the local engine counts)
        yield from got.extractions

    @staticmethod
    def _count(done: tasks.Stored, report, progress: Progress, on_error: ErrorHandler) -> None:
        if report is not None:
            report.articles += done.read
            report.added += done.added
            report.skipped += done.skipped
            report.stories.update(done.stories)
            report.errors.extend(done.errors)
        for e in done.errors:
            on_error(e)
        progress(done.read)


def worker_url(store, scheduler: str | None = None) -> str:
    """The store as the workers open it. A SQLite store is a file on this machine: refused for
    the cluster at ``scheduler``, whose workers may be on other machines."""
    url = store.engine.url
    if url.get_backend_name() != "sqlite":
        return url.render_as_string(hide_password=False)
    if scheduler:
        raise StorylineError(
            f"the store {store.where} is a SQLite file on this machine, and the workers of the "
            f"cluster at {scheduler} may run anywhere: use --workers N (a local cluster) "
            "or a PostgreSQL store (--db postgresql+psycopg://...)")
    if store.read_only:
        raise StorylineError(f"the store {store.where} is read-only")
    return f"sqlite:///{Path(url.database).resolve()}"

