"""The clustering-and-store layer alone, as the store grows (issue 12): seconds and bytes
written per 64-article batch, and peak memory, at 10k to 1M stored articles, SQLite and
PostgreSQL side by side in one run; and the store's size per article.

    python bench/bench_story_store.py --sizes 10000,100000,300000,1000000 \\
        --backends sqlite,postgresql --pg postgresql+psycopg://postgres@127.0.0.1:54329/bench

How the store is grown. Ingesting a million articles through the real path takes hours, so:

1. A seed of 3,000 synthetic articles (``evaluation.synthetic``: 750 events of 4 rewrites, one
   day) goes through the real path, ``jobs.store_extractions``, into ``WORK/seed-vN.db`` (cached
   per schema version N).
2. Each store is bulk-filled to the next size with clones of the seed's rows, one day of news
   (3,000 articles) per clone: ``articles`` (fresh ids, hashes and dates; the contract record
   rewritten to match), ``entities``, ``articles_fts`` (SQLite), ``stories``, and every
   ``story_*`` row: arrivals (digests XORed with a per-clone mask, so clones are not near-copies
   of each other), band keys (XORed likewise), profiles (story ids, arrival numbers and
   dates shifted), their norms (document count shifted), candidate keys (``story_keys``, dates
   shifted), document frequencies added up (``story_df``), and the counters (``n_docs``, ``seq``, ``clock``,
   ``next_story``, ``posted``, ``version``) moved on to the filled size. The schema's indexes all
   stay in place. The clusterer then sees a store of N articles, about 90,000 of them inside its
   30-day window (3,000 a day), with the real vocabulary spread.
3. At each size a fresh process (a new ingester: fresh ``WorkingSet``, empty caches) stores
   ``--batches`` batches of 64 fresh synthetic articles, dated the day after the fill, through
   ``jobs.store_extractions``: features, the locked story session on the store's rows, articles
   and merged stories written. No spaCy parse is timed (the features column is the part of the
   batch time that does not touch the store, timed apart).

Measured per batch (median): seconds; bytes written (SQLite: the bytes the process passed to
write(), ``/proc/self/io`` wchar, i.e. WAL frames and checkpoints; PostgreSQL: WAL generated,
``pg_current_wal_lsn()`` before and after, server-wide, so another client of the same server
adds to it); peak RSS of that process (VmHWM). Store size: the SQLite files after a
checkpoint, or the PostgreSQL relations of the schema (tables, indexes, TOAST), over the
articles stored. PostgreSQL tables go in their own schema (``--pg-schema``, dropped and made
again). ``--profile`` runs two more batches under cProfile per size (``WORK/prof-*.txt``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import numpy as np

BATCH = 64
SEED_EVENTS, PER_EVENT = 750, 4  # the seed: 3,000 articles, one day
SEED_DAY = dt.date(2024, 1, 1)
TABLES = ("articles", "entities", "stories", "story_arrivals", "story_bands", "story_keys",
          "story_profiles", "story_norms", "story_df", "story_counters")


# ---- the seed: real rows from the real path ------------------------------------------------
def make_seed(work: Path) -> Path:
    from storyline import jobs
    from storyline.evaluation.synthetic import synthetic_stream
    from storyline.store import Store
    from storyline.store.schema import SCHEMA_VERSION

    path = work / f"seed-v{SCHEMA_VERSION}.db"
    if path.exists():
        return path
    exs, _ = synthetic_stream(SEED_EVENTS, PER_EVENT, seed=12, start=SEED_DAY, events_per_day=SEED_EVENTS,
                              id_prefix="a")
    tmp = work / "seed.tmp.db"
    for p in work.glob("seed.tmp.db*"):
        p.unlink()
    store = Store(str(tmp))
    t = time.perf_counter()
    jobs.store_extractions(exs, store, batch_size=BATCH)
    print(f"seed: {len(exs):,} articles through jobs.store_extractions in {time.perf_counter() - t:.1f} s",
          flush=True)
    with store.engine.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.engine.dispose()
    tmp.rename(path)
    return path


class Seed:
    """The seed's rows, grouped by story (a partial clone takes whole stories)."""

    def __init__(self, path: Path):
        c = sqlite3.connect(path)
        c.row_factory = sqlite3.Row
        self.articles = [dict(r) for r in c.execute("SELECT * FROM articles ORDER BY seq")]
        for a in self.articles:
            a["rec"] = json.loads(a["record"])
        self.entities: dict[str, list[tuple]] = {}
        for r in c.execute("SELECT article, eid, name, type, mentions FROM entities"):
            self.entities.setdefault(r[0], []).append(tuple(r)[1:])
        self.stories = {r["id"]: dict(r) for r in c.execute("SELECT * FROM stories")}
        self.arrivals = {r["seq"]: dict(r) for r in c.execute("SELECT * FROM story_arrivals")}
        self.bands: dict[int, list[int]] = {}
        for k, q in c.execute("SELECT key, seq FROM story_bands"):
            self.bands.setdefault(q, []).append(k)
        self.profiles = {}
        for r in c.execute("SELECT * FROM story_profiles"):
            d = dict(r)
            d["p"] = json.loads(d["profile"])
            self.profiles[d["id"]] = d
        self.norms = {r["id"]: dict(r) for r in c.execute("SELECT * FROM story_norms")}
        self.keys: dict[str, list[tuple]] = {}
        for r in c.execute("SELECT key, story, posted, first_day, last_day FROM story_keys"):
            self.keys.setdefault(r[1], []).append(tuple(r))
        self.df = [tuple(r) for r in c.execute("SELECT ch, key, n FROM story_df")]
        self.counters = dict(c.execute("SELECT name, value FROM story_counters").fetchall())
        c.close()
        self.by_story: dict[str, list[dict]] = {}
        for a in self.articles:
            self.by_story.setdefault(a["story"], []).append(a)
        self.order = sorted(self.by_story, key=lambda s: self.by_story[s][0]["seq"])
        self.n = len(self.articles)

    def subset(self, want: int) -> list[str]:
        """Whole stories, in order of their first arrival, until ``want`` articles."""
        out, n = [], 0
        for sid in self.order:
            if n >= want:
                break
            out.append(sid)
            n += len(self.by_story[sid])
        return out


