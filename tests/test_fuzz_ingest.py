"""Ingest never crashes (property-based, hypothesis): random bytes under every file name,
adversarial text in every container and encoding, valid files truncated or with bytes flipped.
Every input ends as articles or InputErrors naming it, within a time bound."""
from __future__ import annotations

import io
import json
import time

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_fuzz_extractors import adversarial

from storyline.errors import InputError
from storyline.ingest import read_paths
from storyline.records import Article

SUFFIXES = ["a.txt", "a.jsonl", "a.json", "a.html", "a.xml", "a.rss", "a.warc", "a.warc.gz", "noext"]
SECONDS_PER_FILE = 5.0
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large])


def _read_all(path) -> list[Article | InputError]:
    t0 = time.monotonic()
    items = list(read_paths([path]))
    assert time.monotonic() - t0 < SECONDS_PER_FILE
    assert items, "every input ends as an article or a refusal"
    for item in items:
        assert isinstance(item, (Article, InputError))
        if isinstance(item, Article):
            assert isinstance(item.text, str) and item.text.strip()
            item.content_hash  # encodable: the store hashes every article
        else:
            assert item.where.startswith(str(path)) and item.reason
    return items


def _page(text: str) -> str:
    from html import escape

    return f"<html><head><title>T</title></head><body><article><p>{escape(text)}</p></article></body></html>"


def _feed(text: str) -> str:
    from html import escape

    return (f"<?xml version='1.0' encoding='utf-8'?><rss><channel><title>F</title><item><title>T</title>"
            f"<description>{escape(text)}</description></item></channel></rss>")


def _warc(html: str) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
    w.write_record(w.create_warc_record("http://example.com/a", "response", payload=io.BytesIO(html.encode()),
                                        http_headers=hh))
    return buf.getvalue()


CONTAINERS = {
    "a.txt": lambda t: t.encode("utf-8"),
    "a.jsonl": lambda t: (json.dumps({"id": "x", "text": t}) + "\n").encode(),
    "a.html": lambda t: _page(t).encode(),
    "a.xml": lambda t: _feed(t).encode(),
    "a.warc.gz": lambda t: _warc(_page(t)),
}


@SETTINGS
@given(data=st.binary(max_size=4000), name=st.sampled_from(SUFFIXES))
def test_random_bytes_under_any_name_never_crash(tmp_path_factory, data, name):
    p = tmp_path_factory.mktemp("bytes") / name
    p.write_bytes(data)
    _read_all(p)


@SETTINGS
@given(text=adversarial, container=st.sampled_from(sorted(CONTAINERS)),
       encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "cp1252", "latin-1"]))
@example(text="", container="a.jsonl", encoding="utf-8")  # was an Article with empty text
@example(text="[" * 5000, container="a.jsonl", encoding="utf-8")
def test_adversarial_text_in_every_container_and_encoding(tmp_path_factory, text, container, encoding):
    data = CONTAINERS[container](text)
    if encoding != "utf-8" and container == "a.txt":
        data = text.encode(encoding, errors="replace")
    p = tmp_path_factory.mktemp("text") / container
    p.write_bytes(data)
    items = _read_all(p)
    if container == "a.jsonl" and "\x00" not in text:
        assert [i.text for i in items if isinstance(i, Article)] in ([text], [])  # verbatim or refused


@SETTINGS
@given(text=adversarial, container=st.sampled_from(sorted(CONTAINERS)), cut=st.floats(0, 1),
       flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8))
@example(text="", container="a.warc.gz", cut=0.25, flips=[])  # was AttributeError inside warcio
def test_truncated_or_damaged_files_never_crash(tmp_path_factory, text, container, cut, flips):
    data = bytearray(CONTAINERS[container]("The mayor said the bridge would reopen. " + text))
    for where, byte in flips:
        data[min(len(data) - 1, int(where * len(data)))] = byte
    data = bytes(data[:int(cut * len(data))])
    p = tmp_path_factory.mktemp("damaged") / container
    p.write_bytes(data)
    _read_all(p)


def test_a_1mb_line_is_read_whole(tmp_path):
    line = "The mayor said the bridge would reopen on Tuesday. " * 20_000
    (tmp_path / "a.txt").write_text(line, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b", "text": line}) + "\n", encoding="utf-8")
    items = _read_all(tmp_path)
    assert [len(i.text) for i in items] == [len(line.strip()), len(line)]
