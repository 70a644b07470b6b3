"""Who may do what on the server: API keys (``Authorization: Bearer KEY`` or the add page's
session cookie), scopes, a token bucket per key, and CSRF tokens for the forms.

Refusals are ``HTTPException``s the app turns into its one JSON error shape: 401 (no key, an
unknown or revoked one), 403 (a key whose scope does not cover the request; a form without
its CSRF token), 429 with ``Retry-After`` (over the key's rate). The keys themselves live in
the store (``storyline.store.keys``), so ``storyline keys revoke`` takes effect on the next
request of a running server.
"""
from __future__ import annotations

import hmac
import math
import secrets
import threading
import time
from dataclasses import dataclass

from fastapi import Request
from starlette.exceptions import HTTPException

from storyline.store import keys as K

SESSION_COOKIE = "storyline_session"
CSRF_COOKIE = "storyline_csrf"  # before a session exists (the key form)
SESSION_SECONDS = 12 * 3600
TOUCH_EVERY_S = 60.0  # last-used time written at most this often per key


@dataclass(frozen=True)
class Limits:
    """What ``storyline serve`` is configured with."""

    max_body_bytes: int = 10 * 1024 * 1024
    rate: float = 2.0  # requests per second per key, refilled continuously
    burst: int = 30  # the bucket's size: requests a key may make at once
    require_key: bool = False  # reads need a key too


@dataclass(frozen=True)
class Session:
    key_name: str
    csrf: str
    expires: float


class TokenBucket:
    """Per-key token buckets: ``take(name)`` is 0 when the request may go, else the seconds
    until a token is back (the ``Retry-After``)."""

    def __init__(self, rate: float, burst: int, clock=time.monotonic):
        self.rate, self.burst, self.clock = rate, max(burst, 1), clock
        self._buckets: dict[str, tuple[float, float]] = {}  # name -> (tokens, when)
        self._lock = threading.Lock()

    def take(self, name: str) -> float:
        with self._lock:
            now = self.clock()
            tokens, when = self._buckets.get(name, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - when) * self.rate)
            if tokens >= 1.0:
                self._buckets[name] = (tokens - 1.0, now)
                return 0.0
            self._buckets[name] = (tokens, now)
            return (1.0 - tokens) / self.rate if self.rate > 0 else math.inf


class Auth:
    """Keys, sessions and rate limits of one app (sessions are kept in this process)."""

    def __init__(self, store, limits: Limits):
        self.store, self.limits = store, limits
        self.bucket = TokenBucket(limits.rate, limits.burst)
        self._sessions: dict[str, Session] = {}
        self._touched: dict[str, float] = {}
        self._lock = threading.Lock()

    # ---- who is asking -------------------------------------------------------------------
    def key_of(self, request: Request, session: bool = True) -> K.ApiKey | None:
        """The active key of a request: its Bearer header, else (when ``session``: reads and the
        add page's forms, which carry a CSRF token) its session cookie."""
        header = request.headers.get("authorization")
        if header is not None:
            scheme, _, secret = header.partition(" ")
            if scheme.lower() != "bearer":
                return None
            return K.authenticate(self.store, secret.strip())
        if not session:
            return None
        session = self.session_of(request)
        if session is None:
            return None
        key = K.get(self.store, session.key_name)
        return key if key is not None and key.active else None

    def require(self, request: Request, scope: str, session: bool = True) -> K.ApiKey:
        """The request's key if it may do ``scope`` (and is within its rate), else a refusal."""
        key = self.key_of(request, session)
        if key is None:
            sent = "authorization" in request.headers or (session and SESSION_COOKIE in request.cookies)
            raise HTTPException(401, "unknown or revoked API key" if sent else
                                "an API key is required: send `Authorization: Bearer KEY` "
                                "(`storyline keys create NAME` makes one)",
                                headers={"WWW-Authenticate": "Bearer"})
        if not key.allows(scope):
            raise HTTPException(403, f"key {key.name!r} has scope {key.scope}; this needs {scope}")
        wait = self.bucket.take(key.name)
        if wait:
            raise HTTPException(429, f"key {key.name!r} is over its rate ({self.limits.rate:g} requests/s, "
                                     f"bursts of {self.limits.burst}): retry later",
                                headers={"Retry-After": str(max(1, math.ceil(wait)))})
        self._touch(key.name)
        return key

    def _touch(self, name: str) -> None:
        if self.store.read_only:
            return
        now = time.monotonic()
        with self._lock:
            if now - self._touched.get(name, -math.inf) < TOUCH_EVERY_S:
                return
            self._touched[name] = now
        threading.Thread(target=self._write_touch, args=(name,), daemon=True).start()  # never waits on a writer

    def _write_touch(self, name: str) -> None:
        try:
            K.touch(self.store, name)
        except Exception:  # a busy or full store: the last-used time is a convenience
            with self._lock:
                self._touched.pop(name, None)

    # ---- sessions (the add page) -----------------------------------------------------------
    def open_session(self, key: K.ApiKey) -> tuple[str, Session]:
        sid = secrets.token_urlsafe(32)
        session = Session(key.name, secrets.token_urlsafe(32), time.time() + SESSION_SECONDS)
        with self._lock:
            now = time.time()
            for old in [s for s, v in self._sessions.items() if v.expires < now]:
                del self._sessions[old]
            self._sessions[sid] = session
        return sid, session

    def session_of(self, request: Request) -> Session | None:
        sid = request.cookies.get(SESSION_COOKIE)
        if not sid:
            return None
        with self._lock:
            session = self._sessions.get(sid)
        if session is None or session.expires < time.time():
            return None
        return session

    def close_session(self, request: Request) -> None:
        with self._lock:
            self._sessions.pop(request.cookies.get(SESSION_COOKIE, ""), None)


def same_token(given: str | None, expected: str | None) -> bool:
    """CSRF check: both present and equal (compared in constant time)."""
    return bool(given and expected) and hmac.compare_digest(given.encode(), expected.encode())


def check_csrf(given: str | None, expected: str | None) -> None:
    if not same_token(given, expected):
        raise HTTPException(403, "the form's CSRF token is missing or does not match: reload the page and retry")


def cookie_flags(request: Request) -> dict:
    """HttpOnly, SameSite=Strict, Path=/ (and Secure over HTTPS)."""
    return {"httponly": True, "samesite": "strict", "path": "/", "secure": request.url.scheme == "https"}


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 before it is read whole when it is over ``limit``
    bytes: by its Content-Length, and by counting while it streams in (a chunked body, or a
    Content-Length that lies)."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            n = int(declared)
        except ValueError:
            raise HTTPException(400, f"Content-Length {declared!r} is not a number") from None
        if n > limit:
            raise HTTPException(413, f"body of {n:,} bytes is over the limit of {limit:,} bytes "
                                     "(storyline serve --max-body)")
    parts: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"body is over the limit of {limit:,} bytes (storyline serve --max-body)")
        parts.append(chunk)
    return b"".join(parts)