def _num(sid: str) -> int:
    return int(sid[1:])


def _day(iso: str | None, shift: int) -> str | None:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=shift)).isoformat() if iso else None


def clone_rows(seed: Seed, sids: list[str], base: dict, clone: int, fts: bool) -> dict[str, list[tuple]]:
    """The rows of one clone of the seed's stories ``sids``: a day of news ``base['shift']``
    days after the seed's, arrival numbers, story numbers and postings after ``base``'s."""
    shift, qb, ab, sb, pb, nb, v = (base[k] for k in ("shift", "seq", "aseq", "story", "posted", "n_docs", "version"))
    rng = random.Random(clone)
    mask32 = np.uint32(rng.getrandbits(32))
    mask64 = rng.getrandbits(64) - (1 << 63)
    sid_of = {sid: f"s{_num(sid) + sb}" for sid in sids}
    aid_of = {a["id"]: f"c{clone}{a['id']}" for sid in sids for a in seed.by_story[sid]}
    rows: dict[str, list[tuple]] = {t: [] for t in ("articles", "entities", "fts", "stories", "story_arrivals",
                                                    "story_bands", "story_profiles", "story_norms",
                                                    "story_keys")}
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    for sid in sids:
        new_sid = sid_of[sid]
        for a in seed.by_story[sid]:
            aid = aid_of[a["id"]]
            h = hashlib.sha256(aid.encode()).hexdigest()
            pub = _day(a["published"], shift)
            rec = dict(a["rec"], id=aid, story=new_sid, published=pub,
                       duplicate_of=aid_of.get(a["duplicate_of"], a["duplicate_of"]))
            rows["articles"].append((h, aid, a["seq"] + ab, a["title"], pub, a["source"], a["url"], a["path"],
                                     a["text"], new_sid, rec["duplicate_of"], a["flags"], json.dumps(rec), now))
            rows["entities"].extend((h, *e) for e in seed.entities.get(a["hash"], ()))
            if fts:
                rows["fts"].append((a["title"] or "", a["text"], h))
            q = a["seq"]  # one writer made the seed: arrival number == article seq
            arr = seed.arrivals[q]
            dig = arr["digest"]
            if dig is not None:
                dig = (np.frombuffer(dig, dtype="<u4") ^ mask32).astype("<u4").tobytes()
            rows["story_arrivals"].append((q + qb, aid, _day(arr["day"], shift), dig,
                                           None if arr["root"] is None else arr["root"] + qb, arr["features"]))
            rows["story_bands"].extend((k ^ mask64, q + qb) for k in seed.bands.get(q, ()))
        st = seed.stories.get(sid)
        if st is not None:
            rows["stories"].append((new_sid, st["title"], _day(st["first_published"], shift),
                                    _day(st["last_published"], shift), st["articles"], st["record"], now))
        pr = seed.profiles[sid]
        p = dict(pr["p"])
        p.update(first=_day(p["first"], shift), last=_day(p["last"], shift), last_seq=p["last_seq"] + qb,
                 recent=[x + qb for x in p["recent"]])
        norms = seed.norms.get(sid)
        if norms is not None:
            rows["story_norms"].append((new_sid, norms["size"], norms["n_docs"] + nb, norms["norms"], v))
        rows["story_profiles"].append((new_sid, bool(pr["live"]),
                                       None if pr["last_day"] is None else pr["last_day"] + shift,
                                       pr["last_seq"] + qb, v, json.dumps(p, separators=(",", ":"))))
        rows["story_keys"].extend((k, new_sid, posted + pb, f + shift, last + shift)
                                  for k, _, posted, f, last in seed.keys.get(sid, ()))
    return rows


