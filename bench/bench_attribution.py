"""Attribution extraction time as a share of bare spaCy parsing (nlp.pipe) on the same texts.

    .venv/bin/python bench/bench_attribution.py [--split dev] [--limit N]

Texts: PolNeAR (../shared/data/polnear) when present, else the bundled sample
(src/storyline/samples/) repeated.
Entities are resolved beforehand (their own stage) and not counted.
"""
from __future__ import annotations

import argparse
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

    from stage_timing import time_stage

    from storyline.extract.attribution import extract_attributions

    texts = _texts(args.split, args.limit)
    t_parse, t_attr, found = time_stage(texts, extract_attributions)
    print(f"texts={len(texts)} attributions={sum(map(len, found))}")
    print(f"nlp.pipe {t_parse:.2f}s  extract_attributions {t_attr:.2f}s  ratio {t_attr / t_parse:.3f}")


if __name__ == "__main__":
    main()
