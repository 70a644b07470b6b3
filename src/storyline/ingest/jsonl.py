"""JSONL: one object per line with ``id`` and ``text`` (echoed verbatim), optional title,
published, source, url. A bad line is reported with its line number; the rest is read."""
from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from storyline.errors import InputError
from storyline.ingest.dates import parse_published
from storyline.records import Article

_SURROGATE = re.compile(r"[\ud800-\udfff]")  # json.loads joins pairs: any left is unpaired
# characters no store can hold: unpaired surrogates are not UTF-8; PostgreSQL text refuses NUL
_UNSTORABLE = (("unpaired surrogate escapes", _SURROGATE), ("NUL characters", re.compile("\x00")))


def _loads(text: str):
    """json.loads, with nesting too deep for the parser reported as a JSONDecodeError."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text, 0) from None
    except ValueError as e:  # an integer of more than 4,300 digits
        raise json.JSONDecodeError(f"unreadable value: {e}", text, 0) from None


def read_jsonl(text: str, where: str, *, published=None, source=None) -> Iterator[Article | InputError]:
    """One article per line. Lines end at "\n" (or "\r\n"), as JSON Lines says: a line
    separator that JSON allows inside a string (U+2028, U+0085) does not cut a record. Text
    without any "\n" is cut at whatever line breaks it has (old Mac files end lines in "\r")."""
    lines = text.split("\n") if "\n" in text else text.splitlines()
    yield from read_lines(lines, where, published=published, source=source)


def read_lines(lines: Iterable[str], where: str, *, first_line: int = 1, published=None,
               source=None) -> Iterator[Article | InputError]:
    """The JSON Lines ``lines``, numbered from ``first_line`` (a piece of a larger file)."""
    for n, line in enumerate(lines, first_line):
        if not line.strip():
            continue
        at = f"{where}:{n}"
        try:
            obj = _loads(line)
        except json.JSONDecodeError as e:
            yield InputError(at, f"malformed JSON ({e.msg} at column {e.colno})")
            continue
        yield from _article(obj, at, where, published, source)


def read_line_bytes(data: bytes, where: str, *, first_line: int = 1, published=None,
                    source=None) -> Iterator[Article | InputError]:
    """A piece of a UTF-8 JSON Lines file (bytes cut at "\n"), read as ``read_lines`` reads it;
    a line that is not UTF-8 is refused alone, with its number."""
    if first_line == 1 and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        for n, raw in enumerate(data.split(b"\n"), first_line):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield InputError(f"{where}:{n}", f"not UTF-8 text (byte {e.start + 1} of the line)")
                continue
            yield from read_lines([line], where, first_line=n, published=published, source=source)
        return
    yield from read_lines(text.split("\n"), where, first_line=first_line, published=published, source=source)


def line_pieces(f: BinaryIO, where: str, *, block: int, max_line: int) -> Iterator[tuple[int, bytes] | InputError]:
    """A JSON Lines file of any size read ``block`` bytes at a time: pieces cut after a "\n",
    each with its first line's number; a line longer than ``max_line`` bytes is refused (its
    number given) and skipped, never held whole."""
    line, carry, skipping = 1, b"", False
    while data := f.read(block):
        if skipping:  # inside a refused line: drop up to its end
            end = data.find(b"\n")
            if end < 0:
                continue
            data, skipping, line = data[end + 1:], False, line + 1
        buf = carry + data
        cut = buf.rfind(b"\n") + 1
        if cut:
            yield line, buf[:cut]
            line += buf.count(b"\n", 0, cut)
        carry = buf[cut:]
        if len(carry) > max_line:
            yield InputError(f"{where}:{line}", f"line too long (over {max_line // 1_048_576} MB): refused")
            carry, skipping = b"", True
    if carry and not skipping:
        yield line, carry


def read_json(text: str, where: str, *, published=None, source=None) -> Iterator[Article | InputError]:
    """A .json file holding one article object or a list of them."""
    try:
        obj = _loads(text)
    except json.JSONDecodeError as e:
        yield InputError(where, f"malformed JSON ({e.msg} at line {e.lineno})")
        return
    items = obj if isinstance(obj, list) else [obj]
    for n, item in enumerate(items, 1):
        yield from _article(item, f"{where}[{n}]", where, published, source)


def _article(obj, at: str, where: str, published, source) -> list[Article | InputError]:
    if not isinstance(obj, dict):
        return [InputError(at, "an article must be a JSON object with 'id' and 'text'")]
    missing = [k for k in ("id", "text") if not isinstance(obj.get(k), str)]
    if missing:
        return [InputError(at, f"missing or non-string field(s): {', '.join(missing)}")]
    if not obj["text"].strip():
        return [InputError(at, "empty text (only whitespace)")]
    out: list[Article | InputError] = []
    obj = dict(obj)
    for what, pattern in _UNSTORABLE:  # U+FFFD in their place keeps every offset
        bad = [k for k, v in obj.items() if isinstance(v, str) and pattern.search(v)]
        for k in bad:
            obj[k] = pattern.sub("\ufffd", obj[k])
        if bad:
            out.append(InputError(at, f"{what} in {', '.join(bad)}; kept with U+FFFD in their place", kept=True))
    pub = published
    if obj.get("published") not in (None, ""):
        try:
            pub = parse_published(str(obj["published"]))
        except ValueError as e:
            out.append(InputError(at, f"{e}; kept without a publication date", kept=True))
            pub = None
    title = obj.get("title")
    out.insert(0, Article(
        id=obj["id"], text=obj["text"],
        title=title if isinstance(title, str) and title.strip() else None,
        published=pub,
        source=obj.get("source") if isinstance(obj.get("source"), str) else source,
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        path=where,
    ))
    return out
