"""Database failures that no retry can mend, said in words: a full disk, a read-only store.

Lock timeouts and serialisation failures are worth retrying (``storyline.jobs``); these are not.
"""
from __future__ import annotations

# (SQLSTATE or message fragment, what it means); SQLite reports only messages
_CAUSES = (
    (("53100", "disk is full", "no space left on device", "database or disk is full"),
     "the disk holding the store is full"),
    (("25006", "readonly database", "read-only file system", "read-only transaction"),
     "the store is read-only"),
    (("unable to open database file",), "the store's file cannot be opened for writing"),
    (("disk i/o error",), "the disk holding the store reported an I/O error"),
)


def explain(error: BaseException) -> str | None:
    """What an unrecoverable database error means, or None for any other error."""
    orig = getattr(error, "orig", None) or error
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    message = str(orig).lower()
    for marks, meaning in _CAUSES:
        if state in marks or any(m in message for m in marks if not m[:1].isdigit()):
            return meaning
    return None
