"""The Dask engine on a LocalCluster of real worker processes gives what the local engine gives:
the same extractions in the same order, the same stories, the same store. A worker killed
mid-run loses nothing and stores nothing twice; bad input in a partition is reported and the
rest goes on; a SQLite store is refused on a remote scheduler with a clear message."""
from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading

import pytest

pytest.importorskip("dask.distributed")

from storyline import jobs  # noqa: E402
from storyline.engines import open_engine, tasks  # noqa: E402
from storyline.engines.dask import DaskEngine, partitions, worker_url  # noqa: E402
from storyline.errors import StorylineError  # noqa: E402
from storyline.ingest import count_articles  # noqa: E402
from storyline.evaluation.synthetic import synthetic_stream  # noqa: E402
from storyline.pipeline import extract  # noqa: E402
from storyline.records import Article  # noqa: E402
from storyline.store import Store  # noqa: E402
from storyline.stories import ClusterConfig  # noqa: E402

CFG = ClusterConfig(today=dt.date(2024, 1, 1))


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    exts, _ = synthetic_stream(8, 3, seed=3, words=120)
    return [e.article for e in exts]


@pytest.fixture(scope="module")
def local(articles):
    return list(extract(articles))


@pytest.fixture(scope="module")
def engine():
    with DaskEngine(workers=2) as eng:
        yield eng


def _filed(store: Store) -> list[tuple[str, str]]:
    return [(a["id"], a["story"]) for a in store.articles()]


def _stories(store: Store) -> list[dict]:
    return [store.story(s["id"]) for s in sorted(store.stories(), key=lambda s: s["id"])]


def test_two_real_worker_processes(engine):
    pids = engine.worker_pids()
    assert engine.n_workers == 2 and len(set(pids.values())) == 2 and os.getpid() not in pids.values()


def test_extract_matches_local_in_input_order(engine, articles, local):
    got = list(engine.extract(articles, partition_size=5))
    assert [e.article.id for e in got] == [a.id for a in articles]
    assert [e.to_contract() for e in got] == [e.to_contract() for e in local]


def test_extract_streams_with_bounded_partitions_in_flight(articles):
    submitted = []

    def lazy():
        for a in articles:
            submitted.append(a.id)
            yield a

    with DaskEngine(workers=1, in_flight=1) as eng:
        it = eng.extract(lazy(), partition_size=2)
        first = next(it)
        # one partition collected, at most one more out: the input is not read ahead whole
        assert first.article.id == articles[0].id and len(submitted) <= 6 < len(articles)
        assert len(list(it)) == len(articles) - 1


def test_ingest_gives_the_local_store(engine, articles, local, store_url, tmp_path):
    on_dask = Store(store_url)
    report = jobs.RunReport()
    engine.ingest(articles, on_dask, batch_size=5, config=CFG, report=report)
    here = Store(str(tmp_path / "local.db"))
    jobs.store_extractions(local, here, batch_size=5, config=CFG)
    assert report.added == len(articles) and report.skipped == 0
    assert _filed(on_dask) == _filed(here)
    assert len({s for _, s in _filed(on_dask)}) > 1
    assert _stories(on_dask) == _stories(here)
    assert report.stories == {s for _, s in _filed(on_dask)}
    # every partition was written by one worker (its story working set stays warm)
    url = worker_url(on_dask)
    opened = engine.client.run(lambda: url in tasks._STORES)
    assert [w for w, has in opened.items() if has] == engine.writer()
    # again: every article is already stored, nothing is written twice
    again = jobs.RunReport()
    engine.ingest(articles, on_dask, batch_size=5, config=CFG, report=again)
    assert again.added == 0 and again.skipped == len(articles) and _filed(on_dask) == _filed(here)


