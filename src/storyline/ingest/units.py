"""Inputs cut into units that a worker reads on its own (the Dask engine's reading and splitting).

``plan(paths)`` walks ``paths`` as ``read_paths`` does but only reads bytes: each file becomes a
``Piece`` holding its bytes, and a large UTF-8 JSON Lines file is cut at line boundaries into
pieces of about ``block`` bytes that know their first line's number (one over the per-file
limit is cut as it is read, never held whole). Pieces are grouped into
units of about ``block`` bytes (many small files in one unit, a large file over several).
``read_unit(unit)`` does the rest where it runs — decoding, choosing the format, JSON parsing,
splitting text into articles, HTML extraction, the size limit — so that reading every unit of
the plan in order gives exactly what ``read_paths`` gives.

What cannot be cut or shipped as bytes is read where ``plan`` runs, and travels as items made
already: feed URLs, WARC files (streamed record by record: they may be larger than the
per-file limit) and what listing found wrong (a missing file, an empty folder). Only bytes
travel otherwise, so workers on other machines need no access to the client's files.
"""
from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import InputError
from storyline.ingest import JSONL_EXT, WARC_SUFFIXES, Item, _limited, _read_bytes, list_files, read_file
from storyline.ingest.decode import MAX_BYTES, plain_utf8
from storyline.ingest.feeds import read_feed
from storyline.ingest.jsonl import line_pieces, read_line_bytes

BLOCK = 64 * 1024  # bytes of input per unit: a dozen long articles, or some sixty short ones
ITEMS = 64  # items made already (feeds, WARC records) per piece


@dataclass(frozen=True)
class Piece:
    """One file's bytes (``name`` and ``suffix`` choose the format as ``read_file`` does), or a
    line-aligned piece of a UTF-8 JSON Lines file (``first_line`` set), or items read already."""

    where: str
    name: str = ""
    suffix: str = ""
    data: bytes = b""
    first_line: int | None = None
    items: tuple[Item, ...] = ()

    @property
    def size(self) -> int:
        return len(self.data) + sum(len(getattr(i, "text", "")) for i in self.items)


Unit = tuple[Piece, ...]


def plan(paths: Iterable[str | Path], *, published: dt.date | None = None, source: str | None = None,
         block: int = BLOCK) -> Iterator[Unit]:
    """The inputs in ``paths`` as units of about ``block`` bytes, in input order."""
    unit: list[Piece] = []
    size = 0
    for piece in _pieces(paths, published=published, source=source, block=block):
        if unit and size + piece.size > block:
            yield tuple(unit)
            unit, size = [], 0
        unit.append(piece)
        size += piece.size
    if unit:
        yield tuple(unit)


def read_unit(unit: Unit, *, published: dt.date | None = None, source: str | None = None,
              max_chars: int | None = None) -> Iterator[Item]:
    """The items of ``unit``, as ``read_paths`` gives them (over-long texts refused)."""
    yield from _limited((item for piece in unit for item in _read_piece(piece, published, source)), max_chars)


def _read_piece(piece: Piece, published, source) -> Iterator[Item]:
    if piece.items:
        yield from piece.items
    elif piece.first_line is not None:
        yield from read_line_bytes(piece.data, piece.where, first_line=piece.first_line, published=published,
                                   source=source)
    else:
        yield from _read_bytes(piece.data, piece.where, piece.name, published=published, source=source,
                               suffix=piece.suffix)


def _pieces(paths, *, published, source, block: int) -> Iterator[Piece]:
    for p in paths:
        p = str(p)
        if p == "-":
            yield Piece("<stdin>", "stdin", "", sys.stdin.buffer.read())
        elif p.startswith(("http://", "https://")):
            yield from _grouped(p, read_feed(p, p, published=published, source=source))
        else:
            for f in list_files(p):
                if isinstance(f, InputError):
                    yield Piece(f.where, items=(f,))
                else:
                    yield from _file_pieces(f, published, source, block)


def _grouped(where: str, items: Iterable[Item]) -> Iterator[Piece]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= ITEMS:
            yield Piece(where, items=tuple(batch))
            batch = []
    if batch:
        yield Piece(where, items=tuple(batch))


def _file_pieces(path: Path, published, source, block: int) -> Iterator[Piece]:
    where = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size > MAX_BYTES and suffix in JSONL_EXT:  # any size: cut as it is read, never held whole
        yield from _streamed_pieces(path, where, suffix, block)
        return
    try:
        whole = 0 < size <= MAX_BYTES and not path.name.lower().endswith(WARC_SUFFIXES)
        data = path.read_bytes() if whole else None
    except OSError:
        data = None
    if data is None:  # a WARC file (streamed), or what read_file says of it: missing, empty, too large...
        yield from _grouped(where, read_file(path, published=published, source=source))
        return
    if suffix in JSONL_EXT and len(data) > block and _cuttable(data):
        yield from _jsonl_pieces(where, path.name, suffix, data, block)
    else:
        yield Piece(where, path.name, suffix, data)


def _streamed_pieces(path: Path, where: str, suffix: str, block: int) -> Iterator[Piece]:
    try:
        f = open(path, "rb")
    except OSError:  # what read_file says of it
        yield from _grouped(where, read_file(path))
        return
    with f:
        try:
            for piece in line_pieces(f, where, block=block, max_line=MAX_BYTES):
                yield (Piece(where, items=(piece,)) if isinstance(piece, InputError)
                       else Piece(where, path.name, suffix, piece[1], first_line=piece[0]))
        except OSError as e:
            yield Piece(where, items=(InputError(where, f"cannot read: {e.strerror or e}"),))


def _cuttable(data: bytes) -> bool:
    """True when reading ``data`` whole would take it as JSON Lines in plain UTF-8, cut at "\n"."""
    return data[:4] != b"WARC" and b"\n" in data and bool(data.strip()) and plain_utf8(data) is not None


def _jsonl_pieces(where: str, name: str, suffix: str, data: bytes, block: int) -> Iterator[Piece]:
    start, line = 0, 1
    while start < len(data):
        cut = data.find(b"\n", min(start + block, len(data)) - 1)
        end = len(data) if cut < 0 else cut + 1
        chunk = data[start:end]
        yield Piece(where, name, suffix, chunk, first_line=line)
        line += chunk.count(b"\n")
        start = end
