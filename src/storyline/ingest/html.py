"""HTML pages: main text, title, date and author with trafilatura."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from storyline.errors import InputError
from storyline.ingest.dates import parse_published
from storyline.ingest.text import normalize_whitespace
from storyline.records import Article

MIN_WORDS = 5  # trafilatura falls back to menus and footers; fewer words than this is no article

_COUNTING: ContextVar[bool] = ContextVar("counting_only", default=False)


@contextmanager
def counting_only() -> Iterator[None]:
    """Within it (in this thread), a page is taken as one article without extracting its text:
    what counting the articles of an input for a progress bar needs, at a fraction of the cost."""
    token = _COUNTING.set(True)
    try:
        yield
    finally:
        _COUNTING.reset(token)


def read_html(html: str, where: str, article_id: str, *, published=None, source=None,
              url: str | None = None) -> Article:
    if _COUNTING.get():
        return Article(id=article_id, text=html, path=where, url=url)
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < MIN_WORDS:
        raise InputError(where, "no main text found in the HTML page")
    title = getattr(doc, "title", None) or None
    text = normalize_whitespace(text)
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1:]  # the page's h1 repeats the title: keep it as title only
    pub = published
    if getattr(doc, "date", None):
        try:
            pub = parse_published(doc.date) or published
        except ValueError:
            pass
    return Article(
        id=article_id, text=text, title=title,
        published=pub, source=source or getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        url=url or getattr(doc, "url", None), path=where,
    )
