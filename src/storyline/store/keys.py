"""API keys: who may write to a store over HTTP (``storyline keys``, ``storyline serve``).

A secret is 32 random bytes from ``secrets`` (URL-safe text, ``sl_`` in front), shown once when
the key is created and never stored: the store keeps its SHA-256 (a fast hash is enough for a
secret with 256 bits of entropy; nothing can be guessed from it). A presented secret is hashed,
the row found by its hash, and the hashes compared with ``hmac.compare_digest``. A revoked key
keeps its row (its name stays taken, so ``key:NAME`` in an article's provenance names one key).

Scopes are ordered: ``read`` < ``write`` (add articles) < ``admin`` (also delete them).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import select

from storyline.errors import StorylineError
from storyline.store import schema as S

SCOPES = ("read", "write", "admin")
DEFAULT_SCOPE = "write"
SECRET_BYTES = 32
PREFIX = "sl_"
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")


@dataclass(frozen=True)
class ApiKey:
    name: str
    scope: str
    created_at: str
    last_used_at: str | None = None
    revoked_at: str | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def allows(self, scope: str) -> bool:
        """True when this key's scope covers ``scope``."""
        return SCOPES.index(self.scope) >= SCOPES.index(scope)

    def to_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "scope": self.scope, "created_at": self.created_at,
                "last_used_at": self.last_used_at, "revoked_at": self.revoked_at}


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _key(row) -> ApiKey:
    return ApiKey(row.name, row.scope, row.created_at, row.last_used_at, row.revoked_at)


def create(store, name: str, scope: str = DEFAULT_SCOPE) -> tuple[ApiKey, str]:
    """A new key and its secret (the only time the secret exists outside the caller)."""
    if not NAME.match(name or ""):
        raise StorylineError(f"key name {name!r}: use 1-64 letters, digits, '.', '_', '@' or '-' "
                             "(starting with a letter or digit)")
    if scope not in SCOPES:
        raise StorylineError(f"unknown scope {scope!r}: choose one of {', '.join(SCOPES)}")
    secret = PREFIX + secrets.token_urlsafe(SECRET_BYTES)
    key = ApiKey(name, scope, _now())
    with store.writing() as conn:
        old = conn.execute(select(S.api_keys.c.revoked_at).where(S.api_keys.c.name == name)).first()
        if old is not None:
            state = "was revoked (names are kept so provenance stays unambiguous)" if old[0] else "exists"
            raise StorylineError(f"a key named {name!r} {state}: choose another name")
        conn.execute(S.api_keys.insert().values(name=name, scope=scope, hash=digest(secret),
                                                created_at=key.created_at))
    return key, secret


def list_keys(store) -> list[ApiKey]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(S.api_keys).order_by(S.api_keys.c.created_at, S.api_keys.c.name)).all()
    return [_key(r) for r in rows]


def revoke(store, name: str) -> ApiKey:
    """Revoke a key at once (requests with it are refused from now on)."""
    with store.writing() as conn:
        row = conn.execute(select(S.api_keys).where(S.api_keys.c.name == name)).first()
        if row is None:
            raise StorylineError(f"no key named {name!r}: `storyline keys list` shows them")
        if row.revoked_at is None:
            conn.execute(S.api_keys.update().where(S.api_keys.c.name == name).values(revoked_at=_now()))
        row = conn.execute(select(S.api_keys).where(S.api_keys.c.name == name)).first()
    return _key(row)


def authenticate(store, secret: str | None) -> ApiKey | None:
    """The active key whose secret this is, or None (unknown, malformed or revoked)."""
    if not secret or not secret.startswith(PREFIX) or len(secret) > 200:
        return None
    want = digest(secret)
    with store.engine.connect() as conn:
        row = conn.execute(select(S.api_keys).where(S.api_keys.c.hash == want)).first()
    if row is None or not hmac.compare_digest(row.hash, want) or row.revoked_at is not None:
        return None
    return _key(row)


def touch(store, name: str, when: str | None = None) -> None:
    """Record that a key was used (the server calls this at most once a minute per key)."""
    with store.writing() as conn:
        conn.execute(S.api_keys.update().where(S.api_keys.c.name == name).values(last_used_at=when or _now()))


def get(store, name: str) -> ApiKey | None:
    """The key named ``name`` (revoked or not), or None."""
    with store.engine.connect() as conn:
        row = conn.execute(select(S.api_keys).where(S.api_keys.c.name == name)).first()
    return _key(row) if row is not None else None
