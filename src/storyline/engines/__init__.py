"""Where the stages run: in this process (``local``, the default) or partitioned over a Dask
cluster (``dask``). Both run the same stage functions (``storyline.pipeline``) and the same
story assignment on the store's rows, so they give the same results."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from storyline.errors import StorylineError

ENGINES = ("local", "dask")


@contextmanager
def open_engine(name: str = "local", workers: int | None = None, scheduler: str | None = None,
                store=None) -> Iterator:
    """``None`` for the local engine (the jobs run in this process), else a started
    ``DaskEngine``, closed (with its local cluster) on the way out. A ``store`` the workers
    are to write is checked first (a SQLite file cannot go to a remote cluster)."""
    if name == "local":
        if workers is not None or scheduler is not None:
            raise StorylineError("--workers and --scheduler run on Dask: add --engine dask")
        yield None
    elif name == "dask":
        from storyline.engines.dask import DaskEngine, worker_url

        if store is not None:
            worker_url(store, scheduler)
        with DaskEngine(workers=workers, scheduler=scheduler) as engine:
            yield engine
    else:
        raise StorylineError(f"--engine {name!r}: choose one of {', '.join(ENGINES)}")
