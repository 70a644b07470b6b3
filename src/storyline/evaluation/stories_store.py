"""Story clustering through the store, with one or several concurrent writers.

``store_labels(extractions, writers=N, url=None)`` stores the stream in a fresh store (a
temporary SQLite file unless ``url`` names another database, which must be empty) the way
``storyline ingest`` does, and returns each article's story as the store has it at the end.
With ``writers > 1`` that many real processes write at once, article ``i`` going to writer
``i % N`` (each writer in stream order), all started together: the clustering state they share
is the store's rows, so an article that continues a story another writer started should join
it. ``storyline eval stories --writers N`` scores this beside the in-memory clusterer.
"""
from __future__ import annotations

import multiprocessing as mp
import tempfile
from collections.abc import Sequence
from pathlib import Path

from storyline.records import Extraction
from storyline.stories.cluster import ClusterConfig


def _write(url: str, exts: list[Extraction], batch_size: int, config: ClusterConfig | None,
           start) -> None:
    from storyline import jobs
    from storyline.store import Store

    store = Store(url)
    start.wait()
    jobs.store_extractions(exts, store, batch_size=batch_size, config=config)


def store_labels(exts: Sequence[Extraction], *, writers: int = 1, url: str | None = None,
                 batch_size: int = 16, config: ClusterConfig | None = None) -> list[str]:
    from storyline.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        url = url or str(Path(tmp) / "stories.db")
        Store(url)  # create the schema once, before the writers race
        if writers <= 1:
            _write(url, list(exts), batch_size, config, _Ready())
        else:
            ctx = mp.get_context("spawn")
            start = ctx.Event()
            procs = [ctx.Process(target=_write, args=(url, list(exts[w::writers]), batch_size, config, start))
                     for w in range(writers)]
            for p in procs:
                p.start()
            start.set()
            for p in procs:
                p.join()
            bad = [p.exitcode for p in procs if p.exitcode]
            if bad:
                raise RuntimeError(f"{len(bad)} of {writers} writers failed (exit codes {bad})")
        story = {r["id"]: r["story"] for r in Store(url).articles()}
        return [story.get(e.article.id, f"missing:{e.article.id}") for e in exts]


class _Ready:
    def wait(self) -> None:
        return None
