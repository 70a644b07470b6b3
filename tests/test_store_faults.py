"""A full disk and a read-only store: a clear error, the store as it was (every committed batch
kept, nothing of the failed one), and the work can go on once the disk has room again.

Real faults, no mocks: the store lives on a small tmpfs mounted for the test (needs root, as in
CI; elsewhere these tests skip with that reason)."""
from __future__ import annotations

import os
import sqlite3
from contextlib import closing
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline import jobs
from storyline.cli import app
from storyline.errors import StoreError
from storyline.evaluation.synthetic import synthetic_stream
from storyline.store import Store

GOOD = "The council voted on Tuesday to close the bridge, the mayor said.\n"


@pytest.fixture()
def small_disk(tmp_path):
    """A tmpfs of 1.5 MB at tmp_path/disk; yields (path, remount(options))."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1536k", "tmpfs", str(disk)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode().strip()}")

    def remount(options: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{options}", str(disk)], check=True)

    try:
        yield disk, remount
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _consistent(db: Path) -> int:
    """Integrity holds, every article is in a story that has its record; returns the count."""
    with closing(sqlite3.connect(db)) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert c.execute("SELECT count(*) FROM articles WHERE story IS NULL").fetchone()[0] == 0
        assert c.execute("SELECT count(*) FROM articles a LEFT JOIN stories s ON s.id = a.story "
                         "WHERE s.id IS NULL").fetchone()[0] == 0
        assert c.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0] == \
            c.execute("SELECT count(*) FROM articles").fetchone()[0]
        return c.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_a_full_disk_is_a_clear_error_and_loses_nothing_committed(small_disk):
    disk, remount = small_disk
    db = disk / "s.db"
    store = Store(db)
    exs, _ = synthetic_stream(150, 4, seed=3, words=300)
    report = jobs.RunReport()
    with pytest.raises(StoreError) as e:
        jobs.store_extractions(exs, store, batch_size=16, report=report)
    assert "the disk holding the store is full" in str(e.value)
    assert "nothing of this transaction was written" in str(e.value)
    assert 0 < report.added < len(exs)
    assert _consistent(db) == report.added  # every committed batch, nothing of the failed one

    remount("size=64m")  # room again: the same input goes on from where it stopped
    more = jobs.store_extractions(exs, Store(db), batch_size=16)
    assert more.added == len(exs) - report.added and more.skipped == report.added
    assert _consistent(db) == len(exs)


def test_a_read_only_store_is_a_clear_error_and_still_reads(small_disk, tmp_path):
    disk, remount = small_disk
    db = disk / "s.db"
    runner = CliRunner()
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    exs, _ = synthetic_stream(5, 2, seed=4, words=120)
    store = Store(db)
    jobs.store_extractions(exs, store, batch_size=4)
    store.engine.dispose()  # no open file on the disk, so it can be made read-only
    before = _consistent(db)
    with closing(sqlite3.connect(db)) as c:  # the log folded into the file before the remount
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    remount("ro")
    r = runner.invoke(app, ["ingest", str(good), "--db", str(db)])
    assert r.exit_code == 1, r.output
    assert "Error: the store is read-only" in r.stderr and "Traceback" not in r.output
    r = runner.invoke(app, ["stories", "--db", str(db)])
    assert r.exit_code == 0 and f"{before} articles" in r.stdout  # reading a read-only store works
    remount("rw")
    assert _consistent(db) == before


def test_a_read_only_store_with_a_write_ahead_log_left_says_so(small_disk, tmp_path):
    """A writer that died left its log beside the file; on a read-only disk SQLite cannot fold
    it in: a clear error naming the log, not "database disk image is malformed" or stale reads."""
    import sys

    disk, remount = small_disk
    db = disk / "s.db"
    exs, _ = synthetic_stream(4, 2, seed=5, words=120)
    store = Store(db)
    jobs.store_extractions(exs, store, batch_size=4)
    store.engine.dispose()  # no open file on the disk, so it can be made read-only
    subprocess.run([sys.executable, "-c",  # a write, then the process dies before any checkpoint
                    "import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                    "c.execute('PRAGMA wal_autocheckpoint=0'); "
                    "c.execute(\"UPDATE articles SET title = 'late' WHERE rowid = 1\"); c.commit(); os._exit(0)",
                    str(db)], check=True)
    assert (disk / "s.db-wal").stat().st_size > 0
    remount("ro")
    with pytest.raises(StoreError, match="read-only, and a write-ahead log \\(s.db-wal\\)"):
        Store(db)
    r = CliRunner().invoke(app, ["stories", "--db", str(db)])
    assert r.exit_code == 1 and "write-ahead log" in r.stderr and "Traceback" not in r.output
    remount("rw")  # with write access the log is folded in: the late write is there
    Store(db).engine.dispose()
    with closing(sqlite3.connect(db)) as c:
        assert c.execute("SELECT title FROM articles WHERE rowid = 1").fetchone()[0] == "late"
