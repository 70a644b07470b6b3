"""WARC archives (CC-NEWS style): every HTML response record becomes an article.

A damaged or truncated archive is read as far as it goes: the records before the damage come
through, then one InputError says where reading stopped. An archive with no HTML response in
it is refused with that reason.
"""
from __future__ import annotations

from collections.abc import Iterator
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
    try:
        for record in ArchiveIterator(stream):
            records += 1
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in ctype.lower():
                continue
            html_records += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            at = f"{where} [{uri}]"
            try:
                html = decode_bytes(record.content_stream().read(), at)
                yield read_html(html, at, uri or at, published=published, source=source, url=uri)
            except InputError as e:
                yield e
    except ArchiveLoadFailed as e:
        yield InputError(where, f"not a readable WARC archive ({e})")
        return
    except _DAMAGE as e:
        yield InputError(where, f"damaged or truncated WARC archive: reading stopped after {records} "
                                f"record(s) ({type(e).__name__}: {e})")
        return
    if records == 0:
        yield InputError(where, "not a readable WARC archive (no records in it)")
    elif html_records == 0:
        yield InputError(where, f"no HTML response among the archive's {records} record(s)")
