"""Runs the stages in order: parse → resolve entities → dates, places, attributions, counts, events.

Every stage after parsing is a pure function of the spaCy Doc and earlier records, so the local
runner and the Dask runner (storyline.engines) call exactly the same code. A text longer than
``CHUNK_CHARS`` is parsed in paragraph-aligned pieces whose records are stitched back with
offsets into the whole text; one over the hard limit (storyline.ingest.limits) is refused.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc

from storyline.annotate.chunks import CHUNK_CHARS, chunk_spans
from storyline.annotate.entities import resolve_entities
from storyline.annotate.nlp import MODEL, load
from storyline.annotate.stitch import stitch
from storyline.errors import InputError
from storyline.extract.attributions import extract_attributions
from storyline.extract.counts import extract_counts
from storyline.extract.dates import extract_dates
from storyline.extract.events import extract_events
from storyline.extract.places import extract_places
from storyline.ingest.limits import max_text_chars, refuse_oversized
from storyline.records import Article, Extraction

__all__ = ["annotate_doc", "extract", "check_article", "CHUNK_CHARS"]


def annotate_doc(doc: Doc, article: Article) -> Extraction:
    """All extraction stages on one parsed article."""
    entities = resolve_entities(doc)
    dates = extract_dates(doc, article.published)
    places = extract_places(doc, entities)
    attributions = extract_attributions(doc, entities)
    counts = extract_counts(doc)
    events = extract_events(doc, entities, places, dates)
    return Extraction(
        article=article,
        entities=tuple(entities),
        attributions=tuple(attributions),
        events=tuple(events),
        counts=tuple(counts),
        dates=tuple(dates),
        places=tuple(places),
    )


def check_article(article: Article, max_chars: int | None = None) -> InputError | None:
    """The refusal of an article the pipeline will not parse (text over the hard limit), or None."""
    return refuse_oversized(article, max_chars)


def extract(articles: Iterable[Article], *, batch_size: int = 32, n_process: int = 1,
            model: str = MODEL, chunk_chars: int = CHUNK_CHARS, max_chars: int | None = None,
            on_refused: Callable[[InputError], None] | None = None) -> Iterator[Extraction]:
    """Parse articles in batches and run every extraction stage; yields in input order.

    An article over the hard limit is passed to ``on_refused`` and skipped; without a handler
    its ``InputError`` is raised (``storyline.ingest.read_paths`` refuses such articles first).
    """
    nlp = load(model)
    limit = max_text_chars(max_chars)
    pending: dict[int, tuple[Article, list[tuple[int, Extraction]]]] = {}

    def pieces() -> Iterator[tuple[str, tuple[int, int, bool]]]:
        for n, article in enumerate(articles):
            refused = refuse_oversized(article, limit)
            if refused is not None:
                if on_refused is None:
                    raise refused
                on_refused(refused)
                continue
            spans = chunk_spans(article.text, chunk_chars)
            pending[n] = (article, [])
            for k, (start, end) in enumerate(spans):
                yield article.text[start:end], (n, start, k == len(spans) - 1)

    for doc, (n, start, last) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size,
                                          n_process=n_process):
        article, parts = pending[n]
        piece = article if start == 0 and last else _piece(article, doc.text)
        parts.append((start, annotate_doc(doc, piece)))
        if last:
            del pending[n]
            yield stitch(article, parts)


def _piece(article: Article, text: str) -> Article:
    return Article(id=article.id, text=text, title=article.title, published=article.published,
                   source=article.source, url=article.url, path=article.path)
