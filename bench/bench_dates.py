"""Dates stage cost as a ratio to bare spaCy parsing, on the MEANTIME texts, in one run.

    .venv/bin/python bench/bench_dates.py [--data PATH] [--repeat N]

Prints the nlp.pipe time, the extract_dates time (cold caches: the first call pays for importing
dateparser if an entity needs it) and their ratio. Budget: dates <= 5% of parsing.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=1, help="repeat the texts N times")
    args = ap.parse_args()

    from storyline.annotate.nlp import load
    from storyline.evaluation.dates import load_corpus
    from storyline.extract.dates import extract_dates

    docs = load_corpus(args.data) * args.repeat
    nlp = load()
    list(nlp.pipe(["warm up the pipeline."]))
    t0 = time.perf_counter()
    parsed = list(nlp.pipe([d.text for d in docs], batch_size=32))
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    n = 0
    for doc, d in zip(parsed, docs):
        n += len(extract_dates(doc, d.dct))
    t_dates = time.perf_counter() - t0
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} texts, {chars} chars, {n} dates")
    print(f"nlp.pipe      {t_parse:8.3f} s")
    print(f"extract_dates {t_dates:8.3f} s")
    print(f"ratio         {t_dates / t_parse:8.3%}  (budget 5%)")


if __name__ == "__main__":
    main()