ARTICLE_COLS = ("hash", "id", "seq", "title", "published", "source", "url", "path", "text", "story",
                "duplicate_of", "flags", "record", "ingested_at")
COLS = {"articles": ARTICLE_COLS, "entities": ("article", "eid", "name", "type", "mentions"),
        "fts": ("title", "text", "hash"),
        "stories": ("id", "title", "first_published", "last_published", "articles", "record", "updated_at"),
        "story_arrivals": ("seq", "id", "day", "digest", "root", "features"),
        "story_bands": ("key", "seq"),
        "story_profiles": ("id", "live", "last_day", "last_seq", "version", "profile"),
        "story_norms": ("id", "size", "n_docs", "norms", "version"),
        "story_keys": ("key", "story", "posted", "first_day", "last_day")}


# ---- bulk fill ------------------------------------------------------------------------------
class Bulk:
    """Fast inserts on one backend: executemany on SQLite, COPY on PostgreSQL."""

    def __init__(self, url: str, schema: str | None):
        self.pg = url.startswith("postgresql")
        if self.pg:
            import psycopg

            from sqlalchemy.engine import make_url
            u = make_url(url)
            self.conn = psycopg.connect(host=u.host, port=u.port, user=u.username, password=u.password,
                                        dbname=u.database, options=f"-c search_path={schema}")
            self.conn.execute("SET synchronous_commit = off")
        else:
            self.conn = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=DELETE")
            self.conn.execute("PRAGMA synchronous=OFF")
            self.conn.execute("PRAGMA cache_size=-1000000")
            self.conn.execute("BEGIN")

    def one(self, sql: str):
        return self.conn.execute(sql).fetchone()

    def insert(self, table: str, rows: list[tuple]) -> None:
        if not rows:
            return
        cols = COLS[table]
        name = "articles_fts" if table == "fts" else table
        if self.pg:
            with self.conn.cursor().copy(f"COPY {name} ({', '.join(cols)}) FROM STDIN") as cp:
                for r in rows:
                    cp.write_row(r)
        else:
            self.conn.executemany(f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                                  rows)

    def add_df(self, rows: list[tuple]) -> None:
        if self.pg:
            self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS df_in (ch smallint, key text, n bigint)")
            self.conn.execute("TRUNCATE df_in")
            with self.conn.cursor().copy("COPY df_in (ch, key, n) FROM STDIN") as cp:
                for r in rows:
                    cp.write_row(r)
            self.conn.execute("INSERT INTO story_df (ch, key, n) SELECT ch, key, n FROM df_in "
                              "ON CONFLICT (ch, key) DO UPDATE SET n = story_df.n + excluded.n")
        else:
            self.conn.executemany("INSERT INTO story_df (ch, key, n) VALUES (?, ?, ?) "
                                  "ON CONFLICT (ch, key) DO UPDATE SET n = n + excluded.n", rows)

    def set_counters(self, values: dict[str, int]) -> None:
        self.conn.execute("DELETE FROM story_counters")
        rows = list(values.items())
        if self.pg:
            self.conn.cursor().executemany("INSERT INTO story_counters (name, value) VALUES (%s, %s)", rows)
        else:
            self.conn.executemany("INSERT INTO story_counters (name, value) VALUES (?, ?)", rows)

    def commit(self) -> None:
        if self.pg:
            self.conn.commit()
        else:
            self.conn.execute("COMMIT")
            self.conn.execute("BEGIN")

    def close(self) -> None:
        if self.pg:
            self.conn.commit()
            for t in TABLES:
                self.conn.execute(f"ANALYZE {t}")
            self.conn.commit()
        else:
            self.conn.execute("COMMIT")
            self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.close()


