"""The Dask engine: parsing and extraction partitioned over the workers of a ``dask.distributed``
cluster; story assignment in arrival order against the store's story rows, written by the
workers themselves. The result is the local engine's: the same contract records, the same
story partition.

    with DaskEngine(workers=2) as engine:                  # a LocalCluster of 2 processes
        for ex in engine.extract(articles): ...
    with DaskEngine(scheduler="tcp://host:8786") as engine: # an existing cluster
        engine.ingest(articles, store, ...)

How a run flows (docs/scale.md):

- The client reads the input as a stream (``storyline.ingest``: files, feeds, WARC; refusals
  stay with the client, which knows the paths) and cuts it into partitions of ``batch_size``
  articles. At most ``in_flight`` partitions are out at once, so a 100k-article input is never
  held whole in the client's memory.
- Each partition is parsed and extracted on a worker (``tasks.extract_partition``).
- For ``ingest``, each partition is then written by a worker (``tasks.store_partition``): the
  client makes the write of partition *i* depend on the write of *i − 1*, so stories are assigned
  in arrival order, one locked transaction per batch, exactly as one local writer would. The
  extractions go from the worker that made them to the store (a write prefers that worker), not
  through the client. Writes run before waiting parses (priority), and a worker started with a
  ``parse`` resource parses one partition at a time while its second thread writes.
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
                 in_flight: int | None = None, retries: int = 3, timeout: str = "30s"):
        if workers is not None and scheduler is not None:
            raise StorylineError("give --workers (start a local cluster) or --scheduler (use one), not both")
        if workers is not None and workers < 1:
            raise StorylineError(f"--workers {workers}: at least one worker is needed")
        self.workers = workers if workers is not None or scheduler else (os.cpu_count() or 1)
        self.scheduler = scheduler
        self.retries = retries
        self.timeout = timeout
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

    # ---- jobs ----------------------------------------------------------------------------
    def extract(self, articles: Iterable[Article], *, partition_size: int = 32,
                on_error: ErrorHandler = _ignore, errors: list[InputError] | None = None,
                progress: Progress = _ignore) -> Iterator[Extraction]:
        """Extractions in input order, partitions computed on the workers (streaming)."""
        pending: deque = deque()
        for part in partitions(articles, partition_size):
            pending.append(self._extract(part))
            while len(pending) > self.in_flight:
                yield from self._collect(pending.popleft(), on_error, errors, progress)
        while pending:
            yield from self._collect(pending.popleft(), on_error, errors, progress)

    def ingest(self, articles: Iterable[Article], store, *, batch_size: int = 64, config=None,
               report=None, progress: Progress = _ignore, on_error: ErrorHandler = _ignore,
               input_errors: list[InputError] | None = None) -> None:
        """Extract on the workers and have them cluster and write each partition in arrival
        order (``tasks.store_partition``); ``report`` (a ``jobs.RunReport``) counts what was
        committed. ``input_errors`` met while reading go with the next partition's write."""
        url = worker_url(store, self.scheduler)
        pending: deque = deque()
        previous = None
        input_errors = input_errors if input_errors is not None else []
        for part in partitions(articles, batch_size):
            carried = tuple(input_errors)
            del input_errors[:]
            extracted = self._extract(part)
            previous = self.client.submit(tasks.store_partition, url, extracted, previous, config, carried,
                                          batch_size, pure=False, priority=10, retries=self.retries)
            pending.append(previous)
            while len(pending) > self.in_flight:
                self._count(pending.popleft().result(), report, progress, on_error)
        while pending:
            self._count(pending.popleft().result(), report, progress, on_error)
        if input_errors:
            store.add_input_errors(input_errors)
            del input_errors[:]

    # ---- parts ---------------------------------------------------------------------------
    def _extract(self, part: list[Article]):
        return self.client.submit(tasks.extract_partition, part, pure=False, resources=self._parse,
                                  retries=self.retries)

    @staticmethod
    def _collect(future, on_error: ErrorHandler, errors: list[InputError] | None,
                 progress: Progress) -> Iterator[Extraction]:
        got: tasks.Extracted = future.result()
        for e in got.errors:
            if errors is not None:
                errors.append(e)
            on_error(e)
        progress(len(got.extractions) + len(got.errors))
        yield from got.extractions

    @staticmethod
    def _count(done: tasks.Stored, report, progress: Progress, on_error: ErrorHandler) -> None:
        if report is not None:
            report.added += done.added
            report.skipped += done.skipped
            report.stories.update(done.stories)
            report.errors.extend(done.errors)
        for e in done.errors:
            on_error(e)
        progress(done.articles + len(done.errors))


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

