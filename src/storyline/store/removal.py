"""The rows of one stored article, found and deleted inside a locked story session
(``jobs.delete_article`` runs it; the clusterer's ``withdraw`` takes the article out of its
story's profile, ``StoreState.forget`` out of the near-copy index)."""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, or_, select, text

from storyline.store import schema as S


@dataclass(frozen=True)
class StoredArticle:
    hash: str
    id: str
    seq: int
    story: str | None
    record: dict
    arrival: int | None  # its story_arrivals row (the clustering state's arrival number)


@dataclass(frozen=True)
class Removal:
    """What ``DELETE /api/articles/{id}`` did."""

    id: str
    hash: str
    story: str | None  # the story it was in
    story_articles: int  # articles left in that story (0: the story is gone)

    def to_dict(self) -> dict:
        return {"id": self.id, "hash": self.hash, "story": self.story, "story_articles": self.story_articles,
                "story_deleted": self.story is not None and self.story_articles == 0}


def find(conn, key: str) -> StoredArticle | None:
    """The article ``key`` names (an id: the latest with that id, as ``GET`` shows it; or a
    content hash), with its arrival: the k-th stored article of an id is its k-th arrival
    (both are numbered under the same writer lock, in the same order)."""
    A = S.articles
    row = conn.execute(select(A.c.hash, A.c.id, A.c.seq, A.c.story, A.c.record)
                       .where(or_(A.c.id == key, A.c.hash == key)).order_by(A.c.seq.desc())).first()
    if row is None:
        return None
    h, aid, seq, story, rec = row
    rank = conn.execute(select(func.count()).select_from(A).where(A.c.id == aid, A.c.seq < seq)).scalar_one()
    arrival = conn.execute(text("SELECT seq FROM story_arrivals WHERE id = :i ORDER BY seq LIMIT 1 OFFSET :k"),
                           {"i": aid, "k": int(rank)}).scalar()
    return StoredArticle(h, aid, int(seq), story, json.loads(rec), int(arrival) if arrival is not None else None)


def delete_rows(conn, h: str) -> None:
    """The article and its facts (and its full-text row on SQLite)."""
    for table in (S.entities, S.attributions, S.events, S.geo):
        conn.execute(table.delete().where(table.c.article == h))
    if conn.dialect.name == "sqlite":
        conn.execute(text("DELETE FROM articles_fts WHERE hash = :h"), {"h": h})
    conn.execute(S.articles.delete().where(S.articles.c.hash == h))


def repoint_copies(conn, gone: str, root: str | None) -> None:
    """Articles recorded as copies of the deleted ``gone`` now name ``root``, the earliest copy
    left (which itself is a copy of nothing)."""
    A = S.articles
    rows = conn.execute(select(A.c.hash, A.c.id, A.c.record).where(A.c.duplicate_of == gone)).all()
    for h, aid, rec in rows:
        new = None if aid == root else root
        record = json.loads(rec)
        record["duplicate_of"] = new
        conn.execute(A.update().where(A.c.hash == h).values(duplicate_of=new, record=json.dumps(record)))


def published_days(conn, story: str) -> list[str | None]:
    """The publication dates of a story's stored articles."""
    return list(conn.execute(select(S.articles.c.published).where(S.articles.c.story == story)).scalars())
