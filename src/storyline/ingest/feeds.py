"""RSS and Atom feeds (local files or URLs) with feedparser; entry HTML reduced to text."""
from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

from storyline.errors import InputError
from storyline.ingest.dates import from_struct_time
from storyline.ingest.text import normalize_whitespace
from storyline.records import Article


def looks_like_feed(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf:rdf" in head) \
        or head.startswith("<rss") or head.startswith("<feed")


class _TextOnly(HTMLParser):
    """The character data of an HTML fragment; flat, so any depth of nesting is fine."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_to_text(fragment: str) -> str:
    """The text of an entry's HTML: lxml, else (odd or deeply nested markup, where libxml2
    stops at its depth limit) the standard library's flat parser."""
    import lxml.html

    try:
        text = lxml.html.fromstring(fragment).text_content()
    except Exception:  # lxml raises several types on odd fragments
        text = ""
    if text.strip():
        return text
    parser = _TextOnly()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts)


def read_feed(data: str | bytes, where: str, *, published=None, source=None) -> Iterator[Article | InputError]:
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield InputError(where, f"not a readable RSS/Atom feed ({feed.get('bozo_exception', 'parse error')})")
        return
    feed_title = feed.feed.get("title")
    for n, e in enumerate(feed.entries, 1):
        body = ""
        if e.get("content"):
            body = " ".join(c.get("value", "") for c in e.content)
        body = body or e.get("summary", "") or e.get("description", "")
        text = normalize_whitespace(_html_to_text(body)) if body else ""
        if not text:
            yield InputError(f"{where}#{n}", "feed entry has no text")
            continue
        pub = from_struct_time(e.get("published_parsed") or e.get("updated_parsed")) or published
        yield Article(
            id=e.get("id") or e.get("link") or f"{where}#{n}", text=text,
            title=normalize_whitespace(e.get("title", "")) or None, published=pub,
            source=source or feed_title, url=e.get("link"), path=where,
        )
