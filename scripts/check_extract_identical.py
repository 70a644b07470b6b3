"""Is the contract output of extraction byte-identical to a saved run? One digest per record.

    .venv/bin/python scripts/check_extract_identical.py save /tmp/before      # on the old commit
    .venv/bin/python scripts/check_extract_identical.py compare /tmp/before   # after a change

Runs the library equivalent of ``storyline extract`` (``storyline.pipeline.extract``, each
record serialised as the CLI writes it: ``json.dumps(ex.to_contract(), ensure_ascii=False)``)
over every dev set the evaluation modules read from ../shared/data (or ``$STORYLINE_DATA``):
PolNeAR dev texts, GGT dev, BASIL and ECB+ dev (the stories protocol's articles and dates),
MEANTIME (its creation time as the published date), PLOVER GSR sentences, GeoWebNews and
GeoVirus; and ``storyline extract`` itself (``jobs.extract`` on paths) over the bundled samples.

``save`` writes ``<dir>/<set>.jsonl`` (the records) and ``<dir>/digests.tsv`` (set, id, sha256
of the line); ``compare`` recomputes and reports every record whose digest differs (exit 1).
``--only SET`` limits the run to some sets (repeatable).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from storyline.records import Article

ROOT = Path(__file__).resolve().parents[1]


def _polnear() -> list[Article]:
    from storyline.evaluation.common import data_root

    folder = data_root() / "polnear" / "dev" / "text"
    return [Article(id=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def _ggt() -> list[Article]:
    from storyline.evaluation.quotes import load_ggt

    return [Article(id=a.id, text=a.text) for a in load_ggt()]


def _stories(name: str) -> Callable[[], list[Article]]:
    def read() -> list[Article]:
        from storyline.evaluation.common import data_root
        from storyline.evaluation.stories import load_stream

        arts, _ = load_stream(data_root() / "stories" / f"{name}_dev.jsonl", name)
        return arts
    return read


def _meantime() -> list[Article]:
    from storyline.evaluation.dates import load_corpus

    return [Article(id=d.name, text=d.text, published=d.dct) for d in load_corpus()]


def _plover() -> list[Article]:
    from storyline.evaluation.events import load_records

    return [Article(id=f"s{i}", text=r["text"]) for i, r in enumerate(load_records())]


def _geo(which: str) -> Callable[[], list[Article]]:
    def read() -> list[Article]:
        from storyline.evaluation.common import data_root
        from storyline.evaluation.places import load_geovirus, load_gwn

        path = data_root() / "geo" / ("GeoVirus.xml" if which == "geovirus" else "GWN.xml")
        arts = load_geovirus(path) if which == "geovirus" else load_gwn(path)
        return [Article(id=f"g{i}", text=a.text) for i, a in enumerate(arts)]
    return read


SETS: dict[str, Callable[[], list[Article]]] = {
    "polnear_dev": _polnear,
    "ggt_dev": _ggt,
    "basil_dev": _stories("basil"),
    "ecbplus_dev": _stories("ecbplus"),
    "meantime": _meantime,
    "plover_gsr": _plover,
    "gwn": _geo("gwn"),
    "geovirus": _geo("geovirus"),
}


def _lines(name: str) -> Iterator[tuple[str, str]]:
    """(record id, the contract line) for one set, in input order."""
    if name == "samples":
        import datetime as dt

        from storyline import jobs

        samples = ROOT / "src" / "storyline" / "samples"
        runs = [([samples / "000_d82f11879fb1db06.txt"], dt.date(2025, 2, 18)), ([samples / "corpus"], None)]
        for paths, published in runs:
            for ex in jobs.extract(paths, published=published):
                yield ex.article.id, json.dumps(ex.to_contract(), ensure_ascii=False)
        return
    from storyline.pipeline import extract

    for ex in extract(SETS[name]()):
        yield ex.article.id, json.dumps(ex.to_contract(), ensure_ascii=False)


def _digest(line: str) -> str:
    return hashlib.sha256(line.encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("mode", choices=("save", "compare"))
    p.add_argument("folder", type=Path)
    p.add_argument("--only", action="append", choices=[*SETS, "samples"])
    args = p.parse_args(argv)
    names = args.only or [*SETS, "samples"]
    folder: Path = args.folder
    if args.mode == "save":
        folder.mkdir(parents=True, exist_ok=True)
        rows = []
        for name in names:
            t0 = time.perf_counter()
            with open(folder / f"{name}.jsonl", "w", encoding="utf-8") as f:
                n = 0
                for rid, line in _lines(name):
                    f.write(line + "\n")
                    rows.append(f"{name}\t{rid}\t{_digest(line)}")
                    n += 1
            print(f"{name}: {n} records ({time.perf_counter() - t0:.0f}s)", flush=True)
        (folder / "digests.tsv").write_text("".join(r + "\n" for r in rows), encoding="utf-8")
        print(f"saved {len(rows)} digests to {folder / 'digests.tsv'}")
        return 0

    saved: dict[str, list[tuple[str, str]]] = {}
    for row in (folder / "digests.tsv").read_text(encoding="utf-8").splitlines():
        name, rid, digest = row.split("\t")
        saved.setdefault(name, []).append((rid, digest))
    compared = differ = 0
    for name in names:
        t0 = time.perf_counter()
        before = saved.get(name, [])
        after = list(_lines(name))
        bad = 0
        if len(after) != len(before):
            print(f"{name}: {len(before)} records saved, {len(after)} now")
            bad += 1
        for i, ((rid0, d0), (rid, line)) in enumerate(zip(before, after)):
            if rid0 != rid or d0 != _digest(line):
                bad += 1
                if bad <= 5:
                    print(f"{name}: record {i} ({rid}) differs")
        compared += min(len(before), len(after))
        differ += bad
        print(f"{name}: {len(after)} records, {bad} differences ({time.perf_counter() - t0:.0f}s)", flush=True)
    print(f"compared {compared} records: {differ} differences")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
