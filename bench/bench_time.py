"""Dates stage cost as a ratio to bare spaCy parsing, on the MEANTIME texts, in one run.

    .venv/bin/python bench/bench_time.py [--data PATH] [--repeat N]

Prints the nlp.pipe time, the extract_dates time (after one warm-up call: per-process loading is
not per-article cost; the dateparser cache starts cold) and their ratio. Budget: dates <= 5% of
parsing; with --with-places, dates + places <= 10%.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=1, help="repeat the texts N times")
    ap.add_argument("--with-places", action="store_true",
                    help="also time extract_places (entities resolved first, untimed): the joint 10% budget")
    args = ap.parse_args()

    from storyline.annotate.nlp import load
    from storyline.evaluation.dates import load_corpus
    from storyline.extract.time import resolve_entity_text
    from storyline.extract.time import extract_dates

    docs = load_corpus(args.data) * args.repeat
    nlp = load()
    list(nlp.pipe(["warm up the pipeline."]))
    t0 = time.perf_counter()
    parsed = list(nlp.pipe([d.text for d in docs], batch_size=32))
    t_parse = time.perf_counter() - t0
    warm = nlp("On Monday, officials in Paris said the talks held last week in London failed.")
    extract_dates(warm, docs[0].dct)  # imports and compiled patterns, once per process
    resolve_entity_text("Sat, 15 Feb 2025", docs[0].dct)  # dateparser's first-call setup (~0.2 s)
    t0 = time.perf_counter()
    n = 0
    for doc, d in zip(parsed, docs):
        n += len(extract_dates(doc, d.dct))
    t_dates = time.perf_counter() - t0
    t_places = None
    if args.with_places:
        from storyline.annotate.entities import resolve_entities
        from storyline.extract.places import extract_places

        ents = [resolve_entities(doc) for doc in parsed]
        extract_places(warm, resolve_entities(warm))  # gazetteer loading, once per process
        t0 = time.perf_counter()
        for doc, e in zip(parsed, ents):
            extract_places(doc, e)
        t_places = time.perf_counter() - t0
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} texts, {chars} chars, {n} dates")
    print(f"nlp.pipe      {t_parse:8.3f} s")
    print(f"extract_dates {t_dates:8.3f} s")
    print(f"ratio         {t_dates / t_parse:8.3%}  (budget 5%)")
    if t_places is not None:
        print(f"extract_places {t_places:7.3f} s")
        print(f"dates+places  {(t_dates + t_places) / t_parse:8.3%}  (budget 10%)")


if __name__ == "__main__":
    main()
