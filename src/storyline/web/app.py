"""The JSON API (OpenAPI at /docs) and the web pages, a thin shell over storyline.store.

    storyline serve --db storyline.db      # http://127.0.0.1:8000

Every error, from the API or a page, has one JSON shape: {"error": {"status": int, "message": str}}.
"""
from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException

from storyline.errors import StorylineError
from storyline.records import ATTRIBUTION_ACTS
from storyline.store import Store
from storyline.web.highlight import highlight_html

CSS = """
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1rem;color:#222}
a{color:#0b57d0;text-decoration:none} a:hover{text-decoration:underline}
table{border-collapse:collapse;width:100%;margin:.5rem 0} td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}
.versions{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1rem}
.version{border:1px solid #ddd;border-radius:6px;padding:.7rem;line-height:1.6}
.ent{border-bottom:2px solid #39c}.place{text-decoration:underline dotted #06c}.date{background:#fff3b0}
.content{background:#dff5df}.cue{font-weight:bold;color:#a15c00}.source{color:#8a2be2;font-weight:bold}
.count{color:#c00;font-weight:bold}.trigger{outline:1px solid #c60}
.legend span{margin-right:.8rem}.muted{color:#777}
"""
LEGEND = ('<p class="legend"><span class="ent">entity</span><span class="place">place</span>'
          '<span class="date">date</span><span class="content">statement</span><span class="cue">cue</span>'
          '<span class="source">source</span><span class="count">count</span><span class="trigger">event</span></p>')


ACT_CHOICES = (*ATTRIBUTION_ACTS, "all")
ACT_PATTERN = "^(" + "|".join(ACT_CHOICES) + ")$"


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "message": message}}


