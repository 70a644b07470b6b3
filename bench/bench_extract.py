"""Throughput of `storyline extract` as a ratio to bare spaCy parsing, measured side by side.

    python bench/bench_extract.py [--data ../shared/data] [--docs 200] [--repeat 3]

Texts: PolNeAR dev+train articles when the shared data is present, else the bundled samples
(repeated). One run times, on the same texts and the same loaded model:
  parse      bare ``nlp.pipe`` (the reference, ratio 1.00)
  full       ``storyline.pipeline.extract`` (parse + every stage)
  each stage alone on the already-parsed docs (entities, dates, places, attributions, counts,
  events) as a share of parse time — the budgets in the issues are stated that way.
The best of ``--repeat`` rounds is kept for each measurement; one-off loads are warmed first.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from storyline.annotate.entities import resolve_entities
from storyline.annotate.nlp import load
from storyline.evaluation.common import data_root
from storyline.extract.attribution import extract_attributions
from storyline.extract.counts import extract_counts
from storyline.extract.time import extract_dates
from storyline.extract.events import extract_events
from storyline.extract.places import extract_places
from storyline.ingest import read_paths
from storyline.pipeline import extract as full_pipeline
from storyline.records import Article

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "storyline" / "samples"


def texts_for(data: Path, n: int) -> tuple[list[str], str]:
    polnear = data / "polnear"
    files = sorted((polnear / "dev" / "text").glob("*.txt")) + sorted((polnear / "train" / "text").glob("*.txt"))
    if files:
        return [f.read_text(encoding="utf-8") for f in files[:n]], f"PolNeAR ({min(n, len(files))} articles)"
    arts = [a for a in read_paths([SAMPLES]) if isinstance(a, Article)]
    reps = max(1, n // max(1, len(arts)))
    return [a.text for a in arts] * reps, f"bundled samples x{reps} ({len(arts) * reps} articles)"


def best_of(repeat: int, fn) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=data_root())
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    texts, what = texts_for(args.data, args.docs)
    chars = sum(len(t) for t in texts)
    t0 = time.perf_counter()
    nlp = load()
    warm = [Article(id="warm", text=texts[0])]
    list(full_pipeline(warm))  # gazetteers, lexicons, dateparser caches
    print(f"one-off load (model + gazetteers + lexicons): {time.perf_counter() - t0:.2f} s")
    print(f"texts: {what}, {chars:,} characters\n")

    docs: list = []
    parse = best_of(args.repeat, lambda: docs.__setitem__(slice(None), list(nlp.pipe(texts, batch_size=32))))
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    full = best_of(args.repeat, lambda: list(full_pipeline(articles)))

    ents = [resolve_entities(d) for d in docs]
    places = [extract_places(d, e) for d, e in zip(docs, ents)]
    dates = [extract_dates(d, None) for d in docs]
    stages = {
        "entities": lambda: [resolve_entities(d) for d in docs],
        "dates": lambda: [extract_dates(d, None) for d in docs],
        "places": lambda: [extract_places(d, e) for d, e in zip(docs, ents)],
        "attributions": lambda: [extract_attributions(d, e) for d, e in zip(docs, ents)],
        "counts": lambda: [extract_counts(d) for d in docs],
        "events": lambda: [extract_events(d, e, p, dt) for d, e, p, dt in zip(docs, ents, places, dates)],
    }
    print(f"{'measurement':<28}{'seconds':>10}{'docs/s':>10}{'ratio to parse':>16}")
    print(f"{'parse (bare nlp.pipe)':<28}{parse:>10.2f}{len(texts) / parse:>10.1f}{1.0:>16.3f}")
    print(f"{'full storyline extract':<28}{full:>10.2f}{len(texts) / full:>10.1f}{full / parse:>16.3f}")
    for name, fn in stages.items():
        t = best_of(args.repeat, fn)
        print(f"{'  stage: ' + name:<28}{t:>10.3f}{'':>10}{t / parse:>16.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
