"""Attribution extraction time as a share of bare spaCy parsing (nlp.pipe) on the same texts.

    .venv/bin/python bench/bench_attributions.py [--split dev] [--limit N]

Texts: PolNeAR (../shared/data/polnear) when present, else the bundled sample
(src/storyline/samples/) repeated.
Entities are resolved beforehand (their own stage) and not counted.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path


def _texts(split: str, limit: int | None) -> list[str]:
    from storyline.errors import DataMissing
    from storyline.evaluation.attributions import load_polnear

    try:
        return [g.text for g in load_polnear(None, split, limit)]
    except DataMissing:
        import storyline

        sample = Path(storyline.__file__).resolve().parent / "samples" / "000_d82f11879fb1db06.txt"
        return [sample.read_text(encoding="utf-8")] * 50


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()

    from storyline.annotate.entities import resolve_entities
    from storyline.annotate.nlp import load
    from storyline.extract.attributions import extract_attributions

    texts = _texts(args.split, args.limit)
    nlp = load()
    list(nlp.pipe(texts[:2]))  # warm up
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    t_parse = time.perf_counter() - t0
    ents = [resolve_entities(d) for d in docs]
    t0 = time.perf_counter()
    n = sum(len(extract_attributions(d, e)) for d, e in zip(docs, ents))
    t_attr = time.perf_counter() - t0
    print(f"texts={len(texts)} attributions={n}")
    print(f"nlp.pipe {t_parse:.2f}s  extract_attributions {t_attr:.2f}s  ratio {t_attr / t_parse:.3f}")


if __name__ == "__main__":
    main()
