"""Text that is text gets in (UTF-16, cp1252/Latin-1, control and bidi characters, CRLF,
mixed scripts); binary input is refused with a reason; truncated archives, malformed feeds and
pathological HTML are refused or read as far as they go, never a crash."""
from __future__ import annotations

import gzip
import io
import json

import pytest

from storyline.errors import InputError
from storyline.ingest import read_paths
from storyline.records import Article

BODY = "The mayor of Zürich said on Tuesday that the bridge would reopen – “soon”, officials added."
PAGE = ("<html><head><title>Bridge</title></head><body><article><p>"
        + "The mayor said the bridge would reopen on Tuesday after repairs. " * 5 + "</p></article></body></html>")


def _read(path) -> list[Article | InputError]:
    return list(read_paths([path]))


def _texts(items) -> list[str]:
    return [i.text for i in items if isinstance(i, Article)]


def _errors(items) -> list[str]:
    return [i.reason for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32", "cp1252", "latin-1"])
def test_text_in_common_encodings_is_read(tmp_path, encoding):
    body = BODY if encoding != "latin-1" else BODY.replace("–", "-").replace("“", '"').replace("”", '"')
    p = tmp_path / "a.txt"
    p.write_bytes(body.encode(encoding))
    assert _texts(_read(p)) == [body]


def test_latin1_html_page_is_read_with_its_accents(tmp_path):
    p = tmp_path / "a.html"
    p.write_bytes(PAGE.replace("mayor", "maire de Zürich").encode("latin-1"))
    (text,) = _texts(_read(p))
    assert "maire de Zürich" in text


def test_cyrillic_code_page_is_detected_not_read_as_latin(tmp_path):
    body = "Мэр города заявил во вторник, что мост снова откроется после ремонта. " * 4
    p = tmp_path / "a.txt"
    p.write_bytes(body.encode("cp1251"))
    (text,) = _texts(_read(p))
    assert "Мэр города заявил" in text


def test_control_characters_in_readable_text_are_dropped_not_refused(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"The mayor\x07 said\x1b the bridge\x00 would reopen\x0e on Tuesday, officials added.\n")
    assert _texts(_read(p)) == ["The mayor said the bridge would reopen on Tuesday, officials added."]


def test_bidi_marks_zero_width_and_mixed_scripts_are_kept(tmp_path):
    body = "The mayor \u202eMohammed\u202c said \u2066مرحبا\u2069 the bridge\u200b would reopen, 中文 and Мэр."
    p = tmp_path / "a.txt"
    p.write_text(body, encoding="utf-8")
    assert _texts(_read(p)) == [body]


def test_crlf_line_ends_are_read_as_line_breaks(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(("Bridge Reopens Soon\r\n\r\n" + BODY + "\r\n" + BODY + "\r\n").encode())
    (a,) = [i for i in _read(p) if isinstance(i, Article)]
    assert a.title == "Bridge Reopens Soon" and a.text == BODY + "\n" + BODY


def test_utf8_with_a_stray_byte_keeps_the_rest(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(("Zürich, Genève and Köln: " + BODY).encode() + b"\xff and more text.")
    (text,) = _texts(_read(p))
    assert text.startswith("Zürich, Genève and Köln") and "\ufffd and more text." in text


@pytest.mark.parametrize("data, reason", [
    (bytes(range(256)) * 40, "binary file"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "a PNG image"),
    (b"%PDF-1.7\n" + bytes(range(256)), "a PDF document"),
    (gzip.compress(BODY.encode()), "gzip-compressed"),
    (b"PK\x03\x04" + bytes(100), "ZIP archive"),
    (bytes(range(1, 32)) * 300, "binary file"),
])
def test_binary_input_is_refused_with_a_reason(tmp_path, data, reason):
    p = tmp_path / "a.txt"
    p.write_bytes(data)
    (item,) = _read(p)
    assert isinstance(item, InputError) and reason in item.reason and item.where == str(p)


def _warc(n: int, gz: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for i in range(n):
        hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        payload = io.BytesIO(PAGE.replace("Bridge", f"Bridge {i}").encode())
        w.write_record(w.create_warc_record(f"http://example.com/{i}", "response", payload=payload,
                                            http_headers=hh))
    return buf.getvalue()


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("cut", [0.1, 0.34, 0.5, 0.67, 0.8, 0.9, 0.99, 0.999])
def test_truncated_warc_is_read_as_far_as_it_goes_and_says_so(tmp_path, cut, gz):
    data = _warc(3, gz=gz)
    p = tmp_path / ("a.warc.gz" if gz else "a.warc")
    p.write_bytes(data[:int(len(data) * cut)])
    items = _read(p)
    if cut == 0.999 and not gz:  # only the blank line after the last record is gone: nothing lost
        assert len(items) == 3 and all(isinstance(i, Article) for i in items)
        return
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1 and errors[0].where == str(p) and not errors[0].kept  # a cut is never silent
    assert any(w in errors[0].reason for w in ("truncated", "damaged", "not a readable"))
    assert items[-1] is errors[0]  # after the records before the cut
    assert len(_texts(items)) <= 3


def test_whole_warc_reads_without_an_error(tmp_path):
    for gz in (True, False):
        p = tmp_path / ("a.warc.gz" if gz else "a.warc")
        p.write_bytes(_warc(3, gz=gz))
        items = _read(p)
        assert all(isinstance(i, Article) for i in items) and len(items) == 3


@pytest.mark.parametrize("name, data", [
    ("a.warc.gz", b""),
    ("b.warc.gz", b"\x1f\x8b\x08\x00" + bytes(20)),
    ("c.warc.gz", b"hello, not an archive at all"),
    ("d.warc", b"WARC/1.0\r\nWARC-Type: resp"),
])
def test_broken_warc_is_refused_with_a_reason(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data)
    items = _read(p)
    assert items and all(isinstance(i, InputError) for i in items)


def test_uncompressed_warc_cut_inside_a_record_does_not_crash(tmp_path):
    p = tmp_path / "a.warc"
    p.write_bytes(_warc(2, gz=False)[:-150])
    assert len(_texts(_read(p))) >= 1


@pytest.mark.parametrize("feed, articles", [
    ("<?xml version='1.0'?><rss><channel><item><title>X</title><description>The mayor said the "
     "bridge would reopen.</description></item><item><title>", 1),
    ("<rss" + "<" * 1000, 0),
    ("<?xml version='1.0'?><rss><channel><item><title>T</title><description><![CDATA["
     + "<div>" * 50_000 + "The mayor said the bridge would reopen.]]></description></item></channel></rss>", 1),
    ("<?xml version='1.0'?><rss><channel><item>" + "<x>" * 20_000 + "</item></channel></rss>", 0),
])
def test_malformed_feeds_are_read_as_far_as_they_go(tmp_path, feed, articles):
    p = tmp_path / "feed.xml"
    p.write_text(feed, encoding="utf-8")
    items = _read(p)
    assert items and len(_texts(items)) == articles
    if articles:
        assert "The mayor said the bridge would reopen." in _texts(items)[0]


def test_entity_expansion_in_a_feed_is_bounded(tmp_path):
    ents = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    p = tmp_path / "bomb.xml"
    p.write_text(f'<?xml version="1.0"?><!DOCTYPE x [{ents}]><rss><channel><item><title>&l9;</title>'
                 f"<description>&l9; The mayor said.</description></item></channel></rss>", encoding="utf-8")
    items = _read(p)
    assert all(len(t) < 10_000_000 for t in _texts(items))


@pytest.mark.parametrize("html", [
    "<html><body>" + "<div>" * 200_000 + "<p>The mayor said the bridge would reopen.</p>" + "</div>" * 200_000,
    "<html><body>" + "<div><span><b>" * 30_000 + "The mayor said the bridge would reopen on Tuesday.",
    "<html><body><p>The mayor said <b>the bridge would <i>reopen on Tuesday after the repairs were done</p>",
    "<html>" + "<table><tr><td>" * 10_000,
])
def test_pathological_html_is_refused_or_read_never_a_crash(tmp_path, html):
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    (item,) = _read(p)
    assert isinstance(item, InputError) and item.reason == "no main text found in the HTML page" \
        or isinstance(item, Article) and "reopen" in item.text


@pytest.mark.parametrize("line, reason", [
    ("[" * 100_000, "nested too deeply"),
    ('{"id": "a", "text": "x", "n": ' + "1" * 5000 + "}", "unreadable value"),
    ('{"id": "a", "text": "x"', "malformed JSON"),
])
def test_jsonl_lines_the_parser_cannot_take_are_reported(tmp_path, line, reason):
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "ok", "text": "The mayor spoke."}\n' + line + "\n", encoding="utf-8")
    items = _read(p)
    assert isinstance(items[0], Article) and items[0].id == "ok"
    assert reason in items[1].reason and items[1].where == f"{p}:2"


def test_jsonl_unpaired_surrogate_is_replaced_keeping_offsets(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": "s", "text": "ok \ud800 then"}) + "\n", encoding="utf-8")
    art, note = _read(p)
    assert art.text == "ok \ufffd then" and len(art.text) == 9
    art.content_hash  # encodable now
    assert "unpaired surrogate" in note.reason


def test_counting_articles_extracts_no_page_and_gives_what_reading_gives(tmp_path, monkeypatch):
    import threading

    import trafilatura

    from storyline.ingest import count_articles
    from storyline.ingest.html import counting_only, read_html

    (tmp_path / "a.warc.gz").write_bytes(_warc(3))
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text("".join(json.dumps({"id": f"j{i}", "text": f"{BODY} {i}"}) + "\n"
                                              for i in range(4)) + "{broken\n", encoding="utf-8")
    (tmp_path / "d.txt").write_bytes(bytes(range(256)) * 8)  # refused: not counted
    read = sum(isinstance(i, Article) for i in read_paths([tmp_path]))
    calls = []
    real = trafilatura.bare_extraction
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert count_articles([tmp_path]) == read == 3 + 1 + 4 and calls == []
    assert count_articles(["-"]) is None and count_articles(["https://example.com/feed"]) is None
    # the shortcut holds in the counting thread only, and only while counting
    seen = []
    with counting_only():
        worker = threading.Thread(target=lambda: seen.append(read_html(PAGE, "p", "p#1").text))
        worker.start()
        worker.join()
        assert read_html(PAGE, "p", "p#1").text == PAGE
    assert seen and seen[0] != PAGE and "bridge would reopen" in seen[0]
    assert read_html(PAGE, "p", "p#1").text != PAGE and calls
