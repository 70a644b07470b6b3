"""Events + counts time as a ratio of bare spaCy parsing (nlp.pipe) on the PLOVER GSR texts
plus the bundled sample (``stage_timing.time_stage``, summed over ``--repeat`` rounds). Budget: ≤ 0.10.

    .venv/bin/python bench/bench_events.py [--repeat 3]
"""
from __future__ import annotations

import argparse
from pathlib import Path

import storyline
from storyline.extract.counts import extract_counts
from storyline.extract.events import extract_events

from stage_timing import time_stage  # bench/ is on the path when a script here runs


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
    docs_in = texts()
    parse_t = stage_t = 0.0
    for _ in range(args.repeat):
        p, st, results = time_stage(docs_in, lambda d, e: (extract_counts(d), extract_events(d, e, [], [])))
        parse_t, stage_t = parse_t + p, stage_t + st
    n_ct = sum(len(c) for c, _ in results)
    n_ev = sum(len(e) for _, e in results)
    chars = sum(len(t) for t in docs_in)
    print(f"{len(docs_in)} texts, {chars} chars, x{args.repeat}: {n_ev} events, {n_ct} counts per run")
    print(f"nlp.pipe        {parse_t / args.repeat * 1000:8.1f} ms/run")
    print(f"events+counts   {stage_t / args.repeat * 1000:8.1f} ms/run")
    print(f"ratio           {stage_t / parse_t:8.3f}  (budget 0.10)")


if __name__ == "__main__":
    main()
