"""The hard limit on one article's text, above which it is refused rather than parsed.

Texts up to the limit are parsed in pieces (storyline.annotate.chunks), so the limit bounds run
time, not memory: about 20 minutes of parsing for 20 million characters on one core. Set it
with ``max_chars=`` on ``read_paths`` / ``storyline.pipeline.extract`` or, for every run, with
the ``STORYLINE_MAX_TEXT_CHARS`` environment variable.
"""
from __future__ import annotations

import os

from storyline.errors import InputError
from storyline.records import Article

MAX_TEXT_CHARS = 20_000_000
ENV_VAR = "STORYLINE_MAX_TEXT_CHARS"


def max_text_chars(value: int | None = None) -> int:
    """The limit in force: ``value`` if given, else the environment variable, else the default."""
    if value is not None:
        return value
    raw = os.environ.get(ENV_VAR, "").strip().replace("_", "")
    if not raw:
        return MAX_TEXT_CHARS
    try:
        limit = int(raw)
    except ValueError:
        raise InputError(ENV_VAR, f"{raw!r} is not a whole number of characters") from None
    if limit <= 0:
        raise InputError(ENV_VAR, "the limit must be a positive number of characters")
    return limit


def refuse_oversized(article: Article, max_chars: int | None = None) -> InputError | None:
    """The refusal of an article whose text is over the limit, or None when it may be parsed."""
    limit = max_text_chars(max_chars)
    n = len(article.text)
    if n <= limit:
        return None
    where = f"{article.path} [{article.id}]" if article.path else article.id
    return InputError(where, f"text too long ({n:,} characters; the limit is {limit:,}, "
                             f"set by {ENV_VAR}): split it into smaller articles")
