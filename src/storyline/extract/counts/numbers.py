"""Numbers as news writes them: their value ("1.5 million", "twenty-five", "2,000") and the
qualifier before them ("more than", "about", "up to").
"""
from __future__ import annotations

import math
import re

from spacy.tokens import Doc, Token

from storyline.extract.counts.words import NUMBER_WORDS, QUALIFIERS, QUAL_KEYS, SCALES


MAX_VALUE = 1e15  # a larger figure ("9" × 400) is no count of people or things: not a count
DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def parse_number(words: list[str]) -> float | None:
    """The value of a number written in digits and/or words ("1.5 million", "twenty-five",
    "2,000", "two hundred"), or None."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        w = w.lower().strip()
        if not w or w in ("and", "-"):
            continue
        if DIGITS.match(w):
            current += float(w.replace(",", ""))
            seen = True
        elif w == "dozen" and seen:  # "two dozen"
            current = (current or 1) * 12
        elif w in NUMBER_WORDS:
            current += NUMBER_WORDS[w]
            seen = True
        elif "-" in w and all(p in NUMBER_WORDS for p in w.split("-")):
            current += sum(NUMBER_WORDS[p] for p in w.split("-"))
            seen = True
        elif w in SCALES:
            if not seen:
                return None
            scale = SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0.0
        else:
            return None
    if not seen:
        return None
    value = total + current
    if not math.isfinite(value) or value > MAX_VALUE:
        return None
    return int(value) if value == int(value) else value


def is_num(tok: Token) -> bool:
    low = tok.lower_
    if low in SCALES and low not in ("m", "k"):
        return True
    if DIGITS.match(low) or low in NUMBER_WORDS:
        return True
    return "-" in low and all(p in NUMBER_WORDS for p in low.split("-"))


def qualifier_before(lows: list[str], start: int, sent_start: int,
                     doc: Doc | None = None) -> tuple[str, int]:
    """(qualifier, index of its first token) for the words right before ``start``."""
    for key, parts in QUAL_KEYS:
        a = start - len(parts)
        if a < sent_start:
            continue
        if tuple(lows[a:start]) == parts:
            if key == "some" and a > sent_start and lows[a - 1] in ("of", "for"):
                continue
            if len(parts) == 1 and key in PREPOSITION_QUALIFIERS and doc is not None and \
                    doc[a].dep_ == "prep":
                continue  # "learn more about 529 plans": a preposition, not "about 529"
            return QUALIFIERS[key], a
    return "exact", start


PREPOSITION_QUALIFIERS = {"about", "over", "under", "around", "above", "below"}
