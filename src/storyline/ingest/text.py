"""Plain text: whitespace normalised, split into articles at headline lines, separators, form feeds.

A new article starts at
- a headline line: a short line with no final punctuation standing alone between paragraphs
  (followed by a paragraph; it becomes the title and is not part of the text),
- a separator line: three or more of ``-``, ``=``, ``*`` or ``#``,
- a form feed.
A line that looks like a headline but is not followed by a paragraph (the end of the file,
another headline-like line) is ordinary text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SEPARATOR = re.compile(r"^\s*[-=*#](?:\s*[-=*#]){2,}\s*$")
FINAL_PUNCT = tuple(".!?:;,…\"'”’)]»–—-")
MAX_HEADLINE_WORDS = 25
MAX_HEADLINE_CHARS = 200
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]+")  # C0 controls but tab and line breaks, DEL
_NOT_HEADLINES = re.compile(r"^(by|photo|image|advertisement|related|read more|source|updated|published)\b",
                            re.IGNORECASE)


@dataclass(frozen=True)
class RawArticle:
    title: str | None
    text: str


def normalize_whitespace(text: str) -> str:
    """CRLF/CR/VT → LF, control characters (NUL, ESC, BEL...) dropped, runs of spaces and tabs →
    one space, lines stripped, at most one blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n")
    text = _CONTROLS.sub("", text)
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln == "" and (not out or out[-1] == ""):
            continue
        out.append(ln)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


def is_headline_shaped(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= MAX_HEADLINE_WORDS
        and len(line) <= MAX_HEADLINE_CHARS
        and not line.endswith(FINAL_PUNCT)
        and not SEPARATOR.match(line)
        and not _NOT_HEADLINES.match(line)
        and any(ch.isalpha() for ch in line)
    )


def split_articles(raw: str) -> list[RawArticle]:
    """Split one file's text into articles (whitespace normalised first)."""
    articles: list[RawArticle] = []
    for chunk in raw.split("\f"):
        articles.extend(_split_chunk(normalize_whitespace(chunk)))
    return articles


def _split_chunk(text: str) -> list[RawArticle]:
    lines = text.split("\n")
    # paragraph lines only (blank lines separate, they are not paragraphs)
    idx = [i for i, ln in enumerate(lines) if ln]
    shaped = {i for i in idx if is_headline_shaped(lines[i])}
    headline: set[int] = set()
    for pos, i in enumerate(idx):
        nxt = idx[pos + 1] if pos + 1 < len(idx) else None
        if i in shaped and nxt is not None and nxt not in shaped and not SEPARATOR.match(lines[nxt]):
            headline.add(i)

    articles: list[RawArticle] = []
    title: str | None = None
    body: list[str] = []

    def flush() -> None:
        nonlocal title, body
        text = "\n".join(body).strip("\n")
        text = re.sub(r"\n{3,}", "\n\n", text)
        if text:
            articles.append(RawArticle(title=title, text=text))
        title, body = None, []

    for i, ln in enumerate(lines):
        if SEPARATOR.match(ln):
            flush()
        elif i in headline:
            flush()
            title = ln
        else:
            body.append(ln)
    flush()
    return articles
