"""The record of bad input: every refusal (and every repair) an ingest met, kept in the store.

One row per place and reason: met again, its ``last_seen`` and ``times`` move on, so re-running
a folder with one broken file keeps one row for it. Written in the writer's transaction (with
the batch that followed it), read back by ``storyline errors`` and ``GET /api/errors``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from storyline.errors import InputError
from storyline.store import schema as S


@dataclass(frozen=True)
class InputErrorRow:
    where: str
    reason: str
    outcome: str  # "refused" or "kept"
    first_seen: str  # UTC ISO 8601
    last_seen: str
    times: int

    def to_dict(self) -> dict:
        return {"where": self.where, "reason": self.reason, "outcome": self.outcome,
                "first_seen": self.first_seen, "last_seen": self.last_seen, "times": self.times}


def _key(e: InputError) -> str:
    return hashlib.sha256(f"{e.where}\0{e.reason}".encode("utf-8", "replace")).hexdigest()


def now_utc() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def record(conn, errors: Iterable[InputError], at: str | None = None) -> int:
    """Add or update the rows of ``errors`` in ``conn``'s (locked, write) transaction."""
    T = S.input_errors
    at = at or now_utc()
    counted: dict[str, tuple[InputError, int]] = {}
    for e in errors:
        k = _key(e)
        counted[k] = (e, counted.get(k, (e, 0))[1] + 1)
    if not counted:
        return 0
    keys = list(counted)
    known: dict[str, int] = {}
    for i in range(0, len(keys), 500):
        known.update(conn.execute(select(T.c.key, T.c.times).where(T.c.key.in_(keys[i:i + 500]))).all())
    for k, (e, n) in counted.items():
        if k in known:
            conn.execute(T.update().where(T.c.key == k).values(last_seen=at, times=known[k] + n))
        else:
            conn.execute(T.insert().values(key=k, location=_clean(e.where), reason=_clean(e.reason),
                                           outcome=e.outcome, first_seen=at, last_seen=at, times=n))
    return len(counted)


def read(conn, since: str | None = None, outcome: str | None = None, limit: int | None = None
         ) -> list[InputErrorRow]:
    """Rows last seen at or after ``since`` (UTC ISO 8601), latest first."""
    T = S.input_errors
    q = select(T.c.location, T.c.reason, T.c.outcome, T.c.first_seen, T.c.last_seen, T.c.times
               ).order_by(T.c.last_seen.desc(), T.c.location)
    if since:
        q = q.where(T.c.last_seen >= since)
    if outcome:
        q = q.where(T.c.outcome == outcome)
    if limit:
        q = q.limit(limit)
    return [InputErrorRow(*r) for r in conn.execute(q).all()]


def _clean(s: str) -> str:
    """A location or reason as text every store holds (a file name may carry NUL or a lone surrogate)."""
    return s.encode("utf-8", "replace").decode("utf-8").replace("\0", "\ufffd")
