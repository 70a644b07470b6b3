"""Progress bars know their total: the inputs' articles are counted in the background (reading
only), and inputs that can be read only once (stdin, feed URLs) leave the bar open-ended."""
from __future__ import annotations

import time

from rich.progress import Progress

from storyline import cli
from storyline.ingest import count_articles


def _folder(tmp_path):
    (tmp_path / "two.txt").write_text("First story here.\n\n\n\nSecond story there.\n", encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text('{"id": "a", "text": "One."}\n{"id": "b"}\n{"id": "c", "text": "Three."}\n',
                                          encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return tmp_path


def test_count_articles_counts_what_reading_gives_not_refusals(tmp_path):
    from storyline.errors import InputError
    from storyline.ingest import read_paths

    folder = _folder(tmp_path)
    items = list(read_paths([folder]))
    articles = sum(not isinstance(i, InputError) for i in items)
    assert articles < len(items)  # the empty file, the binary and the line without text are refused
    assert count_articles([folder]) == articles


def test_inputs_read_only_once_have_no_total():
    assert count_articles(["-"]) is None
    assert count_articles(["https://example.org/feed.xml"]) is None


def test_the_bar_gets_its_total_while_the_run_goes_on(tmp_path):
    folder = _folder(tmp_path)
    bar = Progress()
    task = bar.add_task("ingesting", total=None)
    cli._total_in_background(bar, task, [str(folder)], None)
    deadline = time.monotonic() + 20
    while bar.tasks[0].total is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert bar.tasks[0].total == count_articles([folder])
    stdin_task = bar.add_task("from stdin", total=None)
    cli._total_in_background(bar, stdin_task, ["-"], None)
    time.sleep(0.3)
    assert bar.tasks[1].total is None
