"""WARC archives (CC-NEWS style): every HTML response record becomes an article.

A damaged or truncated archive is read as far as it goes: the records before the damage come
through, then one InputError says where reading stopped. An archive with no HTML response in
it is refused with that reason.
"""
from __future__ import annotations

from collections.abc import Iterator
import zlib
from typing import BinaryIO

from storyline.errors import InputError
from storyline.ingest.decode import decode_bytes
from storyline.ingest.html import read_html
from storyline.records import Article

# a cut or corrupt stream raises whatever warcio's parser meets (zlib.error, EOFError, ValueError,
# AttributeError on a record without a target URI...): each is damage, reported as such
_DAMAGE = Exception


def read_warc(stream: BinaryIO, where: str, *, published=None, source=None) -> Iterator[Article | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = html_records = 0
    end = 0  # where the last whole record ends
    try:
        archive = ArchiveIterator(stream)
        for record in archive:
            if record.rec_headers.get_header("Content-Length") is None:  # a header block cut short
                yield InputError(where, f"truncated WARC archive: the header of record {records + 1} is "
                                        f"incomplete; reading stopped after {records} record(s)")
                return
            records += 1
            html = _html_of(record)
            if html is not None:
                html_records += 1
                uri = record.rec_headers.get_header("WARC-Target-URI")
                missing = getattr(record.raw_stream, "limit", 0)  # promised by Content-Length, never came
                if missing > 0:
                    yield InputError(where, f"truncated WARC archive: record {records} [{uri}] ends "
                                            f"{missing} byte(s) short of its Content-Length; reading stopped there")
                    return
                at = f"{where} [{uri}]"
                try:
                    yield read_html(decode_bytes(html, at), at, uri or at, published=published,
                                    source=source, url=uri)
                except InputError as e:
                    yield e
            archive.read_to_end(record)
            end = archive.get_record_offset() + archive.get_record_length()
    except ArchiveLoadFailed as e:
        yield InputError(where, f"not a readable WARC archive ({e})")
        return
    except _DAMAGE as e:
        yield InputError(where, f"damaged or truncated WARC archive: reading stopped after {records} "
                                f"record(s) ({type(e).__name__}: {e})")
        return
    cut = _gzip_cut_at(stream)
    rest = _left_after(stream, end) if cut is None and records else 0
    if cut is not None:
        yield InputError(where, f"truncated WARC archive: the compressed stream ends inside the "
                                f"gzip member at byte {cut}; {records} record(s) read before it")
    elif rest:
        yield InputError(where, f"truncated WARC archive: {rest} byte(s) after record {records} are "
                                f"not a whole record; reading stopped there")
    elif records == 0:
        yield InputError(where, "not a readable WARC archive (no records in it)")
    elif html_records == 0:
        yield InputError(where, f"no HTML response among the archive's {records} record(s)")


def _html_of(record) -> bytes | None:
    """The payload of an HTML response record, else None."""
    if record.rec_type != "response" or not record.http_headers:
        return None
    if "html" not in (record.http_headers.get_header("Content-Type") or "").lower():
        return None
    return record.content_stream().read()


def _left_after(stream: BinaryIO, end: int) -> int:
    """Bytes after ``end`` other than the blank lines between records (0 if the stream cannot seek)."""
    try:
        stream.seek(end)
        return len(stream.read().strip())
    except (OSError, ValueError, AttributeError):
        return 0


def _gzip_cut_at(stream: BinaryIO, chunk: int = 1 << 20) -> int | None:
    """Where the last gzip member of a .warc.gz starts when the file ends inside it (warcio
    stops without a word at such a cut, losing that record), else None. Reads the stream again
    from the start; a stream that cannot seek, or that is not gzip, is not checked."""
    try:
        stream.seek(0)
        if stream.read(2) != b"\x1f\x8b":
            return None
        stream.seek(0)
    except (OSError, ValueError, AttributeError):
        return None
    offset = start = 0
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    pending = b""
    while True:
        data = pending or stream.read(chunk)
        pending = b""
        if not data:
            return None if inflate.eof or offset == start else start
        try:
            inflate.decompress(data)
        except zlib.error:
            return start  # damage, not a clean cut: reported at the member it is in
        if inflate.eof:  # a member ended: the rest of this chunk opens the next one
            rest = inflate.unused_data
            offset += len(data) - len(rest)
            start = offset
            inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
            pending = rest
        else:
            offset += len(data)
