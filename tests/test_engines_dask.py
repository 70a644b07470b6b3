"""The Dask runner gives exactly what the local runner gives, in the same order."""
from __future__ import annotations

import pytest

from storyline.engines import dask as dask_engine
from storyline.engines import local
from storyline.ingest import read_paths
from storyline.records import Article


@pytest.fixture(scope="module")
def articles(shared_sample):
    return [a for a in read_paths([shared_sample, shared_sample.parent / "corpus"]) if isinstance(a, Article)]


@pytest.mark.parametrize("scheduler", ["sync", "threads"])
def test_dask_matches_local(articles, scheduler):
    expected = list(local.run(articles))
    got = dask_engine.run(articles, partitions=3, scheduler=scheduler)
    assert [e.article.id for e in got] == [a.id for a in articles]
    assert got == expected


def test_dask_with_a_distributed_cluster(articles):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None):
        got = dask_engine.run(articles[:3])
    assert [e.to_contract() for e in got] == [e.to_contract() for e in local.run(articles[:3])]


def test_empty_input():
    assert dask_engine.run([]) == []
