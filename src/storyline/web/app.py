"""The JSON API (OpenAPI at /docs) and the web pages, a thin shell over storyline.store and
storyline.jobs (writes: web/writes.py; keys and limits: web/auth.py; pages: web/templates/).

    storyline serve --db storyline.db      # http://127.0.0.1:8000

Every error, from the API or a page, has one JSON shape: {"error": {"status": int, "message": str}}.
Reads are open unless the app is made with ``Limits(require_key=True)`` (``serve --require-key``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException

from storyline.errors import StorylineError
from storyline.records import ATTRIBUTION_ACTS
from storyline.store import Store
from storyline.web import writes
from storyline.web.auth import Auth, Limits
from storyline.web.render import render


ACT_CHOICES = (*ATTRIBUTION_ACTS, "all")
ACT_PATTERN = "^(" + "|".join(ACT_CHOICES) + ")$"


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "message": message}}


def create_app(db: str | Path, limits: Limits | None = None) -> FastAPI:
    store = Store(db)
    auth = Auth(store, limits or Limits())

    async def reads_need_a_key(request: Request) -> None:
        """``serve --require-key``: reads need a key (Bearer, or the add page's session) of
        scope read; writes check their own scope, and the add page is where a key is entered."""
        if (auth.limits.require_key and request.method in ("GET", "HEAD")
                and not request.url.path.startswith("/add")):
            await run_in_threadpool(auth.require, request, "read")

    app = FastAPI(title="storyline", version="0.1.0", dependencies=[Depends(reads_need_a_key)],
                  description="Stories, statements, events, counts, dates and places from news. Reads are "
                              "open unless the server runs with --require-key; writes need "
                              "`Authorization: Bearer KEY` (`storyline keys create NAME`).")

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException):
        return JSONResponse(error_body(exc.status_code, str(exc.detail)), status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

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

    @app.get("/api/articles/{article_id:path}", summary="One article's contract record, with its provenance",
             description="`provenance`: how it arrived (`via`: its file, feed URL, `<stdin>`, or `key:NAME` "
                         "for a post; `kind`: file, feed, stdin or post) and when (`ingested_at`, UTC).")
    def api_article(article_id: str) -> dict[str, Any]:
        return need(store.article(article_id, provenance=True), f"article {article_id!r}")

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

    # ---- pages (web/templates/) -----------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home():
        return render("stories.html", title="Stories", stories=store.stories())

    @app.get("/story/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str):
        merged = need(store.story(story_id), f"story {story_id!r}")
        arts = list(store.articles(story=story_id))
        summary = [_sentence_text(s) for s in merged.get("summary") or []]
        return render("story.html", title=merged.get("title") or story_id, summary=summary, articles=arts)

    @app.get("/article/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str):
        a = need(store.article(article_id, provenance=True), f"article {article_id!r}")
        return render("article.html", title=a.get("title") or a["id"], a=a)

    @app.get("/entity", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(name: str = Query(..., min_length=1)):
        said = store.quotes(speaker=name, limit=200)
        about = store.quotes(about=name, limit=200)
        evs = store.events(actor=name, limit=200)
        return render("entity.html", title=name, name=name, said=said, about=about, events=evs)

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(speaker: str | None = None, about: str | None = None,
                    act: str = Query("speech", pattern=ACT_PATTERN)):
        rows = store.quotes(speaker=speaker, about=about, limit=500, act=act)
        return render("quotes.html", title="Who said what", rows=rows, acts=ACT_CHOICES, act=act,
                      speaker=speaker, about=about)

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page():
        rows = sorted(store.stories(), key=lambda s: (s["first_published"] or "9999", s["id"]))
        return render("timeline.html", title="Timeline", stories=rows)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = Query(..., min_length=1)):
        return render("search.html", title=f"Search: {q}", rows=store.search(q))

    writes.register(app, store, auth)
    return app


def _sentence_text(s: Any) -> str:
    if isinstance(s, dict):
        return s.get("text") or s.get("sentence") or str(s)
    return str(s)
