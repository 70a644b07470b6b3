"""Pages from the Jinja2 templates in ``web/templates/`` (one per page, ``layout.html`` around
them), autoescaping on: every value is escaped unless it is marked safe, and the only markup
marked safe is the highlighted article text, which ``highlight.highlight_html`` escapes itself."""
from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import quote

from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from storyline.web.highlight import highlight_html


def q(value: Any) -> str:
    """A value for a URL path segment or query: ids like 'seed.txt#2' must not end the URL."""
    return quote(str(value), safe="")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("storyline.web", "templates"), autoescape=True)
    env.filters["q"] = q
    env.globals["highlight"] = lambda rec: Markup(highlight_html(rec))
    return env


def render(template: str, status: int = 200, headers: dict[str, str] | None = None, **context: Any) -> HTMLResponse:
    html = environment().get_template(template).render(**context)
    return HTMLResponse(html, status_code=status, headers=headers)
