"""Ingest into SQLite: idempotent re-ingest, one transaction per batch, stories stored."""
from __future__ import annotations

import shutil

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from storyline import jobs
from storyline.cli import app
from storyline.store import Store
from storyline.store.schema import SCHEMA_VERSION


@pytest.fixture()
def store(tmp_path):
    return Store(tmp_path / "t.db")


def test_schema_is_migrated_and_reopening_is_harmless(tmp_path):
    Store(tmp_path / "t.db")
    s = Store(tmp_path / "t.db")
    with s.engine.connect() as conn:
        v = conn.execute(text("SELECT value FROM meta WHERE key='schema_version'")).scalar_one()
    assert int(v) == SCHEMA_VERSION


def test_reingesting_the_same_file_adds_nothing(store, shared_sample):
    first = jobs.ingest([shared_sample], store)
    again = jobs.ingest([shared_sample], store)
    assert (first.added, first.skipped) == (2, 0)
    assert (again.added, again.skipped) == (0, 2)
    assert store.count_articles() == 2


def test_same_article_under_another_file_name_is_stored_once(store, shared_sample, tmp_path):
    copy = tmp_path / "copy.txt"
    shutil.copy(shared_sample, copy)
    report = jobs.ingest([shared_sample, copy], store)
    assert report.articles == 4 and report.added == 2 and report.skipped == 2


def test_sample_is_two_articles_in_one_story(store, shared_sample):
    jobs.ingest([shared_sample], store, published=None)
    stories = store.stories()
    assert len(stories) == 1 and stories[0]["articles"] == 2
    arts = list(store.articles(story=stories[0]["id"]))
    assert [a["title"] for a in arts] == [None, "Zelensky Discusses with Macron the Possible Deployment of "
                                                "Foreign Soldiers in Ukraine"]
    for a in arts:
        persons = {e["name"] for e in a["entities"] if e["type"] == "PERSON"}
        assert persons == {"Volodymyr Zelensky", "Emmanuel Macron"}


def test_a_crash_mid_batch_loses_nothing_committed(store, shared_sample, tmp_path, monkeypatch):
    corpus = shared_sample.parent / "corpus"
    real = jobs.run_pipeline
    calls = {"n": 0}

    def failing(articles, **kw):
        for ex in real(articles, **kw):
            calls["n"] += 1
            if calls["n"] == 4:
                raise RuntimeError("power cut")
            yield ex

    monkeypatch.setattr(jobs, "run_pipeline", failing)
    with pytest.raises(RuntimeError):
        jobs.ingest([corpus], store, batch_size=1)
    assert store.count_articles() == 3  # the three batches before the crash
    monkeypatch.setattr(jobs, "run_pipeline", real)
    report = jobs.ingest([corpus], store, batch_size=1)
    assert report.skipped == 3 and store.count_articles() == report.articles


def test_cli_ingest_then_list_show_quotes_and_export(tmp_path, shared_sample):
    db = str(tmp_path / "cli.db")
    r = CliRunner()
    res = r.invoke(app, ["ingest", str(shared_sample), "--published", "2025-02-18", "--db", db])
    assert res.exit_code == 0, res.output
    assert "2 articles read, 2 added" in res.stderr
    res = r.invoke(app, ["stories", "--db", db])
    assert res.exit_code == 0 and "1 stories, 2 articles" in res.stdout
    res = r.invoke(app, ["show", "000_d82f11879fb1db06.txt#2", "--db", db])
    assert res.exit_code == 0
    assert "Zelensky Discusses with Macron" in res.stdout and "Volodymyr Zelensky" in res.stdout
    res = r.invoke(app, ["show", "000_d82f11879fb1db06.txt#1", "--story", "--db", db])
    assert res.exit_code == 0 and "Zelensky Discusses with Macron" in res.stdout
    res = r.invoke(app, ["export", "--db", db])
    assert res.exit_code == 0 and len(res.stdout.strip().splitlines()) == 2
    res = r.invoke(app, ["search", "drones", "--db", db])
    assert res.exit_code == 0 and "000_d82f11879fb1db06.txt#1" in res.stdout


def test_watch_ingests_new_files_once(store, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("The mayor said the bridge would reopen soon.", encoding="utf-8")
    reports = []

    def drop_second_file(_seconds):
        if not (inbox / "b.txt").exists():
            (inbox / "b.txt").write_text("Police said three people were arrested.", encoding="utf-8")

    jobs.watch(inbox, store, cycles=3, on_report=reports.append, sleep=drop_second_file)
    assert store.count_articles() == 2
    assert [r.added for r in reports] == [1, 1]  # the third scan finds nothing new