def _inputs(folder, articles):
    """A folder of every kind: a JSON Lines file large enough to be cut into many units (a bad
    line and a repeated article in it), text files, a binary file and an empty one."""
    import json

    folder.mkdir()
    lines = [json.dumps({"id": a.id, "text": a.text, "published": "2024-01-01"}) for a in articles[:14]]
    lines.insert(3, "{broken")
    lines.append(lines[0])
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for a in articles[14:20]:
        (folder / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.txt").write_bytes(b"")


def _summary(report: jobs.RunReport) -> tuple:
    return (report.articles, report.added, report.skipped, sorted((e.where, e.reason) for e in report.errors))


def test_reading_on_the_workers_gives_the_local_extraction(engine, tmp_path, articles, monkeypatch):
    monkeypatch.setattr(engine, "block", 2_000)  # many units: the JSON Lines file is cut
    _inputs(tmp_path / "in", articles)
    here, there = jobs.RunReport(), jobs.RunReport()
    ticks_here, ticks_there = [], []
    want = list(jobs.extract([tmp_path / "in"], published=dt.date(2024, 1, 1), report=here,
                             progress=ticks_here.append))
    got = list(jobs.extract([tmp_path / "in"], published=dt.date(2024, 1, 1), report=there, engine=engine,
                            progress=ticks_there.append))
    assert [e.to_contract() for e in got] == [e.to_contract() for e in want] and len(got) == 21
    assert _summary(there) == _summary(here)
    # the progress bar counts articles on both engines, up to the total counted beforehand
    assert sum(ticks_there) == sum(ticks_here) == count_articles([tmp_path / "in"]) == 21


def test_ingest_reading_on_the_workers_gives_the_local_store(engine, tmp_path, articles, monkeypatch):
    monkeypatch.setattr(engine, "block", 2_000)
    _inputs(tmp_path / "in", articles)
    here, there = Store(str(tmp_path / "here.db")), Store(str(tmp_path / "there.db"))
    for store in (here, there):  # one article stored before the run: skipped, not parsed again
        jobs.ingest([tmp_path / "in" / f"{articles[15].id}.txt"], store, published=dt.date(2024, 1, 1))
    ticks_here, ticks_there = [], []
    want = jobs.ingest([tmp_path / "in"], here, published=dt.date(2024, 1, 1), batch_size=4,
                       progress=ticks_here.append)
    got = jobs.ingest([tmp_path / "in"], there, published=dt.date(2024, 1, 1), batch_size=4, engine=engine,
                      progress=ticks_there.append)
    assert _summary(got) == _summary(want) and got.added == 19 and got.skipped == 2
    assert sum(ticks_there) == sum(ticks_here) == count_articles([tmp_path / "in"]) == 21
    assert _filed(there) == _filed(here) and _stories(there) == _stories(here)
    refused = sorted((e.where, e.reason) for e in there.input_errors())
    assert refused == sorted((e.where, e.reason) for e in here.input_errors()) and len(refused) == 3


def test_cluster_job_matches_local(engine, tmp_path, articles):
    folder = tmp_path / "in"
    folder.mkdir()
    for a in articles[:9]:
        (folder / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
    got = list(jobs.cluster([folder], published=dt.date(2024, 1, 1), engine=engine))
    want = list(jobs.cluster([folder], published=dt.date(2024, 1, 1)))
    assert got == want and len(got) == 9


def test_bad_input_is_reported_and_the_rest_goes_on(engine, tmp_path, articles):
    folder = tmp_path / "in"
    folder.mkdir()
    for a in articles[:4]:
        (folder / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "broken.jsonl").write_text('{"id": "x", "text": \n', encoding="utf-8")
    errors = []
    store = Store(str(tmp_path / "s.db"))
    report = jobs.ingest([folder], store, published=dt.date(2024, 1, 1), batch_size=2, engine=engine,
                         on_error=errors.append)
    assert report.added == 4
    where = " ".join(e.where for e in errors)
    assert "binary.txt" in where and "broken.jsonl" in where
    stored = " ".join(e.where for e in store.input_errors())
    assert "binary.txt" in stored and "broken.jsonl" in stored


def test_an_article_the_pipeline_fails_on_is_reported_not_fatal(engine, articles, monkeypatch):
    def boom(arts, on_refused=None):  # runs in this process: the per-article fallback path
        if any(a.id == articles[1].id for a in arts):
            raise ValueError("bad parse")
        return list(extract(arts, on_refused=on_refused))

    monkeypatch.setattr("storyline.pipeline.extract", boom)
    got = tasks.extract_partition(articles[:3])
    assert [e.article.id for e in got.extractions] == [articles[0].id, articles[2].id]
    assert len(got.errors) == 1 and "extraction failed: ValueError: bad parse" in got.errors[0].reason


@pytest.mark.parametrize("via,victim", [("articles", "writer"), ("files", "writer"), ("files", "parser")])
def test_a_worker_killed_mid_run_loses_nothing_and_stores_nothing_twice(articles, local, tmp_path, via, victim):
    import json

    store = Store(str(tmp_path / "killed.db"))
    report = jobs.RunReport()
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": a.id, "title": a.title, "text": a.text,
                                        "published": a.published.isoformat()}) + "\n" for a in articles))
    with DaskEngine(workers=2, block=1_500) as eng:
        pids = eng.worker_pids()
        writer = eng.writer()[0]
        pid = pids[writer] if victim == "writer" else next(p for w, p in pids.items() if w != writer)
        killed = threading.Event()

        def progress(n):  # after the first partition is committed, kill the worker that writes, or another
            if not killed.is_set():
                killed.set()
                os.kill(pid, signal.SIGKILL)

        if via == "articles":
            eng.ingest(articles, store, batch_size=3, config=CFG, report=report, progress=progress)
        else:  # read on the workers, units of a few articles
            eng.ingest_paths([path], store, batch_size=3, config=CFG, report=report, progress=progress)
    assert killed.is_set()
    ids = [a["id"] for a in store.articles()]
    assert sorted(ids) == sorted(a.id for a in articles) and len(ids) == len(set(ids))
    here = Store(str(tmp_path / "local.db"))
    jobs.store_extractions(local, here, batch_size=3, config=CFG)
    assert _filed(store) == _filed(here)