def prefill(url: str, schema: str | None, seed: Seed, target: int) -> tuple[int, float]:
    """Fill the store with seed clones up to about ``target`` articles; returns (added, seconds)."""
    t0 = time.perf_counter()
    b = Bulk(url, schema)
    stored = b.one("SELECT count(*) FROM articles")[0]
    counters = {k: int(v) for k, v in b.conn.execute("SELECT name, value FROM story_counters").fetchall()}
    counters.setdefault("epoch", 0)
    aseq = b.one("SELECT coalesce(max(seq), 0) FROM articles")[0]
    added, whole = 0, 0.0
    seed_posted = seed.counters["posted"]
    while stored + added < target:
        want = min(seed.n, target - stored - added)
        sids = seed.subset(want)
        clock = counters.get("clock") or SEED_DAY.toordinal() - 1
        base = {"shift": clock + 1 - SEED_DAY.toordinal(), "seq": counters.get("seq", 0), "aseq": aseq,
                "story": counters.get("next_story", 1) - 1, "posted": counters.get("posted", 0),
                "n_docs": counters.get("n_docs", 0), "version": counters.get("version", 0) + 1}
        clone = base["shift"]  # one clone a day: its day names it
        rows = clone_rows(seed, sids, base, clone, fts=not b.pg)
        for t, rs in rows.items():
            b.insert(t, rs)
        n = len(rows["articles"])
        whole += n / seed.n
        counters.update(n_docs=base["n_docs"] + n, seq=max(r[0] for r in rows["story_arrivals"]),
                        clock=clock + 1, next_story=base["story"] + max(_num(s) for s in sids) + 1,
                        posted=base["posted"] + seed_posted, version=base["version"])
        aseq = max(r[2] for r in rows["articles"])
        b.set_counters(counters)
        b.commit()
        added += n
    if added:  # document frequencies of the clones, added at once (the seed's, scaled)
        b.add_df([(ch, k, round(n * whole)) for ch, k, n in seed.df if round(n * whole)])
    b.close()
    return added, time.perf_counter() - t0


# ---- the timed batches, in a fresh process ----------------------------------------------------
def _wchar() -> int:
    with open("/proc/self/io") as f:
        return next(int(ln.split()[1]) for ln in f if ln.startswith("wchar"))


def _peak_rss_mb() -> float:
    """This process's peak resident set (VmHWM). Not ``ru_maxrss``: Linux carries the parent's
    high-water mark at fork into the child's across exec, so the filling process would show."""
    with open("/proc/self/status") as f:
        return next(int(ln.split()[1]) for ln in f if ln.startswith("VmHWM")) / 1024


