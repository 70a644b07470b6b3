"""The clustering-and-store layer alone, as the store grows: seconds and bytes written per
64-article batch, and peak memory, measured side by side at each size in one run.

Synthetic articles (storyline.evaluation.synthetic: realistic names, figures and Zipf-like
vocabulary, known stories, a few thousand a day) go through the real path every writer runs,
``jobs.store_extractions`` (features, the locked story session on the store's rows, articles and
merged stories written), so no spaCy parse is timed. The store is grown through that same path;
at each checkpoint a few more batches are timed with a fresh ``WorkingSet``, as a new ingester
would start.

    python bench/bench_story_store.py --sizes 2000,8000,32000 [--backends sqlite,postgresql --pg URL]

Bytes written: SQLite, the bytes this process passed to write() (``/proc/self/io`` wchar: WAL
and checkpoints); PostgreSQL, the WAL the server generated (``pg_current_wal_lsn``). Peak RSS is
this process's high-water mark after each checkpoint: flat means memory does not grow with the
store. The ratio compares the per-batch time at the largest size with the smallest.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from storyline import jobs
from storyline.evaluation.synthetic import synthetic_stream
from storyline.store import Store
from storyline.store.story_state import WorkingSet

BATCH = 64
PER_EVENT = 4


def _wchar() -> int:
    with open("/proc/self/io") as f:
        return next(int(ln.split()[1]) for ln in f if ln.startswith("wchar"))


def _wal_lsn(url: str) -> int:
    eng = create_engine(url)
    with eng.connect() as c:
        lsn = c.execute(text("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")).scalar_one()
    eng.dispose()
    return int(lsn)


def _stream(n: int, seed: int, start: dt.date, prefix: str):
    exs, _ = synthetic_stream(max(1, n // PER_EVENT), PER_EVENT, seed=seed, start=start,
                              events_per_day=750, id_prefix=prefix)  # ~3,000 articles a day
    return exs[:n]


def run_backend(url: str, sizes: list[int], timed_batches: int, pg: bool) -> list[dict]:
    store = Store(url)
    rows, stored, day = [], 0, dt.date(2024, 1, 1)
    for size in sizes:
        grow = _stream(size - stored, seed=size, start=day, prefix=f"g{size}-")
        jobs.store_extractions(grow, store, batch_size=BATCH)
        day += dt.timedelta(days=len(grow) // 3000 + 1)  # the next articles come after these
        probe = _stream(BATCH * timed_batches, seed=size + 1, start=day, prefix=f"p{size}-")
        working = WorkingSet()
        times, written = [], []
        for i in range(timed_batches):
            batch = probe[i * BATCH:(i + 1) * BATCH]
            before = _wal_lsn(url) if pg else _wchar()
            t0 = time.perf_counter()
            jobs.store_extractions(batch, store, batch_size=BATCH, working=working)
            times.append(time.perf_counter() - t0)
            written.append((_wal_lsn(url) if pg else _wchar()) - before)
        day += dt.timedelta(days=1)
        stored = store.count_articles()
        size_bytes = _size(url, pg)
        rows.append({"stored": stored, "s_per_batch": statistics.median(times),
                     "bytes_per_batch": statistics.median(written),
                     "articles_per_s": BATCH / statistics.median(times),
                     "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                     "store_bytes_per_article": size_bytes / stored})
        print(f"  {stored:>9,} stored  {rows[-1]['s_per_batch']:.3f} s/batch  "
              f"{rows[-1]['articles_per_s']:.0f} art/s  {rows[-1]['bytes_per_batch'] / 1e6:.2f} MB written/batch  "
              f"peak RSS {rows[-1]['peak_rss_mb']:.0f} MB  {rows[-1]['store_bytes_per_article'] / 1e3:.1f} kB/article",
              flush=True)
    store.engine.dispose()
    return rows


def _size(url: str, pg: bool) -> int:
    if pg:
        eng = create_engine(url)
        with eng.connect() as c:
            n = c.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
        eng.dispose()
        return int(n)
    path = Path(url.removeprefix("sqlite:///"))
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="2000,8000,32000")
    ap.add_argument("--backends", default="sqlite")
    ap.add_argument("--pg", help="an empty PostgreSQL database URL (its tables are created)")
    ap.add_argument("--batches", type=int, default=5, help="timed batches per size")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{dt.date.today()}  load {os.getloadavg()[0]:.2f}  sizes {sizes}  batch {BATCH}")
    for backend in args.backends.split(","):
        print(backend)
        if backend == "postgresql":
            if not args.pg:
                raise SystemExit("--pg URL is needed for the postgresql backend")
            rows = run_backend(args.pg, sizes, args.batches, pg=True)
        else:
            with tempfile.TemporaryDirectory() as d:
                rows = run_backend(f"sqlite:///{d}/bench.db", sizes, args.batches, pg=False)
        first, last = rows[0], rows[-1]
        print(f"  per-batch time at {last['stored']:,} / at {first['stored']:,}: "
              f"{last['s_per_batch'] / first['s_per_batch']:.2f}x;  bytes written: "
              f"{last['bytes_per_batch'] / max(1, first['bytes_per_batch']):.2f}x;  peak RSS: "
              f"{last['peak_rss_mb'] / first['peak_rss_mb']:.2f}x", flush=True)


if __name__ == "__main__":
    main()