def create_app(db: str | Path) -> FastAPI:
    store = Store(db)
    app = FastAPI(title="storyline", version="0.1.0",
                  description="Stories, statements, events, counts, dates and places from news.")

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException):
        return JSONResponse(error_body(exc.status_code, str(exc.detail)), status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError):
        msg = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return JSONResponse(error_body(400, msg), status_code=400)

    @app.exception_handler(StorylineError)
    async def storyline_error(_: Request, exc: StorylineError):
        return JSONResponse(error_body(400, str(exc)), status_code=400)

    def need(value, what: str):
        if value is None:
            raise HTTPException(404, f"no {what}")
        return value

    # ---- JSON API ------------------------------------------------------------------------
    @app.get("/api/stories", summary="Stories, latest first")
    def api_stories(limit: int = Query(50, ge=1, le=1000)) -> list[dict[str, Any]]:
        return store.stories()[:limit]

    @app.get("/api/stories/{story_id}", summary="A merged story with its versions")
    def api_story(story_id: str) -> dict[str, Any]:
        rec = need(store.story(story_id), f"story {story_id!r}")
        return {"id": story_id, "merged": rec, "articles": list(store.articles(story=story_id))}

    @app.get("/api/articles/{article_id:path}", summary="One article's contract record")
    def api_article(article_id: str) -> dict[str, Any]:
        return need(store.article(article_id), f"article {article_id!r}")

    @app.get("/api/quotes", summary="Who said what (speech by default; ?act= for the rest)")
    def api_quotes(speaker: str | None = None, about: str | None = None,
                   act: str = Query("speech", pattern=ACT_PATTERN,
                                    description="speech, thought, perception, other, or all"),
                   limit: int = Query(100, ge=1, le=1000)) -> list[dict[str, Any]]:
        return store.quotes(speaker=speaker, about=about, limit=limit, act=act)

    @app.get("/api/events", summary="What happened (PLOVER events)")
    def api_events(type: str | None = None, actor: str | None = None,
                   limit: int = Query(100, ge=1, le=1000)) -> list[dict[str, Any]]:
        return store.events(type=type, actor=actor, limit=limit)

    @app.get("/api/errors", summary="What ingest refused or repaired, latest first")
    def api_errors(since: str | None = Query(None, description="UTC ISO 8601 time: only those seen since"),
                   outcome: str | None = Query(None, pattern="^(refused|kept)$"),
                   limit: int = Query(100, ge=1, le=10000)) -> list[dict[str, Any]]:
        return [r.to_dict() for r in store.input_errors(since=since, outcome=outcome, limit=limit)]

    @app.get("/api/search", summary="Full-text search")
    def api_search(q: str = Query(..., min_length=1), limit: int = Query(20, ge=1, le=200)) -> list[dict[str, Any]]:
        return store.search(q, limit=limit)

    # ---- pages ---------------------------------------------------------------------------
    def page(title: str, body: str) -> HTMLResponse:
        nav = ('<nav><a href="/">stories</a> · <a href="/quotes">who said what</a> · '
               '<a href="/timeline">timeline</a> · <form style="display:inline" action="/search">'
               '<input name="q" placeholder="search"></form></nav>')
        return HTMLResponse(f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{escape(title)} — "
                            f"storyline</title><style>{CSS}</style></head><body>{nav}<h1>{escape(title)}</h1>"
                            f"{body}</body></html>")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home():
        rows = "".join(
            f"<tr><td><a href='/story/{_q(s['id'])}'>{escape(s['title'] or '(untitled)')}</a></td>"
            f"<td>{s['articles']}</td><td>{escape(s['first_published'] or '')}</td>"
            f"<td>{escape(s['last_published'] or '')}</td></tr>" for s in store.stories())
        return page("Stories", f"<table><tr><th>story</th><th>versions</th><th>from</th><th>to</th></tr>{rows}</table>")

    @app.get("/story/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str):
        merged = need(store.story(story_id), f"story {story_id!r}")
        arts = list(store.articles(story=story_id))
        summary = merged.get("summary") or []
        items = "".join(f"<li>{escape(_sentence_text(s))}</li>" for s in summary)
        versions = "".join(
            f"<div class=version><h3><a href='/article/{_q(a['id'])}'>{escape(a.get('title') or a['id'])}</a></h3>"
            f"<p class=muted>{escape(a.get('source') or '')} {escape(a.get('published') or '')}</p>"
            f"{highlight_html(a)}{_facts_html(a)}</div>" for a in arts)
        return page(merged.get("title") or story_id,
                    f"<ul>{items}</ul>{LEGEND}<div class=versions>{versions}</div>")

    @app.get("/article/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str):
        a = need(store.article(article_id), f"article {article_id!r}")
        story = f"<p>story <a href='/story/{_q(a['story'])}'>{escape(a['story'])}</a></p>" if a.get("story") else ""
        return page(a.get("title") or a["id"], f"{story}{LEGEND}<div class=version>{highlight_html(a)}</div>"
                                               f"{_facts_html(a)}")

    @app.get("/entity", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(name: str = Query(..., min_length=1)):
        said = store.quotes(speaker=name, limit=200)
        about = store.quotes(about=name, limit=200)
        evs = store.events(actor=name, limit=200)
        return page(name, f"<h2>What {escape(name)} said</h2>{_quotes_html(said)}"
                          f"<h2>Statements about {escape(name)}</h2>{_quotes_html(about)}"
                          f"<h2>Events</h2>{_events_html(evs)}")

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(speaker: str | None = None, about: str | None = None,
                    act: str = Query("speech", pattern=ACT_PATTERN)):
        options = "".join(f"<option{' selected' if a == act else ''}>{a}</option>" for a in ACT_CHOICES)
        form = ("<form><input name=speaker placeholder='speaker'> <input name=about placeholder='about'> "
                f"<select name=act aria-label=act>{options}</select> <button>find</button></form>")
        return page("Who said what", form + _quotes_html(store.quotes(speaker=speaker, about=about, limit=500,
                                                                      act=act)))

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page():
        rows = sorted(store.stories(), key=lambda s: (s["first_published"] or "9999", s["id"]))
        body = "".join(f"<tr><td>{escape(s['first_published'] or 'undated')}</td><td>{escape(s['last_published'] or '')}"
                       f"</td><td><a href='/story/{_q(s['id'])}'>{escape(s['title'] or '(untitled)')}</a></td>"
                       f"<td>{s['articles']}</td></tr>" for s in rows)
        return page("Timeline", f"<table><tr><th>from</th><th>to</th><th>story</th><th>versions</th></tr>{body}</table>")

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = Query(..., min_length=1)):
        rows = "".join(f"<tr><td><a href='/article/{_q(r['id'])}'>{escape(r['title'] or r['id'])}</a></td>"
                       f"<td>{escape(r.get('snippet') or '')}</td></tr>" for r in store.search(q))
        return page(f"Search: {q}", f"<table>{rows}</table>")

    return app


def _q(value: str) -> str:
    """A value for a URL path segment or query: ids like 'seed.txt#2' must not end the URL."""
    return quote(value, safe="")


def _sentence_text(s: Any) -> str:
    if isinstance(s, dict):
        return s.get("text") or s.get("sentence") or str(s)
    return str(s)


def _quotes_html(rows: list[dict[str, Any]]) -> str:
    body = "".join(
        f"<tr><td><a href='/entity?name={_q(r['speaker'] or '')}'>{escape(r['speaker'] or '(unnamed)')}</a></td>"
        f"<td>{escape(r['cue'] or '')}</td><td class=act>{escape(r.get('act') or '')}</td><td>{escape(r['content'])}</td>"
        f"<td><a href='/article/{_q(r['article'])}'>{escape(r['article'])}</a></td></tr>" for r in rows)
    return f"<table><tr><th>who</th><th>cue</th><th>act</th><th>what</th><th>article</th></tr>{body}</table>"


def _events_html(rows: list[dict[str, Any]]) -> str:
    body = "".join(
        f"<tr><td>{escape(r['type'])}{'/' + escape(r['mode']) if r['mode'] else ''}</td><td>{escape(r['actors'])}</td>"
        f"<td>{escape(r['recipients'])}</td><td>{escape(r['trigger'])}</td><td>{escape(r['date'] or '')}</td>"
        f"<td><a href='/article/{_q(r['article'])}'>{escape(r['article'])}</a></td></tr>" for r in rows)
    return f"<table><tr><th>type</th><th>actor</th><th>recipient</th><th>trigger</th><th>date</th><th>article</th></tr>{body}</table>"


def _facts_html(a: dict[str, Any]) -> str:
    text = a["text"]
    names = {e["id"]: e["name"] for e in a.get("entities", [])}

    def at(span):
        return escape(text[span[0]:span[1]]) if span else ""

    rows = ""
    for x in a.get("attributions", []):
        src = x.get("source")
        who = names.get(x.get("source_entity")) or (text[src[0]:src[1]] if src else "")
        link = f"<a href='/entity?name={_q(who)}'>{escape(who)}</a>" if who else "(unnamed)"
        rows += (f"<tr><td>{link}</td><td>{at(x.get('cue'))}</td><td class=act>{escape(x.get('act') or '')}</td>"
                 f"<td>{' … '.join(at(s) for s in x['content'])}</td></tr>")
    quotes = f"<h4>Who said what</h4><table>{rows}</table>" if rows else ""
    counts = "".join(f"<li>{escape(c['qualifier'])} {c['value']} {escape(c['object'])} "
                     f"<span class=muted>{escape(c.get('type') or '')}</span></li>" for c in a.get("counts", []))
    dates = "".join(f"<li>{at(d['span'])} → {escape(d.get('value') or 'unresolved')}</li>" for d in a.get("dates", []))
    return quotes + (f"<h4>Counts</h4><ul>{counts}</ul>" if counts else "") + \
        (f"<h4>Dates</h4><ul>{dates}</ul>" if dates else "")
