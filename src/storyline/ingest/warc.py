"""WARC archives (CC-NEWS style): every HTML response record becomes an article."""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from storyline.errors import InputError
from storyline.ingest.decode import decode_bytes
from storyline.ingest.html import read_html
from storyline.records import Article


def read_warc(stream: BinaryIO, where: str, *, published=None, source=None) -> Iterator[Article | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in ctype.lower():
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            at = f"{where} [{uri}]"
            try:
                html = decode_bytes(record.content_stream().read(), at)
                yield read_html(html, at, uri or at, published=published, source=source, url=uri)
            except InputError as e:
                yield e
    except ArchiveLoadFailed as e:
        yield InputError(where, f"not a readable WARC archive ({e})")
