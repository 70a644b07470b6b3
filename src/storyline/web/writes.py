"""Writes over HTTP, a thin shell over ``jobs.ingest_articles`` / ``jobs.delete_article``:
``POST /api/articles``, ``DELETE /api/articles/{id}``, and the page that adds an article.

Every refusal happens before anything is written, in this order: the key (401, 403), the
key's rate (429), the body's size (413, before it is read whole), the body itself (415, 422
naming the field). Nothing of a refused request reaches the store.
"""
from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import parse_qs

from fastapi import FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.exceptions import HTTPException

from storyline import jobs
from storyline.errors import StoreError
from storyline.ingest import posted
from storyline.records import Article
from storyline.store import keys as K
from storyline.web.auth import CSRF_COOKIE, SESSION_COOKIE, Auth, check_csrf, cookie_flags, read_body
from storyline.web.render import q, render

ARTICLE_SCHEMA = {
    "type": "object", "required": ["id", "text"], "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "description": "Your id for the article (kept verbatim)."},
        "text": {"type": "string", "description": "The article's text; every offset indexes into it."},
        "title": {"type": ["string", "null"]},
        "published": {"type": ["string", "null"], "description": "YYYY-MM-DD"},
        "source": {"type": ["string", "null"]}, "url": {"type": ["string", "null"]},
    },
}
POST_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": {"oneOf": [ARTICLE_SCHEMA, {"type": "array", "items": ARTICLE_SCHEMA,
                                                                    "maxItems": posted.MAX_ARTICLES}]}},
        "text/html": {"schema": {"type": "string", "description": "An HTML page: its main text is extracted "
                                                                  "(trafilatura); give its address as ?url="}},
    },
}
PLACED = {"type": "object", "properties": {"articles": {"type": "array", "items": {
    "type": "object", "properties": {"id": {"type": "string"}, "hash": {"type": "string"},
                                     "story": {"type": "string"},
                                     "status": {"type": "string", "enum": ["stored", "duplicate"]}}}}}}
