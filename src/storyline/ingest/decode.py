"""Bytes → text: byte-order marks, UTF-8, then charset detection; binary and huge files refused."""
from __future__ import annotations

import codecs

from storyline.errors import InputError

MAX_BYTES = 50 * 1024 * 1024  # one input file; larger files are refused, not half-read

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, where: str) -> str:
    """Decode a file's bytes, or raise InputError naming ``where`` and the reason."""
    if len(data) > MAX_BYTES:
        raise InputError(where, f"file too large ({len(data) // 1_048_576} MB; the limit is "
                                f"{MAX_BYTES // 1_048_576} MB): split it into smaller files")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as e:
                raise InputError(where, f"not valid {enc}: {e.reason} at byte {e.start}") from e
    if _looks_utf16_without_bom(data):
        enc = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192] or _control_ratio(data[:8192]) > 0.1:
        raise InputError(where, "binary file, not text (skipped)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(where, "could not detect the text encoding (save it as UTF-8)")
    return str(best)


def _looks_utf16_without_bom(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) / 2
    return max(zeros_even, zeros_odd) > 0.4 * half and min(zeros_even, zeros_odd) < 0.05 * half


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(sample)