def test_sqlite_store_is_refused_on_a_remote_scheduler(tmp_path):
    store = Store(str(tmp_path / "s.db"))
    with pytest.raises(StorylineError, match="SQLite file on this machine"):
        worker_url(store, "tcp://127.0.0.1:1")
    with pytest.raises(StorylineError, match="SQLite file on this machine"):  # before connecting
        with open_engine("dask", scheduler="tcp://127.0.0.1:9", store=store):
            pass


def test_unreachable_scheduler_is_a_clear_error():
    with pytest.raises(StorylineError, match="cannot reach the Dask scheduler"):
        with DaskEngine(scheduler="tcp://127.0.0.1:9", timeout="2s"):
            pass


def test_engine_options_are_checked():
    with pytest.raises(StorylineError, match="add --engine dask"):
        with open_engine("local", workers=2):
            pass
    with pytest.raises(StorylineError, match="not both"):
        DaskEngine(workers=2, scheduler="tcp://x:1")
    with pytest.raises(StorylineError, match="at least one worker"):
        DaskEngine(workers=0)
    with pytest.raises(StorylineError, match="choose one of"):
        with open_engine("spark"):
            pass


def test_units_are_submitted_only_into_free_parse_slots(engine):
    import time

    out: list = []
    running_at_submit: list[int] = []

    def submit(i):
        running_at_submit.append(sum(not f.done() for f in out))
        future = engine.client.submit(time.sleep, 0.2, pure=False, resources={"parse": 1})
        out.append(future)
        return future

    futures = list(engine._submitted(range(6), submit))
    engine.client.gather(futures)
    assert engine.slots == 2 and futures == out
    assert running_at_submit[:2] == [0, 1] and max(running_at_submit) <= engine.slots - 1


def test_partitions():
    assert list(partitions(range(5), 2)) == [[0, 1], [2, 3], [4]] and list(partitions([], 3)) == []


def test_cli_ingest_on_dask_workers(tmp_path, articles):
    folder = tmp_path / "in"
    folder.mkdir()
    for a in articles[:6]:
        (folder / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
    db = tmp_path / "cli.db"
    exe = os.path.join(os.path.dirname(sys.executable), "storyline")
    run = subprocess.run([exe, "ingest", str(folder), "--published", "2024-01-01", "--db", str(db),
                          "--engine", "dask", "--workers", "2"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert Store(str(db)).count_articles() == 6
    refused = subprocess.run([exe, "ingest", str(folder), "--db", str(db), "--engine", "dask",
                              "--scheduler", "tcp://127.0.0.1:9"], capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1 and "SQLite file on this machine" in refused.stdout + refused.stderr
