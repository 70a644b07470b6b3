"""Ingest: files, folders, stdin and feed URLs → Article records (or InputError for bad input).

``read_paths`` never raises for bad input: it yields an ``InputError`` naming the file (and line)
and the reason, and goes on with the rest. Formats are chosen by extension, then by content:
plain text (split into articles), JSONL, HTML (trafilatura), RSS/Atom (feedparser), WARC (warcio).
"""
from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline.errors import InputError
from storyline.ingest.decode import MAX_BYTES, decode_bytes
from storyline.ingest.feeds import looks_like_feed, read_feed
from storyline.ingest.html import counting_only, read_html
from storyline.ingest.jsonl import line_pieces, read_json, read_jsonl, read_line_bytes
from storyline.ingest.limits import MAX_TEXT_CHARS, max_text_chars, refuse_oversized
from storyline.ingest.text import split_articles
from storyline.ingest.warc import read_warc
from storyline.records import Article

__all__ = ["read_paths", "read_file", "read_text", "count_articles", "InputError", "refuse_oversized",
           "MAX_TEXT_CHARS"]

JSONL_EXT = {".jsonl", ".ndjson"}
HTML_EXT = {".html", ".htm", ".xhtml"}
FEED_EXT = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
STREAM_BLOCK = 1 << 20  # bytes read at a time from a JSON Lines file over the per-file limit

Item = Article | InputError


def read_paths(paths: Iterable[str | Path], *, published: dt.date | None = None,
               source: str | None = None, max_chars: int | None = None) -> Iterator[Item]:
    """Every article in ``paths`` (files, folders, ``-`` for stdin, feed URLs), in order; an
    article whose text is over the limit (storyline.ingest.limits) comes as its InputError."""
    yield from _limited(_read_paths(paths, published=published, source=source), max_chars)


def _limited(items: Iterable[Item], max_chars: int | None) -> Iterator[Item]:
    try:
        limit = max_text_chars(max_chars)
    except InputError as e:
        yield e
        return
    for item in items:
        if isinstance(item, Article):
            refused = refuse_oversized(item, limit)
            if refused is not None:
                item = refused
        yield item


def count_articles(paths: Iterable[str | Path], *, published: dt.date | None = None,
                   source: str | None = None) -> int | None:
    """How many articles ``read_paths`` will give, read without parsing and without extracting
    HTML pages' text (a page counts as one article: one that turns out to hold no text is
    counted although it is refused) — a progress bar's total. None when an input can be read
    only once (stdin, a feed URL)."""
    paths = [str(p) for p in paths]
    if any(p == "-" or p.startswith(("http://", "https://")) for p in paths):
        return None
    with counting_only():
        return sum(isinstance(item, Article) for item in _read_paths(paths, published=published, source=source))


def _read_paths(paths: Iterable[str | Path], *, published: dt.date | None,
                source: str | None) -> Iterator[Item]:
    for p in paths:
        p = str(p)
        if p == "-":
            data = sys.stdin.buffer.read()
            yield from _read_bytes(data, "<stdin>", "stdin", published=published, source=source)
        elif p.startswith(("http://", "https://")):
            yield from read_feed(p, p, published=published, source=source)
        else:
            for f in list_files(p):
                if isinstance(f, InputError):
                    yield f
                else:
                    yield from read_file(f, published=published, source=source)


def list_files(p: str) -> Iterator[Path | InputError]:
    """The file ``p``, or the files of the folder ``p`` in name order (hidden ones left out)."""
    path = Path(p)
    if not path.is_dir():
        yield path
        return
    files = sorted(f for f in path.rglob("*") if f.is_file() and not
                   any(part.startswith(".") for part in f.relative_to(path).parts))
    if not files:
        yield InputError(p, "folder holds no files")
    yield from files


def read_file(path: Path, *, published: dt.date | None = None, source: str | None = None) -> Iterator[Item]:
    where = str(path)
    try:
        if not path.exists():
            yield InputError(where, "no such file or directory")
            return
        size = path.stat().st_size
        if size == 0:
            yield InputError(where, "empty file")
            return
        name = path.name.lower()
        if name.endswith(WARC_SUFFIXES):
            with open(path, "rb") as f:
                yield from read_warc(f, where, published=published, source=source)
            return
        if size > MAX_BYTES and path.suffix.lower() in JSONL_EXT:  # any size: read a piece at a time
            with open(path, "rb") as f:
                for piece in line_pieces(f, where, block=STREAM_BLOCK, max_line=MAX_BYTES):
                    if isinstance(piece, InputError):
                        yield piece
                    else:
                        yield from read_line_bytes(piece[1], where, first_line=piece[0], published=published,
                                                   source=source)
            return
        if size > MAX_BYTES:
            yield InputError(where, f"file too large ({size // 1_048_576} MB; the limit is "
                                    f"{MAX_BYTES // 1_048_576} MB): split it into smaller files")
            return
        data = path.read_bytes()
    except PermissionError:
        yield InputError(where, "permission denied (cannot read the file)")
        return
    except OSError as e:
        yield InputError(where, f"cannot read: {e.strerror or e}")
        return
    yield from _read_bytes(data, where, path.name, published=published, source=source,
                           suffix=path.suffix.lower())


def _read_bytes(data: bytes, where: str, name: str, *, published, source, suffix: str = "") -> Iterator[Item]:
    if not data.strip():
        yield InputError(where, "empty file")
        return
    if data[:4] == b"WARC":
        yield from read_warc(io.BytesIO(data), where, published=published, source=source)
        return
    try:
        text = decode_bytes(data, where)
    except InputError as e:
        yield e
        return
    head = text.lstrip()[:512].lower()
    if suffix == ".json":
        yield from read_json(text, where, published=published, source=source)
    elif suffix in JSONL_EXT or (not suffix and head.startswith("{")):
        yield from read_jsonl(text, where, published=published, source=source)
    elif suffix in FEED_EXT or looks_like_feed(text):
        yield from read_feed(text, where, published=published, source=source)
    elif suffix in HTML_EXT or head.startswith(("<!doctype html", "<html")):
        try:
            yield read_html(text, where, f"{name}#1", published=published, source=source)
        except InputError as e:
            yield e
    else:
        yield from read_text(text, where, name, published=published, source=source)


def read_text(text: str, where: str, name: str, *, published=None, source=None) -> Iterator[Item]:
    articles = split_articles(text)
    if not articles:
        yield InputError(where, "no text (only whitespace, headlines or separators)")
    for n, raw in enumerate(articles, 1):
        yield Article(id=f"{name}#{n}", text=raw.text, title=raw.title, published=published,
                      source=source, path=where)
