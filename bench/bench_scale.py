"""Ingest throughput on Dask, as ratios measured side by side in one run.

    python bench/bench_scale.py [--docs 400] [--workers 1,2] [--batch-size 16]
    python bench/bench_scale.py --big 100000 [--workers 2] [--db URL]   # a long ingest

Texts: PolNeAR dev+train articles when the shared data is present (repeated with fresh ids to
reach ``--docs``), else synthetic news (storyline.evaluation.synthetic). One run measures, on
the same articles, each into a fresh SQLite store (or a fresh PostgreSQL database with --pg):

  parse        bare ``nlp.pipe`` in this process (the reference)
  local        ``storyline ingest``'s local engine: ``pipeline.extract`` + story assignment + write
  dask-N       the Dask engine on a LocalCluster of N worker processes (2 threads, parse=1),
               started and warmed (spaCy loaded on every worker) before the clock starts

and reports articles/s, local / parse (the whole job against bare parsing), dask-N / local and
dask-N / dask-1 (scaling), the peak RSS of each worker process, and the CPU seconds each
process spent in the timed run (the client with its LocalCluster's scheduler, each worker).

``--big N`` instead ingests N synthetic articles (~150 words, 40 events a day, 4 rewrites each),
written to JSON Lines files of 20,000 articles, through the Dask engine as ``storyline ingest --engine dask``
runs it (the workers read the file's units), and reports the time, articles/s, articles/day, the client's and the
workers' peak RSS, and the rate of each tenth of the run (does it slow as the store grows?).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

from storyline import jobs
from storyline.annotate.nlp import load
from storyline.engines.dask import DaskEngine
from storyline.evaluation.common import data_root
from storyline.evaluation.synthetic import synthetic_stream
from storyline.ingest.units import BLOCK
from storyline.pipeline import extract
from storyline.records import Article
from storyline.store import Store


def real_articles(data: Path, n: int) -> tuple[list[Article], str]:
    polnear = data / "polnear"
    files = sorted((polnear / "dev" / "text").glob("*.txt")) + sorted((polnear / "train" / "text").glob("*.txt"))
    if not files:
        exts, _ = synthetic_stream(max(1, n // 4), 4, seed=5, words=400)
        return [e.article for e in exts][:n], f"synthetic ({n} articles, ~400 words)"
    texts = [f.read_text(encoding="utf-8") for f in files]
    import datetime as dt

    arts = [Article(id=f"p{i}", text=f"{texts[i % len(texts)]}\n\n(copy {i // len(texts)})", title=f"p{i}",
                    published=dt.date(2016, 10, 1) + dt.timedelta(days=(i % len(texts)) // 20))
            for i in range(n)]
    return arts, f"PolNeAR ({len(files)} distinct texts, {n} articles)"


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM: its own, not a forking parent's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fresh_store(pg: str | None, work: Path, name: str) -> Store:
    if not pg:
        path = work / f"{name}.db"
        for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)  # a WAL left beside a new file reads as a damaged store
        return Store(str(path))
    from sqlalchemy import create_engine, text

    db = f"bench_scale_{name.replace('-', '_')}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{db}"'))
    admin.dispose()
    return Store(pg.rsplit("/", 1)[0] + "/" + db)


def write_jsonl(arts: list[Article], path: Path) -> Path:
    """The articles as one JSON Lines file: what ``storyline ingest`` reads."""
    with open(path, "w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps({"id": a.id, "title": a.title, "text": a.text,
                                "published": a.published.isoformat() if a.published else None}) + "\n")
    return path


def cpu_s() -> float:
    """CPU seconds of this process, all threads (the client, and the scheduler of a LocalCluster)."""
    return time.process_time()


def time_dask(workers: int, arts: list[Article], path: Path, store: Store, batch_size: int,
              block: int = BLOCK, in_flight: int | None = None) -> tuple[float, list[float], int, dict]:
    with DaskEngine(workers=workers, block=block, in_flight=in_flight) as eng:
        list(eng.extract(arts[:4 * workers], partition_size=2))  # load spaCy on every worker
        client0, workers0 = cpu_s(), eng.client.run(cpu_s)
        t = time.perf_counter()
        report = jobs.ingest([path], store, batch_size=batch_size, engine=eng)
        took = time.perf_counter() - t
        client1, workers1 = cpu_s(), eng.client.run(cpu_s)
        rss = sorted(eng.client.run(peak_rss_mb).values())
        writer = eng.writer()[0]
    cpu = {"client": client1 - client0,
           "workers": {("writer" if w == writer else w): workers1[w] - workers0[w] for w in workers1}}
    return took, rss, report.added, cpu


def compare(args) -> dict:
    arts, what = real_articles(args.data, args.docs)
    nlp = load()
    list(nlp.pipe([a.text for a in arts[:8]]))  # warm
    out = {"texts": what, "articles": len(arts), "batch_size": args.batch_size, "cores": os.cpu_count(),
           "store": "postgresql" if args.pg else "sqlite"}
    t = time.perf_counter()
    for _ in nlp.pipe((a.text for a in arts), batch_size=32):
        pass
    out["parse_s"] = time.perf_counter() - t
    path = write_jsonl(arts, args.work / "articles.jsonl")
    store = fresh_store(args.pg, args.work, "local")
    list(extract(arts[:4]))
    t = time.perf_counter()
    report = jobs.ingest([path], store, batch_size=args.batch_size)
    out["local_s"] = time.perf_counter() - t
    assert report.added == len(arts), report.summary()
    local_filed = [(a["id"], a["story"]) for a in store.articles()]
    for n in args.workers:
        store = fresh_store(args.pg, args.work, f"dask-{n}")
        took, rss, added, cpu = time_dask(n, arts, path, store, args.batch_size, args.block, args.in_flight)
        assert added == len(arts)
        out[f"dask_{n}_s"] = took
        out[f"dask_{n}_worker_peak_rss_mb"] = rss
        out[f"dask_{n}_cpu_s"] = cpu
        out[f"dask_{n}_same_store"] = [(a["id"], a["story"]) for a in store.articles()] == local_filed
    rate = {k[:-2]: len(arts) / v for k, v in out.items() if k.endswith("_s") and isinstance(v, float)}
    out["articles_per_s"] = rate
    out["local_over_parse"] = rate["local"] / rate["parse"]
    for n in args.workers:
        out[f"dask_{n}_over_local"] = rate[f"dask_{n}"] / rate["local"]
    if 1 in args.workers:
        for n in args.workers:
            out[f"dask_{n}_over_dask_1"] = rate[f"dask_{n}"] / rate["dask_1"]
    out["client_peak_rss_mb"] = peak_rss_mb()
    return out


def big(args) -> dict:
    n = args.big
    exts, _ = synthetic_stream(max(1, n // 4), 4, seed=13, words=150)
    arts = [e.article for e in exts][:n]
    del exts
    folder = args.work / f"big-{n}"  # files of 20,000 articles, as a crawl's daily dumps
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.jsonl"):
        old.unlink()
    for k in range(0, n, 20_000):
        write_jsonl(arts[k:k + 20_000], folder / f"part-{k // 20_000:03d}.jsonl")
    warm = arts[:8 * args.workers[-1]]
    del arts  # the client holds no article: the workers read them from the file's units
    store = Store(args.db) if args.db else fresh_store(args.pg, args.work, "big")
    workers = args.workers[-1]
    tenths, marks = [], []
    with DaskEngine(workers=workers, block=args.block, in_flight=args.in_flight) as eng:
        list(eng.extract(warm, partition_size=2))
        done = [0]
        step = max(1, n // 10)
        t0 = time.perf_counter()

        def progress(k: int) -> None:
            done[0] += k
            while done[0] >= (len(marks) + 1) * step:
                marks.append(time.perf_counter())
                print(f"  {done[0]:>8} articles  {time.perf_counter() - t0:8.1f} s", file=sys.stderr, flush=True)

        report = jobs.ingest([folder], store, batch_size=args.batch_size, engine=eng, progress=progress)
        took = time.perf_counter() - t0
        assert not report.errors, report.errors[:3]
        rss = sorted(eng.client.run(peak_rss_mb).values())
    prev = t0
    for m in marks:
        tenths.append(step / (m - prev))
        prev = m
    return {"articles": n, "stored": report.added, "workers": workers, "batch_size": args.batch_size,
            "store": "postgresql" if args.pg or (args.db or "").startswith("postgresql") else "sqlite",
            "seconds": took, "articles_per_s": n / took, "articles_per_day": n / took * 86400,
            "rate_by_tenth": tenths, "worker_peak_rss_mb": rss, "client_peak_rss_mb": peak_rss_mb(),
            "stories": len(store.stories())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=data_root())
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--block", type=int, default=BLOCK, help="bytes of input per unit read on a worker")
    ap.add_argument("--in-flight", type=int, help="units out at once (default: the engine's)")
    ap.add_argument("--pg", help="a PostgreSQL server URL: each store is a fresh database on it")
    ap.add_argument("--db", help="--big: ingest into this store")
    ap.add_argument("--big", type=int, help="ingest this many synthetic articles on Dask")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "bench_scale")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)
    args.workers = [int(w) for w in args.workers.split(",")]
    args.work.mkdir(parents=True, exist_ok=True)
    out = big(args) if args.big else compare(args)
    text = json.dumps(out, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
