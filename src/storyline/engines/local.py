"""The in-process runner: the pipeline over an iterable of articles, in order."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from storyline.pipeline import extract
from storyline.records import Article, Extraction


def run(articles: Iterable[Article], *, batch_size: int = 32, n_process: int = 1) -> Iterator[Extraction]:
    yield from extract(articles, batch_size=batch_size, n_process=n_process)
