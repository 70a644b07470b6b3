"""Long texts cut into paragraph-aligned pieces that spaCy can parse in bounded memory.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and needs about 1 GB per
100,000 characters for the parser; news texts longer than ``CHUNK_CHARS`` (transcripts, live
blogs, court rulings) are parsed piece by piece and their records stitched back
(storyline.annotate.stitch). A piece ends after a blank line if one lies in its last three
quarters, else after a line break, else after a sentence end, else after a space; a single
run with none of these is cut hard. The pieces cover the text exactly, in order.
"""
from __future__ import annotations

import re

from storyline.records import Span

CHUNK_CHARS = 100_000

# strongest boundary first; each match ends where the next piece starts
_BOUNDARIES = (
    re.compile(r"\n[^\S\n]*\n\s*"),          # a blank line (and the whitespace after it)
    re.compile(r"\n\s*"),                     # a line break
    re.compile(r"[.!?…][\"'”’)\]»]*\s+"),     # a sentence end
    re.compile(r"\s+"),                       # any space
)


def chunk_spans(text: str, size: int = CHUNK_CHARS) -> list[Span]:
    """(start, end) pieces of at most ``size`` characters covering ``text``; one piece when it fits."""
    if size < 4:
        raise ValueError("chunk size must be at least 4 characters")
    spans: list[Span] = []
    start, n = 0, len(text)
    while n - start > size:
        end = _cut(text, start, start + size, start + size // 4)
        spans.append((start, end))
        start = end
    if start < n or not spans:
        spans.append((start, n))
    return spans


def _cut(text: str, start: int, limit: int, lowest: int) -> int:
    """Where the piece starting at ``start`` ends: the last boundary ending in (lowest, limit]."""
    window = text[lowest:limit]
    for pattern in _BOUNDARIES:
        last = None
        for m in pattern.finditer(window):
            if m.end() > 0:
                last = m
        if last is not None:
            return lowest + last.end()
    return limit
