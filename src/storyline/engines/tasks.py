"""What a Dask worker runs: one partition of articles through the pipeline, and one partition's
extractions clustered and written into the store. Plain functions of plain values (articles,
extractions, a store URL), so a worker on any machine can run them.

A worker process keeps its spaCy pipeline (``annotate.nlp.load`` is cached), one ``Store`` per
URL and that store's ``WorkingSet`` between tasks; the working set checks the store's version
counter, so what another worker wrote in between is read again, never assumed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from storyline.errors import InputError
from storyline.records import Article, Extraction


@dataclass(frozen=True)
class Extracted:
    """A partition's extractions in input order, and the inputs that could not be read or
    extracted; how many articles the partition held (``read``: given, or read from a unit of
    input on the worker) and how many of them were not parsed, being stored already or repeated
    (``skipped``)."""

    extractions: tuple[Extraction, ...]
    errors: tuple[InputError, ...] = ()
    read: int = 0
    skipped: int = 0


@dataclass(frozen=True)
class Stored:
    """What writing one partition did (counted into the run's report by the client)."""

    added: int
    skipped: int  # stored already, repeated, or not parsed for either reason
    stories: tuple[str, ...] = field(default=())
    errors: tuple[InputError, ...] = ()
    read: int = 0  # articles the partition held (what a progress bar counts)


def extract_partition(articles: list[Article]) -> Extracted:
    """Every article of the partition through ``pipeline.extract``. An article over the hard
    size limit, or one the pipeline fails on, is reported with its path and the reason, and the
    rest of the partition goes on."""
    from storyline.pipeline import extract

    errors: list[InputError] = []
    try:
        return Extracted(tuple(extract(articles, on_refused=errors.append)), tuple(errors), len(articles))
    except Exception:  # find the article at fault, keep the others
        errors.clear()
        out = []
        for a in articles:
            try:
                out.extend(extract([a], on_refused=errors.append))
            except Exception as e:
                errors.append(InputError(_where(a), f"extraction failed: {type(e).__name__}: {e}"))
        return Extracted(tuple(out), tuple(errors), len(articles))


def read_partition(unit, options: tuple, url: str | None = None) -> Extracted:
    """Read a unit of input (``ingest.units``: decode, split, check sizes) and extract its
    articles. ``options`` are (published, source, max_chars) as given to ``read_paths``. With a
    store ``url`` (ingest), an article the store holds already, or one repeated in the unit, is
    skipped without parsing; one repeated across units is skipped when it is written."""
    from storyline.ingest.units import read_unit

    published, source, max_chars = options
    articles, errors = [], []
    for item in read_unit(unit, published=published, source=source, max_chars=max_chars):
        (errors if isinstance(item, InputError) else articles).append(item)
    read, skipped = len(articles), 0
    if url is not None and articles:
        store, _ = _store(url)
        known = store.known_hashes(a.content_hash for a in articles)
        fresh = []
        for a in articles:
            if a.content_hash in known:
                skipped += 1
            else:
                known.add(a.content_hash)
                fresh.append(a)
        articles = fresh
    got = extract_partition(articles) if articles else Extracted(())
    return Extracted(got.extractions, tuple(errors) + got.errors, read, skipped)


def store_partition(url: str, extracted: Extracted, previous: Stored | None, config,
                    input_errors: tuple[InputError, ...] = (), batch_size: int = 64) -> Stored:
    """Cluster a partition's extractions against the store's story rows and write them (one
    locked transaction per batch, as every writer does). ``previous`` is the partition before
    this one: the client makes each write depend on the one before it, so stories are assigned
    in arrival order whatever the workers finish first. Idempotent: an article already stored
    (a retried partition after a worker died) is skipped, never written twice."""
    from storyline.jobs import RunReport, store_extractions

    store, working = _store(url)
    report = RunReport()
    pending = list(input_errors) + list(extracted.errors)
    store_extractions(extracted.extractions, store, batch_size=batch_size, report=report, config=config,
                      working=working, input_errors=pending)
    if pending:  # errors with no batch after them
        store.add_input_errors(pending)
    return Stored(report.added, report.skipped + extracted.skipped, tuple(sorted(report.stories)),
                  extracted.errors, extracted.read)


_STORES: dict[str, tuple] = {}


def _store(url: str):
    from storyline.store import Store
    from storyline.store.story_state import WorkingSet

    if url not in _STORES:
        _STORES[url] = (Store(url), WorkingSet())
    return _STORES[url]


def _where(a: Article) -> str:
    return f"{a.path} [{a.id}]" if a.path else a.id
