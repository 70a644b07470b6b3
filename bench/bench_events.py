"""Events + counts time as a ratio of bare spaCy parsing (nlp.pipe) on the PLOVER GSR texts
plus the bundled sample, in CPU time of this process (the machine is shared). Budget: ≤ 0.10.

    .venv/bin/python bench/bench_events.py [--repeat 3]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import storyline
from storyline.annotate.nlp import load
from storyline.extract.counts import extract_counts
from storyline.extract.events import extract_events


def texts() -> list[str]:
    out = []
    try:
        from storyline.evaluation.events import load_records

        out = sorted({r["text"] for r in load_records()})
    except Exception as e:  # no shared data: the sample alone
        print(f"(PLOVER records not available: {e})")
    sample = Path(storyline.__file__).parent / "samples" / "000_d82f11879fb1db06.txt"
    out.append(sample.read_text(encoding="utf-8"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    nlp = load()
    docs_in = texts()
    for d in nlp.pipe(docs_in[:8]):  # warm up the model and the stage's cached tables
        extract_counts(d)
        extract_events(d, [], [], [])
    try:
        from storyline.annotate.entities import resolve_entities
    except ImportError:  # pragma: no cover
        def resolve_entities(doc):
            return []
    parse_t = stage_t = 0.0
    for _ in range(args.repeat):
        t0 = time.process_time()
        docs = list(nlp.pipe(docs_in, batch_size=32))
        parse_t += time.process_time() - t0
        ents = [resolve_entities(d) for d in docs]  # not timed: the lead's stage
        t0 = time.process_time()
        n_ev = n_ct = 0
        for d, e in zip(docs, ents):
            n_ct += len(extract_counts(d))
            n_ev += len(extract_events(d, e, [], []))
        stage_t += time.process_time() - t0
    chars = sum(len(t) for t in docs_in)
    print(f"{len(docs_in)} texts, {chars} chars, x{args.repeat}: {n_ev} events, {n_ct} counts per run")
    print(f"nlp.pipe        {parse_t / args.repeat * 1000:8.1f} ms/run")
    print(f"events+counts   {stage_t / args.repeat * 1000:8.1f} ms/run")
    print(f"ratio           {stage_t / parse_t:8.3f}  (budget 0.10)")


if __name__ == "__main__":
    main()