def probe(url: str, size: int, batches: int, profile: str | None) -> dict:
    from sqlalchemy import text

    from storyline import jobs
    from storyline.evaluation.synthetic import synthetic_stream
    from storyline.store import Store
    from storyline.store.story_state import WorkingSet
    from storyline.stories.cluster import StoryClusterer

    store = Store(url)
    pg = store.engine.dialect.name == "postgresql"

    def written() -> int:
        if not pg:
            return _wchar()
        with store.engine.connect() as c:
            return int(c.execute(text("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")).scalar_one())

    with store.engine.connect() as c:
        clock = int(c.execute(text("SELECT value FROM story_counters WHERE name = 'clock'")).scalar_one())
    extra = 2 if profile else 0
    n = BATCH * (batches + extra)
    exs, _ = synthetic_stream(n // PER_EVENT, PER_EVENT, seed=size + 1, start=dt.date.fromordinal(clock + 1),
                              events_per_day=SEED_EVENTS, id_prefix=f"p{size}-")
    cl = StoryClusterer()
    t = time.perf_counter()
    for ex in exs[:BATCH * batches]:
        cl.features(ex)
    features = (time.perf_counter() - t) / batches
    working = WorkingSet()  # a new ingester
    times, wrote = [], []
    for i in range(batches):
        batch = exs[i * BATCH:(i + 1) * BATCH]
        before = written()
        t = time.perf_counter()
        jobs.store_extractions(batch, store, batch_size=BATCH, working=working)
        times.append(time.perf_counter() - t)
        wrote.append(written() - before)
    rss = _peak_rss_mb()
    if profile:
        import cProfile
        import io
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        jobs.store_extractions(exs[BATCH * batches:], store, batch_size=BATCH, working=working)
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats(os.environ.get("PROF_SORT", "cumulative")).print_stats(45)
        Path(profile).write_text(out.getvalue())
    store.engine.dispose()
    return {"times": times, "wrote": wrote, "rss_mb": rss, "features_s": features}


def store_bytes(url: str, schema: str | None) -> tuple[int, int, dict[str, int]]:
    """(store bytes, articles, bytes per table or index)."""
    from sqlalchemy import create_engine, text

    if url.startswith("postgresql"):
        eng = create_engine(url, connect_args={"options": f"-c search_path={schema}"})
        with eng.connect() as c:
            n = c.execute(text("SELECT count(*) FROM articles")).scalar_one()
            parts = dict(c.execute(text(
                "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace s "
                "ON s.oid = c.relnamespace WHERE s.nspname = :s AND c.relkind = 'r'"), {"s": schema}).all())
        eng.dispose()
        return sum(parts.values()), n, parts
    path = url.removeprefix("sqlite:///")
    c = sqlite3.connect(path)
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    n = c.execute("SELECT count(*) FROM articles").fetchone()[0]
    try:
        parts = dict(c.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall())
    except sqlite3.Error:
        parts = {}
    c.close()
    return sum(p.stat().st_size for p in Path(path).parent.glob(Path(path).name + "*")), n, parts


