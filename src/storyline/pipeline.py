"""Runs the stages in order: parse → resolve entities → dates, places, attributions, counts, events.

Every stage after parsing is a pure function of the spaCy Doc and earlier records, so the local
runner and the Dask runner (storyline.engines) call exactly the same code.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from storyline.annotate.entities import resolve_entities
from storyline.annotate.nlp import MODEL, load
from storyline.extract.attributions import extract_attributions
from storyline.extract.counts import extract_counts
from storyline.extract.dates import extract_dates
from storyline.extract.events import extract_events
from storyline.extract.places import extract_places
from storyline.records import Article, Extraction


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


def extract(articles: Iterable[Article], *, batch_size: int = 32, n_process: int = 1,
            model: str = MODEL) -> Iterator[Extraction]:
    """Parse articles in batches and run every extraction stage; yields in input order."""
    nlp = load(model)
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield annotate_doc(doc, article)
