"""Reading in units (what Dask workers read): every unit of ``plan`` read in order gives exactly
what ``read_paths`` gives, for every kind of input, cut or whole."""
from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_ingest_robustness import _warc

from storyline.errors import InputError
from storyline.ingest import read_paths
from storyline.ingest.units import plan, read_unit

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "storyline" / "samples"


def _key(item):
    if isinstance(item, InputError):
        return ("error", item.where, item.reason, item.kept)
    return ("article", item)


def _both(paths, block, **kw):
    whole = [_key(i) for i in read_paths(paths, **kw)]
    units = list(plan(paths, block=block, published=kw.get("published"), source=kw.get("source")))
    units = [pickle.loads(pickle.dumps(u)) for u in units]  # as they travel to a worker
    cut = [_key(i) for u in units for i in read_unit(u, published=kw.get("published"), source=kw.get("source"),
                                                   max_chars=kw.get("max_chars"))]
    return whole, cut, units


def _jsonl_line(i: int, text: str | None = None) -> str:
    return json.dumps({"id": f"a{i}", "title": f"Title {i}", "text": text or f"Body {i}. Officials said so."},
                      ensure_ascii=False)


def _corpus(root: Path) -> Path:
    d = root / "in"
    d.mkdir()
    lines = [_jsonl_line(i) for i in range(40)]
    lines[5] = "{not json"
    lines[9] = ""
    lines[12] = json.dumps({"id": "x"})  # no text
    lines[17] = json.dumps({"id": "sep", "text": "A line\u2028separator and\u0085next line inside a string."},
                           ensure_ascii=False)
    lines[30] = _jsonl_line(30, "x" * 300)  # over a small max_chars
    (d / "big.jsonl").write_text("\r\n".join(lines[:20]) + "\n" + "\n".join(lines[20:]), encoding="utf-8")
    (d / "tail.jsonl").write_text("\n".join(lines[:8]), encoding="utf-8")  # no final newline
    (d / "latin.jsonl").write_bytes(("\n".join(lines[:10]) + "\n" + _jsonl_line(99, "Caf\u00e9 cr\u00e8me")
                                     ).encode("cp1252"))
    (d / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + "\n".join(lines[:10]).encode())
    (d / "wide.jsonl").write_bytes("\n".join(lines[:10]).encode("utf-16"))
    (d / "list.json").write_text(json.dumps([{"id": "j1", "text": "One."}, {"id": "j2", "text": "Two."}]))
    (d / "empty.txt").write_bytes(b"")
    (d / "blob.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (d / "page.warc.gz").write_bytes(_warc(3))
    (d / "nothing").mkdir()
    (d / "nothing" / ".hidden").write_text("hidden")
    for f in (SAMPLES / "corpus").iterdir():
        shutil.copy(f, d / f.name)
    shutil.copy(SAMPLES / "000_d82f11879fb1db06.txt", d / "sample.txt")
    return d


@pytest.mark.parametrize("block", [1, 64, 700, 1 << 20])
def test_units_read_in_order_are_what_read_paths_gives(tmp_path, block):
    d = _corpus(tmp_path)
    paths = [str(d), str(d / "nothing"), str(tmp_path / "missing.txt"), str(d / "big.jsonl")]
    whole, cut, units = _both(paths, block, max_chars=200)
    assert cut == whole
    kinds = {k for k, *_ in whole}
    assert kinds == {"article", "error"} and len(whole) > 60


def test_a_large_utf8_jsonl_file_is_cut_at_line_boundaries_and_others_are_not(tmp_path):
    d = _corpus(tmp_path)
    units = list(plan([str(d)], block=300))
    pieces = [p for u in units for p in u]
    big = [p for p in pieces if p.where.endswith("big.jsonl")]
    assert len(big) > 3 and all(p.first_line is not None and p.data.endswith(b"\n") for p in big[:-1])
    assert [p.first_line for p in big][:2] == [1, 1 + big[0].data.count(b"\n")]
    for name in ("latin.jsonl", "bom.jsonl", "wide.jsonl", "sample.txt"):  # read whole where they go
        whole = [p for p in pieces if p.where.endswith(name)]
        assert len(whole) == 1 and whole[0].first_line is None, name
    warc = [p for p in pieces if p.where.endswith(".warc.gz")]
    assert warc and all(p.items and not p.data for p in warc)  # streamed here, items travel
    assert all(sum(p.size for p in u) <= 300 or len(u) == 1 for u in units)


def test_a_separator_inside_a_json_string_does_not_cut_its_record(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(_jsonl_line(1) + "\n" + json.dumps({"id": "s", "text": "One\u2028two."}, ensure_ascii=False)
                 + "\n" + _jsonl_line(3) + "\n", encoding="utf-8")
    items = list(read_paths([p]))
    assert [a.id for a in items] == ["a1", "s", "a3"] and items[1].text == "One\u2028two."


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(st.one_of(
    st.builds(lambda i, t: json.dumps({"id": f"i{i}", "text": t}, ensure_ascii=False),
              st.integers(0, 10**6), st.text(min_size=1, max_size=40)),
    st.text(max_size=30)), min_size=1, max_size=30),
    ends=st.sampled_from(["\n", "\r\n"]), block=st.integers(1, 200))
def test_any_jsonl_text_reads_the_same_cut_or_whole(tmp_path_factory, lines, ends, block):
    p = tmp_path_factory.mktemp("j") / "f.jsonl"
    p.write_bytes(ends.join(lines).encode("utf-8", errors="surrogatepass"))
    whole, cut, _ = _both([str(p)], block)
    assert cut == whole


def test_a_jsonl_file_over_the_file_limit_is_streamed_not_refused(tmp_path, monkeypatch):
    """A month of a crawl in one JSON Lines file: read a piece at a time on both engines, the
    same articles as a file under the limit gives; a line not UTF-8, or one over the limit, is
    refused alone with its number and the rest is read."""
    import storyline.ingest as ingest
    import storyline.ingest.units as units

    lines = [_jsonl_line(i) for i in range(60)]
    lines[7] = "{not json"
    big = tmp_path / "big.jsonl"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    under = [_key(i) for i in read_paths([big])]
    for module in (ingest, units):
        monkeypatch.setattr(module, "MAX_BYTES", 1_000)
    monkeypatch.setattr(ingest, "STREAM_BLOCK", 700)  # the local reader's pieces too
    assert big.stat().st_size > 3_000
    whole, cut, got_units = _both([big], block=500)
    assert whole == cut == under and len(got_units) > 5
    assert ("error", f"{big}:8", "malformed JSON (Expecting property name enclosed in double quotes at column 2)",
            False) in whole

    lines[20] = _jsonl_line(20, "x" * 3_000)  # one line over the (patched) limit
    raw = ("\n".join(lines) + "\n").encode()
    raw = raw.replace(b'"Body 30.', b'"Body \xff30.')  # one line not UTF-8
    big.write_bytes(raw)
    whole, cut, _ = _both([big], block=500)
    assert whole == cut
    errors = {k[1]: k[2] for k in whole if k[0] == "error"}
    assert errors[f"{big}:21"].startswith("line too long") and errors[f"{big}:31"].startswith("not UTF-8 text")
    ids = [k[1].id for k in whole if k[0] == "article"]
    assert ids == [f"a{i}" for i in range(60) if i not in (7, 20, 30)]
