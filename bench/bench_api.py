"""The HTTP API under load (issue 15): p50 / p95 latency of search, the story page and POST
/api/articles under C concurrent loopback clients, against a real `storyline serve` process on a
store of N articles, SQLite and PostgreSQL side by side. Not a test.

    python bench/bench_api.py --size 100000 --backends sqlite,postgresql \\
        --pg postgresql+psycopg://postgres@127.0.0.1:54329/postgres --clients 50 --requests 400

How the store is grown: as bench/bench_story_store.py does it (its seed and ``prefill``): a seed
of 3,000 synthetic articles through the real path, then bulk clones of its rows — articles,
entities, full-text rows (SQLite), stories and every clustering row — one day of news per clone,
up to ``--size``. The server sees a store of N articles with real story state.

Each kind of request is run on its own: ``--clients`` threads in one client process, each on
its own keep-alive connection, send requests back to back until ``--requests`` are done
(closed loop); latency is from sending the request to reading the whole answer.

- search: ``GET /api/search?q=WORD``, a word drawn from the seed's vocabulary;
- story page: ``GET /story/ID``, a stored story drawn at random (HTML with every version
  highlighted);
- post: ``POST /api/articles``, one fresh synthetic article (about 300 words) per request,
  dated the day after the fill: parsed with spaCy, clustered against the store's story rows and
  stored. Parsing is serialised in the server process (one spaCy parse at a time) and each write
  holds the store's writer lock, so POST latency under C clients is mostly queueing; its
  throughput is the figure to read.

The server runs with a rate limit far above the load (``--rate 100000``). Requests that fail
are counted and reported (none should).
"""
from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_story_store as bss  # noqa: E402  (the seed and the bulk fill)


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def start_server(url: str, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "storyline", "serve", "--db", url, "--port", str(port),
                             "--rate", "100000", "--burst", "100000"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", "/api/stories?limit=1")
            if c.getresponse().status == 200:
                return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(proc.stderr.read().decode()[-2000:])
        time.sleep(0.3)
    raise SystemExit("the server did not start")


def load(port: int, clients: int, requests: list[tuple[str, str, bytes | None, dict]]) -> dict:
    """Send ``requests`` (method, path, body, headers) from ``clients`` threads; latencies in s."""
    todo = list(reversed(requests))
    lock = threading.Lock()
    times: list[float] = []
    failed: list[int] = []
    start = threading.Barrier(clients + 1)

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        start.wait()
        while True:
            with lock:
                if not todo:
                    break
                method, path, body, headers = todo.pop()
            t = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                r = conn.getresponse()
                r.read()
                status = r.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
                status = 0
            took = time.perf_counter() - t
            with lock:
                if status in (200, 201):
                    times.append(took)
                else:
                    failed.append(status)
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for th in threads:
        th.start()
    start.wait()
    t0 = time.perf_counter()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t0
    return {"n": len(times), "failed": len(failed), "failed_codes": sorted(set(failed)),
            "p50": percentile(times, 0.5), "p95": percentile(times, 0.95), "mean": statistics.fmean(times) if times else 0,
            "per_s": len(times) / wall, "wall": wall}


def run_backend(backend: str, args, seed: bss.Seed, work: Path) -> dict:
    from sqlalchemy import text

    from storyline.evaluation.synthetic import synthetic_stream
    from storyline.store import Store
    from storyline.store import keys as K

    url = bss.fresh_store(backend, work, args.pg, args.pg_schema)
    schema = args.pg_schema if backend == "postgresql" else None
    plain = args.pg if backend == "postgresql" else url
    added, took = bss.prefill(plain, schema, seed, args.size)
    store = Store(url)
    _, secret = K.create(store, "bench", "write")
    with store.engine.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
        sids = conn.execute(text("SELECT id FROM stories")).scalars().all()
        clock = conn.execute(text("SELECT value FROM story_counters WHERE name = 'clock'")).scalar_one()
    store.engine.dispose()
    print(f"{backend}: {n:,} articles in {len(sids):,} stories (filled +{added:,} in {took:.0f} s)", flush=True)

    rng = random.Random(5)
    words = sorted({w for a in seed.articles[:400] for w in a["text"].split() if w.isalpha() and len(w) > 5})
    exs, _ = synthetic_stream(args.requests // 4 + 2, 4, seed=99, start=dt.date.fromordinal(int(clock) + 1),
                              events_per_day=10_000, id_prefix="post")
    posts = [json.dumps({"id": ex.article.id, "text": ex.article.text, "title": ex.article.title,
                         "published": ex.article.published.isoformat(), "source": ex.article.source}).encode()
             for ex in exs]
    port = bss_port()
    proc = start_server(url, port)
    auth = {"Authorization": f"Bearer {secret}", "Content-Type": "application/json"}
    try:
        # warm up: the spaCy model, the first connections
        load(port, 2, [("POST", "/api/articles", posts.pop(), auth)] +
             [("GET", f"/api/search?q={rng.choice(words)}", None, {}) for _ in range(4)])
        kinds = {
            "search": [("GET", f"/api/search?q={rng.choice(words)}", None, {}) for _ in range(args.requests)],
            "story page": [("GET", f"/story/{rng.choice(sids)}", None, {}) for _ in range(args.requests)],
            "post": [("POST", "/api/articles", posts[i], auth) for i in range(min(args.post_requests, len(posts)))],
        }
        out = {}
        for kind, reqs in kinds.items():
            r = load(port, args.clients, reqs)
            out[kind] = r
            print(f"  {kind:<11} {r['n']:>5} ok {r['failed']:>3} failed {r['failed_codes']}  p50 {r['p50'] * 1e3:8.1f} ms"
                  f"  p95 {r['p95'] * 1e3:8.1f} ms  {r['per_s']:7.1f} req/s  load {os.getloadavg()[0]:.2f}", flush=True)
    finally:
        proc.terminate()
        proc.wait(30)
    if not args.keep:
        bss.drop_store(backend, work, args.pg, args.pg_schema)
    return {"backend": backend, "articles": n, "stories": len(sids), "fill_s": took, **out}


def bss_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=100_000, help="stored articles")
    ap.add_argument("--backends", default="sqlite")
    ap.add_argument("--pg", help="a PostgreSQL database URL (the bench makes its own schema there)")
    ap.add_argument("--pg-schema", default="bench_api")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=500, help="requests per kind (search, story page)")
    ap.add_argument("--post-requests", type=int, default=200, help="POST requests")
    ap.add_argument("--work", default="/tmp/bench12", help="seed (shared with bench_story_store.py), SQLite store")
    ap.add_argument("--keep", action="store_true", help="keep the stores at the end")
    args = ap.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    print(f"{dt.date.today()}  {os.cpu_count()} cores  load {' '.join(f'{x:.2f}' for x in os.getloadavg())}  "
          f"{args.size:,} articles  {args.clients} clients", flush=True)
    seed = bss.Seed(bss.make_seed(work))
    results = [run_backend(b, args, seed, work) for b in args.backends.split(",")]
    print()
    print("| backend | stored | request | p50 ms | p95 ms | req/s | failed |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        for kind in ("search", "story page", "post"):
            k = r[kind]
            print(f"| {r['backend']} | {r['articles']:,} | {kind} | {k['p50'] * 1e3:.1f} | {k['p95'] * 1e3:.1f} | "
                  f"{k['per_s']:.1f} | {k['failed']} |")
    with open(work / "results-api.json", "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
