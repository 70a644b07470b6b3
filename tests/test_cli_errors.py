"""The CLI's error paths: one line per bad input naming the file and the reason, the good inputs
still processed, exit code 2 when some input was refused and 1 when the run failed, never a
traceback (tests/test_cli_exit_status.py holds the rest of the exit-status contract)."""
from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from storyline.cli import app

GOOD = "The council voted on Tuesday to close the bridge, the mayor said.\n"


@pytest.fixture()
def runner():
    return CliRunner()


def _lines(output: str) -> list[str]:
    return [ln for ln in output.splitlines() if ln.strip()]


def test_missing_path_is_one_line_error_and_exit_2(runner, tmp_path):
    r = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert r.exit_code == 2
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert "Traceback" not in r.output
    assert f"Error: {tmp_path / 'nope.txt'}: no such file or directory" in r.stderr


def test_bad_inputs_reported_and_good_ones_still_processed(runner, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.jsonl").write_text('{"id": "x1", "text": "' + GOOD.strip() + '"}\n{oops\n{"id": 3}\n',
                                        encoding="utf-8")
    (tmp_path / "nomain.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    r = runner.invoke(app, ["extract", str(tmp_path)])
    assert r.exit_code == 2, r.output  # some refused, the rest written
    ids = [json.loads(ln)["id"] for ln in _lines(r.stdout)]
    assert ids == ["x1", "good.txt#1"]
    err = r.stderr
    assert f"{tmp_path / 'binary.txt'}: binary file" in err
    assert f"{tmp_path / 'empty.txt'}: empty file" in err
    assert f"{tmp_path / 'bad.jsonl'}:2: malformed JSON" in err
    assert f"{tmp_path / 'bad.jsonl'}:3: missing or non-string field(s): id, text" in err
    assert f"{tmp_path / 'nomain.html'}: no main text" in err
    assert all(ln.startswith("Error: ") for ln in _lines(err))
    assert "Traceback" not in r.output


def test_nothing_readable_exits_2(runner, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    r = runner.invoke(app, ["extract", str(tmp_path / "empty.txt")])
    assert r.exit_code == 2
    assert _lines(r.stdout) == []



@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads unreadable files")
def test_unreadable_file_in_folder_is_reported(runner, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    r = runner.invoke(app, ["extract", str(tmp_path)])
    assert r.exit_code == 2
    assert f"{locked}: permission denied" in r.stderr


def test_bad_published_option_is_a_clear_error(runner, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    r = runner.invoke(app, ["extract", str(tmp_path / "good.txt"), "--published", "18/02/2025"])
    assert r.exit_code == 1
    assert "Error: --published '18/02/2025' is not a date: use YYYY-MM-DD" in r.stderr


@pytest.mark.parametrize("command", [["stories"], ["show", "x"], ["quotes"], ["events"], ["export"]])
def test_reading_commands_without_a_database_say_how_to_make_one(runner, tmp_path, command):
    r = runner.invoke(app, command + ["--db", str(tmp_path / "none.db")])
    assert r.exit_code == 1
    assert "run `storyline ingest PATH --db" in r.stderr
    assert "Traceback" not in r.output


def test_unknown_evaluation_name(runner):
    r = runner.invoke(app, ["eval", "sentiment"])
    assert r.exit_code == 1
    assert "unknown evaluation 'sentiment'" in r.stderr


@pytest.mark.parametrize("command", ["ingest", "extract", "cluster", "stories", "show", "quotes", "events",
                                     "search", "export", "eval", "errors"])
def test_every_command_has_help(runner, command):
    r = runner.invoke(app, [command, "--help"])
    assert r.exit_code == 0 and "Usage" in r.output
