"""Every input ends stored, a duplicate, or refused, and refusals are kept in the store with
where, why and when (SQLite and the real PostgreSQL server): `storyline errors`, the API, the
run summary and the exit status."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from storyline import jobs
from storyline.cli import app
from storyline.store import Store

GOOD = "The council voted on Tuesday to close the bridge, the mayor said.\n"
OTHER = "Firefighters in Springfield said on Monday that 3 people were hurt in a blaze.\n"


def _folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (d / "empty.txt").write_bytes(b"")
    (d / "lines.jsonl").write_text(
        json.dumps({"id": "j1", "text": OTHER}) + "\n{oops\n"
        + json.dumps({"id": "j2", "text": "The mayor said on Friday the plan was dead.", "published": "31/31/9999"})
        + "\n", encoding="utf-8")
    return d


def test_refusals_are_kept_once_per_place_and_reason(store_url, tmp_path):
    store = Store(store_url)
    d = _folder(tmp_path)
    first = jobs.ingest([d], store)
    assert first.added == 3 and len(first.refused) == 3 and len(first.repaired) == 1
    rows = store.input_errors()
    got = {(r.where, r.outcome) for r in rows}
    assert got == {(str(d / "binary.txt"), "refused"), (str(d / "empty.txt"), "refused"),
                   (f"{d / 'lines.jsonl'}:2", "refused"), (f"{d / 'lines.jsonl'}:3", "kept")}
    assert all(r.times == 1 and r.first_seen == r.last_seen for r in rows)
    assert "binary" in next(r.reason for r in rows if r.where.endswith("binary.txt"))

    again = jobs.ingest([d], store)  # the same folder: no article twice, no refusal twice
    assert again.added == 0 and again.skipped == 3 and len(again.refused) == 3
    rows2 = store.input_errors()
    assert len(rows2) == 4 and all(r.times == 2 for r in rows2)
    assert all(r.last_seen >= r.first_seen for r in rows2)
    assert store.count_articles() == 3
    assert [r.outcome for r in store.input_errors(outcome="refused")] == ["refused"] * 3
    assert store.input_errors(since="2999-01-01T00:00:00+00:00") == []


def test_nul_characters_are_stored_on_every_backend(store_url, tmp_path):
    text = "Officials said the bridge\u0000 collapsed on Monday in Springfield, killing 3 people."
    p = tmp_path / "nul.jsonl"
    p.write_text(json.dumps({"id": "n1", "text": text, "title": "Bridge\u0000 falls"}) + "\n", encoding="utf-8")
    store = Store(store_url)
    report = jobs.ingest([p], store)
    assert report.added == 1 and not report.refused
    rec = store.article("n1")
    assert rec["text"] == text.replace("\0", "\ufffd") and len(rec["text"]) == len(text)  # offsets kept
    assert [r.outcome for r in store.input_errors()] == ["kept"]
    assert "NUL characters in text, title" in store.input_errors()[0].reason


def test_cli_exit_status_summary_and_errors_command(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "s.db")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    r = runner.invoke(app, ["ingest", str(good), "--db", db])
    assert r.exit_code == 0, r.output
    assert "1 articles read, 1 added, 0 already stored, 0 refused, 0 repaired" in r.stderr
    r = runner.invoke(app, ["ingest", str(good), "--db", db])  # a duplicate is not a failure
    assert r.exit_code == 0 and "0 added, 1 already stored" in r.stderr

    d = _folder(tmp_path)
    r = runner.invoke(app, ["ingest", str(d), "--db", db])
    assert r.exit_code == 2, r.output  # some refused; the rest stored
    assert "3 refused, 1 repaired" in r.stderr and f"storyline errors --db {db}" in r.stderr
    assert f"Repaired: {d / 'lines.jsonl'}:3:" in r.stderr and "Traceback" not in r.output

    r = runner.invoke(app, ["errors", "--db", db, "--json"])
    assert r.exit_code == 0
    rows = [json.loads(ln) for ln in r.stdout.splitlines() if ln.strip()]
    assert len(rows) == 4 and {x["outcome"] for x in rows} == {"refused", "kept"}
    assert set(rows[0]) == {"where", "reason", "outcome", "first_seen", "last_seen", "times"}
    r = runner.invoke(app, ["errors", "--db", db, "--refused", "--since", "1h", "--json"])
    assert len([ln for ln in r.stdout.splitlines() if ln.strip()]) == 3
    r = runner.invoke(app, ["errors", "--db", db, "--since", "2999-01-01"])
    assert r.exit_code == 0 and "0 refused, 0 repaired since 2999-01-01" in r.stdout
    r = runner.invoke(app, ["errors", "--db", db], env={"COLUMNS": "400"})
    assert "binary.txt" in r.stdout and "3 refused, 1 repaired" in r.stdout
    r = runner.invoke(app, ["errors", "--db", db, "--since", "last tuesday"])
    assert r.exit_code == 1 and "Error: --since 'last tuesday'" in r.stderr


def test_api_lists_refusals(tmp_path):
    from fastapi.testclient import TestClient

    from storyline.web.app import create_app

    db = tmp_path / "s.db"
    d = _folder(tmp_path)
    jobs.ingest([d], Store(db))
    client = TestClient(create_app(db))
    r = client.get("/api/errors")
    assert r.status_code == 200 and len(r.json()) == 4
    assert client.get("/api/errors", params={"outcome": "refused"}).json()[0]["outcome"] == "refused"
    assert len(client.get("/api/errors", params={"outcome": "refused"}).json()) == 3
    assert client.get("/api/errors", params={"since": "2999-01-01T00:00:00+00:00"}).json() == []
    assert client.get("/api/errors", params={"outcome": "lost"}).status_code == 400
    assert "/api/errors" in client.get("/openapi.json").json()["paths"]


def test_debug_shows_the_traceback_and_plain_runs_do_not(tmp_path):
    runner = CliRunner()
    args = ["extract", str(tmp_path / "x.txt"), "--published", "18/02/2025"]
    plain = runner.invoke(app, args)
    assert plain.exit_code == 1 and "Traceback" not in plain.output
    debug = runner.invoke(app, ["--debug"] + args)
    assert debug.exit_code == 1 and "Traceback" in debug.stderr and "StorylineError" in debug.stderr
    assert "--debug" in runner.invoke(app, ["--help"]).output


def test_since_parses_dates_times_and_ages():
    import datetime as dt

    from storyline.cli import _since

    now = dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.timezone.utc)
    assert _since("90m", now) == "2026-12-06T10:30:00+00:00"
    assert _since("7d", now) == "2026-11-29T12:00:00+00:00"
    assert _since("2026-12-01", now) == "2026-12-01T00:00:00+00:00"
    assert _since("2026-12-01T09:30+01:00", now) == "2026-12-01T08:30:00+00:00"
    assert _since(None, now) is None