# ---- the run ----------------------------------------------------------------------------------
def _pg_url(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={schema}')}"


def fresh_store(backend: str, work: Path, pg: str | None, schema: str) -> str:
    from sqlalchemy import create_engine, text

    from storyline.store import Store

    if backend == "postgresql":
        if not pg:
            raise SystemExit("--pg URL is needed for the postgresql backend")
        eng = create_engine(pg, isolation_level="AUTOCOMMIT")
        with eng.connect() as c:
            c.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
            c.execute(text(f"CREATE SCHEMA {schema}"))
        eng.dispose()
        url = _pg_url(pg, schema)
    else:
        path = work / "store.db"
        for p in work.glob("store.db*"):
            p.unlink()
        url = f"sqlite:///{path}"
    Store(url).engine.dispose()
    return url


def drop_store(backend: str, work: Path, pg: str | None, schema: str) -> None:
    if backend == "postgresql":
        from sqlalchemy import create_engine, text

        eng = create_engine(pg, isolation_level="AUTOCOMMIT")
        with eng.connect() as c:
            c.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        eng.dispose()
    else:
        for p in work.glob("store.db*"):
            p.unlink()


def run_backend(backend: str, args, seed: Seed, work: Path) -> list[dict]:
    url = fresh_store(backend, work, args.pg, args.pg_schema)
    schema = args.pg_schema if backend == "postgresql" else None
    plain = args.pg if backend == "postgresql" else url
    rows = []
    for size in args.sizes:
        added, took = prefill(plain, schema, seed, size)
        load = os.getloadavg()[0]
        prof = str(work / f"prof-{backend}-{size}.txt") if args.profile else None
        cmd = [sys.executable, __file__, "--probe", url, "--probe-size", str(size), "--batches", str(args.batches)]
        if prof:
            cmd += ["--profile-to", prof]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        total, stored, parts = store_bytes(plain, schema)
        s = statistics.median(r["times"])
        row = {"backend": backend, "size": size, "stored": stored, "fill_added": added, "fill_s": took,
               "s_per_batch": s, "articles_per_s": BATCH / s, "times": r["times"],
               "bytes_per_batch": statistics.median(r["wrote"]), "wrote": r["wrote"], "rss_mb": r["rss_mb"],
               "features_s": r["features_s"], "store_bytes": total, "bytes_per_article": total / stored,
               "load": load, "parts": parts}
        rows.append(row)
        print(f"  {backend:<10} {stored:>9,} stored (filled +{added:,} in {took:.0f} s)  {s:.3f} s/batch "
              f"[{' '.join(f'{x:.2f}' for x in r['times'])}]  {row['articles_per_s']:.0f} art/s  "
              f"{row['bytes_per_batch'] / 1e6:.1f} MB written/batch  peak RSS {r['rss_mb']:.0f} MB  "
              f"store {row['bytes_per_article'] / 1e3:.1f} kB/article  load {load:.2f}", flush=True)
        if size == args.breakdown and parts:
            top = sorted(parts.items(), key=lambda kv: -kv[1])[:12]
            print("    bytes/article by table or index: " + ", ".join(f"{k} {v / stored:,.0f}" for k, v in top),
                  flush=True)
    with open(work / f"results-{backend}.json", "w") as f:
        json.dump(rows, f, indent=1)
    if not args.keep:
        drop_store(backend, work, args.pg, args.pg_schema)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000,300000,1000000")
    ap.add_argument("--backends", default="sqlite")
    ap.add_argument("--pg", help="a PostgreSQL database URL (the bench makes its own schema there)")
    ap.add_argument("--pg-schema", default="bench_story_store")
    ap.add_argument("--batches", type=int, default=5, help="timed batches per size")
    ap.add_argument("--work", default="/tmp/bench12", help="seed, SQLite store, results, profiles")
    ap.add_argument("--breakdown", type=int, default=100_000, help="size at which to print bytes per table")
    ap.add_argument("--profile", action="store_true", help="two more batches per size under cProfile")
    ap.add_argument("--keep", action="store_true", help="keep the stores at the end")
    ap.add_argument("--probe", help=argparse.SUPPRESS)
    ap.add_argument("--probe-size", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--profile-to", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.probe:
        print(json.dumps(probe(args.probe, args.probe_size, args.batches, args.profile_to)))
        return
    args.sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    print(f"{dt.date.today()}  {os.cpu_count()} cores  load {' '.join(f'{x:.2f}' for x in os.getloadavg())}  "
          f"sizes {args.sizes}  {args.batches} batches of {BATCH}", flush=True)
    seed = Seed(make_seed(work))
    results = {b: run_backend(b, args, seed, work) for b in args.backends.split(",")}
    print()
    names = list(results)
    print("| stored | " + " | ".join(f"{b} s/batch | {b} art/s | {b} MB written/batch | {b} peak RSS MB"
                                    for b in names) + " |")
    for i, size in enumerate(args.sizes):
        cells = []
        for b in names:
            r = results[b][i]
            cells += [f"{r['s_per_batch']:.3f}", f"{r['articles_per_s']:.0f}", f"{r['bytes_per_batch'] / 1e6:.2f}",
                      f"{r['rss_mb']:.0f}"]
        print(f"| {size:,} | " + " | ".join(cells) + " |")
    for b in names:
        first, last = results[b][0], results[b][-1]
        print(f"{b}: per-batch time at {last['size']:,} / at {first['size']:,}: "
              f"{last['s_per_batch'] / first['s_per_batch']:.2f}x (target <= 1.5x); bytes written "
              f"{last['bytes_per_batch'] / max(1, first['bytes_per_batch']):.2f}x; peak RSS "
              f"{last['rss_mb'] / first['rss_mb']:.2f}x; features (no store) {first['features_s']:.3f} s/batch")
        at = [r for r in results[b] if r["size"] == args.breakdown]
        if at:
            print(f"{b}: store size at {at[0]['stored']:,} articles: {at[0]['bytes_per_article'] / 1e3:.1f} kB/article")
    print(f"load at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
