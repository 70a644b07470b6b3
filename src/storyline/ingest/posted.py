"""Articles handed over in a request body (``POST /api/articles``, the add page) → Article.

Stricter than a file: a body is refused whole, naming the field, rather than read in part, so
the sender learns what to fix and nothing of a bad request is stored.

- JSON: one article object or a list of them; ``id`` and ``text`` are required non-empty
  strings; ``title``, ``published`` (a date), ``source``, ``url`` are optional strings.
- HTML: the page's main text with trafilatura (``ingest.html.read_html``), its URL required.
- Plain text (the add page): one article.
"""
from __future__ import annotations

import json
import re

from storyline.errors import InputError
from storyline.ingest.dates import parse_published
from storyline.ingest.decode import decode_bytes
from storyline.ingest.html import read_html
from storyline.ingest.jsonl import _loads
from storyline.ingest.limits import refuse_oversized
from storyline.records import Article

FIELDS = ("id", "text", "title", "published", "source", "url")
MAX_ARTICLES = 1000  # one request
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")  # NUL (PostgreSQL) and unpaired surrogates


class FieldError(InputError):
    """A request body refused because of one field (``where`` names it: ``text``,
    ``[2].published``, ``body``)."""

    def __init__(self, field: str, reason: str):
        super().__init__(field, reason)
        self.field = field


def articles_from_json(data: bytes) -> list[Article]:
    """The article(s) of a JSON body, or a ``FieldError`` naming what is wrong."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise FieldError("body", f"not UTF-8 (byte {e.start})") from None
    try:
        obj = _loads(text)
    except json.JSONDecodeError as e:
        raise FieldError("body", f"malformed JSON ({e.msg} at line {e.lineno} column {e.colno})") from None
    if isinstance(obj, list):
        if not obj:
            raise FieldError("body", "an empty list: send one article or a list of them")
        if len(obj) > MAX_ARTICLES:
            raise FieldError("body", f"{len(obj)} articles in one request; at most {MAX_ARTICLES}")
        return [_article(x, f"[{i}].") for i, x in enumerate(obj)]
    return [_article(obj, "")]


def _article(obj, at: str) -> Article:
    if not isinstance(obj, dict):
        raise FieldError(at.rstrip(".") or "body", "an article must be a JSON object with 'id' and 'text'")
    unknown = sorted(set(obj) - set(FIELDS))
    if unknown:
        raise FieldError(f"{at}{unknown[0]}", f"unknown field (an article has {', '.join(FIELDS)})")
    for k in ("id", "text"):
        v = obj.get(k)
        if v is None:
            raise FieldError(f"{at}{k}", "missing (required)")
        if not isinstance(v, str) or not v.strip():
            raise FieldError(f"{at}{k}", "must be a non-empty string")
    for k in ("title", "published", "source", "url"):
        if obj.get(k) is not None and not isinstance(obj[k], str):
            raise FieldError(f"{at}{k}", "must be a string or null")
    for k in FIELDS:
        if isinstance(obj.get(k), str) and _UNSTORABLE.search(obj[k]):
            raise FieldError(f"{at}{k}", "holds NUL characters or unpaired surrogates, which cannot be stored")
    published = None
    if obj.get("published"):
        try:
            published = parse_published(obj["published"])
        except ValueError as e:
            raise FieldError(f"{at}published", str(e)) from None
    article = Article(id=obj["id"], text=obj["text"], title=(obj.get("title") or "").strip() or None,
                      published=published, source=obj.get("source") or None, url=obj.get("url") or None)
    return _checked(article, f"{at}text")


def article_from_html(data: bytes | str, url: str, article_id: str | None = None, *,
                      published: str | None = None, source: str | None = None) -> Article:
    """The main text of an HTML page (its URL required: it is the article's ``url`` and, by
    default, its id)."""
    if not url or not url.strip():
        raise FieldError("url", "missing (required with an HTML body: the page's address)")
    try:
        html = data if isinstance(data, str) else decode_bytes(data, "body")
    except InputError as e:
        raise FieldError("body", e.reason) from None
    pub = _date(published)
    try:
        article = read_html(html, "body", article_id or url, published=pub, source=source, url=url)
    except InputError as e:
        raise FieldError("body", e.reason) from None
    return _checked(Article(id=article.id, text=article.text, title=article.title, published=article.published,
                            source=article.source, url=article.url), "body")


def article_from_text(text: str, article_id: str | None = None, *, title: str | None = None,
                      published: str | None = None, source: str | None = None, url: str | None = None) -> Article:
    """One article of plain text (the add page); its id defaults to ``post-`` and the start of
    its content hash."""
    if not text or not text.strip():
        raise FieldError("text", "missing (paste the article's text)")
    text = text.replace("\r\n", "\n")
    if _UNSTORABLE.search(text):
        raise FieldError("text", "holds NUL characters or unpaired surrogates, which cannot be stored")
    a = Article(id="pending", text=text, title=(title or "").strip() or None, published=_date(published),
                source=(source or "").strip() or None, url=(url or "").strip() or None)
    aid = (article_id or "").strip() or f"post-{a.content_hash[:16]}"
    return _checked(Article(id=aid, text=a.text, title=a.title, published=a.published, source=a.source,
                            url=a.url), "text")


def _date(value: str | None):
    if not value or not value.strip():
        return None
    try:
        return parse_published(value)
    except ValueError as e:
        raise FieldError("published", str(e)) from None


def _checked(article: Article, field: str) -> Article:
    refused = refuse_oversized(article)
    if refused is not None:
        raise FieldError(field, refused.reason)
    return article
