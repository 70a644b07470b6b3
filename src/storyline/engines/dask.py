"""The Dask runner: articles partitioned over a Dask bag, each partition through the same
``storyline.pipeline.extract`` the local runner uses. Records are frozen dataclasses and pickle,
so results come back to the client in input order.

    from dask.distributed import Client
    client = Client("tcp://scheduler:8786")          # or Client() for a local cluster
    extractions = run(articles, partitions=64)        # uses the active client

Each worker loads the spaCy model once per process (``storyline.annotate.nlp.load`` is cached).
Cost is linear in the number of articles: partitions are independent.
"""
from __future__ import annotations

from collections.abc import Iterable

from storyline.errors import StorylineError
from storyline.records import Article, Extraction


def _extract_partition(articles: list[Article]) -> list[Extraction]:
    from storyline.pipeline import extract

    return list(extract(articles))


def run(articles: Iterable[Article], *, partitions: int | None = None, scheduler: str | None = None
        ) -> list[Extraction]:
    """Extract every article on Dask; ``scheduler`` may be "processes", "threads", "sync" or
    None for the active distributed client (or Dask's default)."""
    try:
        import dask.bag as db
    except ImportError as e:  # an optional extra
        raise StorylineError("the Dask runner needs dask: pip install 'storyline[dask]'") from e
    items = list(articles)
    if not items:
        return []
    n = partitions or max(1, min(len(items), 2 * _workers()))
    bag = db.from_sequence(items, npartitions=n)
    return list(bag.map_partitions(_extract_partition).compute(scheduler=scheduler))


def _workers() -> int:
    try:
        from dask.distributed import default_client

        return max(1, len(default_client().scheduler_info()["workers"]))
    except (ImportError, ValueError):
        import os

        return os.cpu_count() or 1