ERROR = {"content": {"application/json": {"schema": {"type": "object", "properties": {"error": {
    "type": "object", "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}}}}}


def _refusals(*codes: int) -> dict[int, dict[str, Any]]:
    words = {401: "No key, or an unknown or revoked one", 403: "The key's scope does not cover this",
             404: "No such article", 413: "Body over the limit (serve --max-body)",
             415: "Neither JSON nor HTML", 422: "Malformed JSON or a bad field (the message names it)",
             429: "Over the key's rate: see Retry-After"}
    return {c: {"description": words[c], **ERROR} for c in codes}


def register(app: FastAPI, store, auth: Auth) -> None:
    limits = auth.limits

    def ingest(articles: list[Article], key: K.ApiKey) -> list[jobs.Placement]:
        try:
            return jobs.ingest_articles(articles, store, via=f"key:{key.name}")
        except StoreError as e:
            raise HTTPException(503, f"nothing was stored: {e}") from e

    @app.post("/api/articles", status_code=201, summary="Add articles (runs the pipeline, stores, clusters)",
              description="Bearer key with scope write. The body is one article or a list of them "
                          "(JSON), or an HTML page (`text/html`, with `?url=`). Answers 201 with each "
                          "article's id, content hash and story when any was new, 200 when all were "
                          "already stored (nothing is duplicated). Provenance: `key:NAME`.",
              openapi_extra={"requestBody": POST_BODY},
              responses={201: {"description": "Stored", "content": {"application/json": {"schema": PLACED}}},
                         200: {"description": "Every article was already stored"},
                         **_refusals(401, 403, 413, 415, 422, 429)})
    async def post_articles(request: Request,
                            url: str | None = Query(None, description="text/html: the page's address"),
                            id: str | None = Query(None, description="text/html: the article id (default: url)"),
                            published: str | None = Query(None, description="text/html: YYYY-MM-DD"),
                            source: str | None = Query(None, description="text/html: source name")):
        key = await run_in_threadpool(auth.require, request, "write", False)
        body = await read_body(request, limits.max_body_bytes)
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            if kind == "text/html":
                articles = [posted.article_from_html(body, url or "", id, published=published, source=source)]
            elif kind in ("", "application/json") or kind.endswith("+json"):
                articles = posted.articles_from_json(body)
            else:
                raise HTTPException(415, f"Content-Type {kind!r}: send application/json or text/html")
        except posted.FieldError as e:
            raise HTTPException(422, f"{e.field}: {e.reason}") from None
        placed = await run_in_threadpool(ingest, articles, key)
        status = 201 if any(p.status == "stored" for p in placed) else 200
        return JSONResponse({"articles": [p.to_dict() for p in placed]}, status_code=status)

    @app.delete("/api/articles/{article_id:path}", summary="Remove an article and update its story",
                description="Bearer key with scope admin. The article with this id (the latest one, "
                            "as GET shows it) or content hash is deleted with its facts; its story's "
                            "merged record and clustering state are updated, and a story left with no "
                            "article is deleted.",
                responses={200: {"description": "Removed"}, **_refusals(401, 403, 404, 429)})
    async def delete_article(article_id: str, request: Request):
        await run_in_threadpool(auth.require, request, "admin", False)
        try:
            gone = await run_in_threadpool(jobs.delete_article, store, article_id)
        except StoreError as e:
            raise HTTPException(503, f"nothing was deleted: {e}") from e
        if gone is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return gone.to_dict()

    # ---- the add page ----------------------------------------------------------------------
    async def form(request: Request) -> dict[str, str]:
        body = await read_body(request, limits.max_body_bytes)
        try:
            fields = parse_qs(body.decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            raise HTTPException(422, "form: not UTF-8") from None
        return {k: v[0] for k, v in fields.items()}

    def page_key(request: Request):
        session = auth.session_of(request)
        if session is None:
            return None, None
        key = K.get(store, session.key_name)
        return (session, key) if key is not None and key.active else (None, None)

    @app.get("/add", include_in_schema=False)
    def add_page(request: Request):
        session, key = page_key(request)
        if session is not None:
            return render("add.html", title="Add an article", key=key.name, csrf=session.csrf)
        token = secrets.token_urlsafe(32)
        response = render("add.html", title="Add an article", key=None, csrf=token)
        response.set_cookie(CSRF_COOKIE, token, max_age=3600, **cookie_flags(request))
        return response

    @app.post("/add/key", include_in_schema=False)
    async def add_key(request: Request):
        fields = await form(request)
        check_csrf(fields.get("csrf"), request.cookies.get(CSRF_COOKIE))
        key = await run_in_threadpool(K.authenticate, store, (fields.get("key") or "").strip())
        if key is None:
            raise HTTPException(401, "unknown or revoked API key")
        if not key.allows("write"):
            raise HTTPException(403, f"key {key.name!r} has scope {key.scope}; adding articles needs write")
        sid, _ = auth.open_session(key)
        response = RedirectResponse("/add", status_code=303)
        response.set_cookie(SESSION_COOKIE, sid, **cookie_flags(request))
        response.delete_cookie(CSRF_COOKIE, path="/")
        return response

    @app.post("/add/logout", include_in_schema=False)
    async def add_logout(request: Request):
        fields = await form(request)
        session = auth.session_of(request)
        check_csrf(fields.get("csrf"), session.csrf if session else None)
        auth.close_session(request)
        response = RedirectResponse("/add", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    @app.post("/add", include_in_schema=False)
    async def add_article(request: Request):
        session = auth.session_of(request)
        if session is None:
            raise HTTPException(401, "no API key in this browser session: enter one at /add")
        fields = await form(request)
        check_csrf(fields.get("csrf"), session.csrf)
        key = await run_in_threadpool(auth.require, request, "write")
        try:
            if fields.get("html"):
                article = posted.article_from_html(fields.get("text", ""), fields.get("url", ""),
                                                   published=fields.get("published"),
                                                   source=fields.get("source") or None)
            else:
                article = posted.article_from_text(fields.get("text", ""), title=fields.get("title"),
                                                   published=fields.get("published"), source=fields.get("source"),
                                                   url=fields.get("url"))
        except posted.FieldError as e:
            raise HTTPException(422, f"{e.field}: {e.reason}") from None
        placed = (await run_in_threadpool(ingest, [article], key))[0]
        target = f"/story/{q(placed.story)}" if placed.story else f"/article/{q(placed.hash)}"
        return RedirectResponse(target, status_code=303)
