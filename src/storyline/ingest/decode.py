"""Bytes → text: byte-order marks, UTF-8, Windows-1252, then charset detection; binary refused.

- A byte-order mark decides (UTF-8, UTF-16 and UTF-32, either byte order); UTF-16 without a
  mark is recognised by its zero bytes.
- Known binary formats (images, archives, PDF, executables, compressed streams) are refused
  by their signature, whatever the file is called.
- UTF-8 is tried strictly; text that is clearly UTF-8 but damaged in a few places (a cut
  multi-byte character, a stray byte) is kept, the bad bytes read as U+FFFD.
- Other 8-bit text is read as Windows-1252 (the legacy default of Western news sites, a
  superset of Latin-1's printable range) when that gives Latin letters and punctuation only,
  else charset_normalizer chooses (Cyrillic, Greek, Central European code pages...).
- Decoded text that is still more than 10% control characters is binary, and refused.
Control characters inside readable text are kept here; plain-text normalisation drops them.
"""
from __future__ import annotations

import codecs
import unicodedata

from storyline.errors import InputError

MAX_BYTES = 50 * 1024 * 1024  # one input file; larger files are refused, not half-read
MAX_CONTROL_RATIO = 0.10

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip-compressed: decompress it first"), (b"BZh", "bzip2-compressed: decompress it first"),
    (b"\xfd7zXZ\x00", "xz-compressed: decompress it first"), (b"(\xb5/\xfd", "zstd-compressed: decompress it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"\x7fELF", "an executable"), (b"MZ\x90\x00", "an executable"),
    (b"SQLite format 3\x00", "a SQLite database"), (b"RIFF", "a media file"), (b"OggS", "a media file"),
    (b"ID3", "an MP3 file"), (b"\x00\x00\x00\x18ftyp", "a video file"), (b"\x00\x00\x00\x20ftyp", "a video file"),
)
# what Windows-1252 text of a Western language holds beyond ASCII, besides letters
_WESTERN_PUNCT = frozenset("“”‘’‚„–—…•€™«»‹›°£¥¢©®§¶·×÷¡¿\u00a0\u00ad´¨¸ªº†‡‰ˆ˜")


def decode_bytes(data: bytes, where: str) -> str:
    """Decode a file's bytes, or raise InputError naming ``where`` and the reason."""
    if len(data) > MAX_BYTES:
        raise InputError(where, f"file too large ({len(data) // 1_048_576} MB; the limit is "
                                f"{MAX_BYTES // 1_048_576} MB): split it into smaller files")
    text = _decode(data, where)
    if control_ratio(text[:65536]) > MAX_CONTROL_RATIO:
        raise InputError(where, "binary file, not text (skipped)")
    return text


def _decode(data: bytes, where: str) -> str:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as e:
                raise InputError(where, f"not valid {enc}: {e.reason} at byte {e.start}") from e
    for sig, what in _SIGNATURES:
        if data.startswith(sig):
            raise InputError(where, f"binary file, not text ({what}; skipped)")
    if _looks_utf16_without_bom(data):
        enc = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace")
    text = _western(data)
    if text is not None:
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(where, "binary file, not text, or an unknown encoding (save it as UTF-8)")
    return str(best)


def plain_utf8(data: bytes) -> str | None:
    """``data`` as text when ``decode_bytes`` would read it as plain strict UTF-8 (no byte-order
    mark, no binary signature, not UTF-16, not refused as binary), else None: then any part of
    it cut after a newline decodes to the same text on its own (reading a file in pieces)."""
    if any(data.startswith(bom) for bom, _ in _BOMS) or any(data.startswith(s) for s, _ in _SIGNATURES):
        return None
    if _looks_utf16_without_bom(data):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if control_ratio(text[:65536]) <= MAX_CONTROL_RATIO else None


def control_ratio(text: str) -> float:
    """The share of control and unassigned characters other than tabs and line breaks."""
    if not text:
        return 0.0
    bad = sum(1 for ch in text if ch not in "\t\n\r\f\v" and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")
              and ch != "\ufffd")
    return bad / len(text)


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few bad bytes: several valid multi-byte characters, few replacements."""
    sample = data[:1_048_576]
    text = sample.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return good >= 3 and bad <= max(2, good // 20) and bad * 1000 <= len(text) + 1000


def _western(data: bytes) -> str | None:
    """``data`` as Windows-1252 when that gives a Western text: accented Latin letters and
    typographic punctuation, a minority of the letters. None otherwise."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = non_ascii = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
        if ord(ch) > 127:
            if not (ch.isalpha() and ord(ch) < 0x250) and ch not in _WESTERN_PUNCT:
                return None
            non_ascii += ch.isalpha()
    return text if letters and non_ascii <= 0.3 * letters else None


def _looks_utf16_without_bom(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) / 2
    return max(zeros_even, zeros_odd) > 0.4 * half and min(zeros_even, zeros_odd) < 0.05 * half
