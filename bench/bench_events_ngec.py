"""Smoke check on text nobody tuned on: the NGEC synthetic stories (MIT), first sentence of each,
label = the story's PLOVER type (document-level and noisy, so only the comparison with the
keyword baseline means something).

    .venv/bin/python bench/bench_events_ngec.py [--n 400] [--seed 0]
"""
from __future__ import annotations

import argparse
import csv
import io
import random
import zipfile

from storyline.annotate.nlp import load
from storyline.evaluation.common import data_root, require
from storyline.evaluation.events import _baseline
from storyline.extract.events import extract_events


def stories() -> list[dict]:
    folder = require(data_root() / "events" / "ngec_synthetic", "NGEC synthetic stories")
    zpath = next(folder.glob("gpt_synthetic_events_*.csv.zip"))
    with zipfile.ZipFile(zpath) as z:
        name = z.namelist()[0]
        with z.open(name) as f:
            return list(csv.DictReader(io.TextIOWrapper(f, encoding="utf-8")))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rows = stories()
    random.Random(args.seed).shuffle(rows)
    rows = rows[: args.n]
    nlp = load()
    firsts = [next(nlp(r["text"].strip().split("\n")[0]).sents).text for r in rows]
    ok = okb = none = 0
    ntypes = []
    for r, doc in zip(rows, nlp.pipe(firsts)):
        types = {e.type for e in extract_events(doc, [], [], [])}
        ntypes.append(len(types))
        ok += r["label"] in types
        none += not types
        okb += r["label"] in _baseline(doc.text)[0]
    n = len(rows)
    print(f"{n} NGEC first sentences: storyline {ok / n:.3f}, keyword baseline {okb / n:.3f}, "
          f"no event {none / n:.3f}, types/sentence {sum(ntypes) / n:.2f}")


if __name__ == "__main__":
    main()
