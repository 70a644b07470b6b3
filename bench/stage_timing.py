"""Shared by the per-stage bench scripts: parse once, resolve entities (untimed), time one stage.

    parse_s, stage_s, results = time_stage(texts, lambda doc, entities: extract_x(doc, entities))
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def time_stage(texts: list[str], stage: Callable[[Any, list], Any]) -> tuple[float, float, list[Any]]:
    """Wall seconds of bare ``nlp.pipe`` and of ``stage(doc, entities)`` over the same texts."""
    from storyline.annotate.entities import resolve_entities
    from storyline.annotate.nlp import load

    nlp = load()
    list(nlp.pipe(texts[:2]))  # warm up the pipeline
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse_s = time.perf_counter() - t0
    ents = [resolve_entities(d) for d in docs]  # its own stage: not counted here
    stage(docs[0], ents[0])  # one-off loads (lexicons, gazetteers) are not per-article cost
    t0 = time.perf_counter()
    results = [stage(d, e) for d, e in zip(docs, ents)]
    return parse_s, time.perf_counter() - t0, results
