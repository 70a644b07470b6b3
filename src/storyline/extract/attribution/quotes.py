"""Quotation marks → quote groups (character spans, marks included).

Straight ("), curly (“ ”) and doubled-apostrophe ('') marks. A quote left open at the end of a
paragraph continues when the next paragraph opens with a quotation mark (the newspaper
convention for quotes over several paragraphs); the parts become one group.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"''|``|[\"“”„«»]|\n")
_OPEN_AT_PARA = re.compile(r"[\s\u00a0]*(?:''|``|[\"“„«])")
_INNER_END = re.compile(r"[.,!?…;:—–-]\s*$")
_WORD = re.compile(r"[\w’']+")

OPENERS = frozenset("“„«`")
CLOSERS = frozenset("”»")


@dataclass(frozen=True)
class Quote:
    parts: tuple[tuple[int, int], ...]  # marks included, one part per paragraph

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def find_quotes(text: str) -> list[Quote]:
    """Outermost quotations in ``text``, in order."""
    out: list[Quote] = []
    stack: list[tuple[str, int]] = []  # (kind, position of the opening mark)
    parts: list[tuple[int, int]] = []  # finished paragraphs of a quote running over several
    for m in _MARK.finditer(text):
        mark, pos = m.group(), m.start()
        if mark == "\n":
            if not stack:
                continue
            para_end = pos
            while para_end > stack[0][1] and text[para_end - 1].isspace():
                para_end -= 1
            parts.append((stack[0][1], para_end))
            stack.clear()
            if not _OPEN_AT_PARA.match(text, pos + 1):  # not continued: close it here
                out.append(Quote(tuple(parts)))
                parts = []
            continue
        if mark in ('"', "''"):
            kind = "straight" if mark == '"' else "double"
            idx = _last(stack, kind)
            if idx is None and stack and _closes(text, pos, len(mark)):
                idx = len(stack) - 1  # “… closed with a straight mark"
            if idx is None:
                if mark == "''" and not _opens(text, pos, 2):
                    continue
                stack.append((kind, pos))
                continue
        elif mark == "``":
            stack.append(("double", pos))
            continue
        elif mark in OPENERS:
            # a “ used as a closing mark: glued to the word before it, space after
            if mark == "“" and _last(stack, "curly") is not None and pos and not text[pos - 1].isspace() \
                    and (pos + 1 >= len(text) or text[pos + 1].isspace() or text[pos + 1] in ".,;:"):
                idx = _last(stack, "curly")
            else:
                stack.append(("curly", pos))
                continue
        else:
            idx = _last(stack, "curly")
            if idx is None and not stack and _opens(text, pos, 1) and (pos == 0 or text[pos - 1] == "\n"):
                stack.append(("curly", pos))  # ”… used as the opening mark of a paragraph
                continue
            if idx is None and stack:
                idx = len(stack) - 1  # "… closed with a curly mark”
            if idx is None:
                continue
        start = stack[idx][1]
        del stack[idx:]
        if not stack:
            parts.append((start, pos + len(mark)))
            out.append(Quote(tuple(parts)))
            parts = []
    if stack:
        parts.append((stack[0][1], len(text.rstrip())))
    if parts:
        out.append(Quote(tuple(parts)))
    return out


def _last(stack: list[tuple[str, int]], kind: str) -> int | None:
    for i in range(len(stack) - 1, -1, -1):
        if stack[i][0] == kind:
            return i
    return None


def _closes(text: str, pos: int, n: int) -> bool:
    """A mark glued to the word or punctuation before it, with space or punctuation after."""
    before = text[pos - 1] if pos else " "
    after = text[pos + n] if pos + n < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)—–-")


def _opens(text: str, pos: int, n: int) -> bool:
    """A doubled apostrophe opens a quote when a word follows and no word precedes it."""
    before = text[pos - 1] if pos else " "
    after = text[pos + n] if pos + n < len(text) else " "
    return not before.isalnum() and (after.isalnum() or after in "$(")


def inner_text(text: str, quote: Quote) -> str:
    return " ".join(text[a:b] for a, b in quote.parts).strip("\"“”„«»'` \n")


def is_statement(text: str, quote: Quote) -> bool:
    """A quotation that can stand as a statement: a sentence or a clause, not a title or a scare quote."""
    inner = inner_text(text, quote)
    words = _WORD.findall(inner)
    if len(quote.parts) > 1:
        return True
    caps = sum(1 for w in words if w[0].isupper())
    if len(words) <= 8 and caps >= 0.7 * len(words) and len(words) > 1:
        return False  # "Sunday Morning Futures," — a title
    raw = text[quote.parts[0][0]:quote.parts[0][1]].rstrip("\"”»'` ")
    if _INNER_END.search(raw) and len(words) >= 1:
        return True
    if len(words) < 6:
        return False
    # Title Case runs ("Make America Great Again") are names, not speech
    caps = sum(1 for w in words if w[0].isupper())
    return caps < 0.7 * len(words)
