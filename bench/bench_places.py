"""Places stage time as a share of bare spaCy parsing (nlp.pipe), on the GeoWebNews texts.

    .venv/bin/python bench/bench_places.py [--data ../shared/data/geo/GWN.xml] [--limit N]

Prints the one-off gazetteer load time separately: it is paid once per process.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from storyline.evaluation.common import data_root


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    from stage_timing import time_stage

    from storyline.evaluation.places import load_gwn
    from storyline.extract.places.gazetteer import CITY_TABLE, get_gazetteer
    from storyline.extract.places import extract_places

    path = args.data or data_root() / "geo" / "GWN.xml"
    texts = [a.text for a in load_gwn(path)][: args.limit]
    t0 = time.perf_counter()
    get_gazetteer()
    load_s = time.perf_counter() - t0
    parse_s, places_s, found = time_stage(texts, extract_places)

    chars = sum(len(t) for t in texts)
    print(f"articles {len(texts)}  chars {chars}  places found {sum(map(len, found))}  city table {CITY_TABLE}")
    print(f"gazetteer load (once per process): {load_s:.2f} s")
    print(f"nlp.pipe: {parse_s:.2f} s   extract_places: {places_s:.3f} s")
    print(f"ratio places / nlp.pipe: {places_s / parse_s:.3%}")


if __name__ == "__main__":
    main()
