"""Tables and migrations. A migration is a function of a connection; the version lives in `meta`.

Articles are keyed by a content hash (title + text), so re-ingesting the same text adds nothing.
The full contract record of each article is kept as JSON beside a few flat tables that serve
listing and search (entities, attributions, events); SQLite also gets an FTS5 index.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (Boolean, Column, Float, ForeignKey, Integer, LargeBinary, MetaData, String,
                        Table, Text, text)
from sqlalchemy.engine import Connection

metadata = MetaData()

meta = Table("meta", metadata, Column("key", String(64), primary_key=True), Column("value", Text))

articles = Table(
    "articles", metadata,
    Column("hash", String(64), primary_key=True),
    Column("id", Text, nullable=False, index=True),
    Column("seq", Integer, nullable=False, index=True),  # arrival order
    Column("title", Text), Column("published", String(10), index=True),
    Column("source", Text), Column("url", Text), Column("path", Text),
    Column("text", Text, nullable=False),
    Column("story", String(64), index=True), Column("duplicate_of", Text),
    Column("flags", Text),
    Column("record", Text, nullable=False),  # the contract JSON
    Column("ingested_at", String(32), nullable=False),
)

entities = Table(
    "entities", metadata,
    Column("article", String(64), ForeignKey("articles.hash", ondelete="CASCADE"), index=True),
    Column("eid", String(16)), Column("name", Text, index=True), Column("type", String(16)),
    Column("mentions", Integer),
)

attributions = Table(
    "attributions", metadata,
    Column("article", String(64), ForeignKey("articles.hash", ondelete="CASCADE"), index=True),
    Column("idx", Integer), Column("kind", String(16)), Column("content", Text),
    Column("cue", Text), Column("source", Text), Column("speaker", Text, index=True),
    Column("source_type", String(16)), Column("nested_in", Integer),
)

events = Table(
    "events", metadata,
    Column("article", String(64), ForeignKey("articles.hash", ondelete="CASCADE"), index=True),
    Column("idx", Integer), Column("type", String(16), index=True), Column("mode", String(32)),
    Column("trigger", Text), Column("actors", Text), Column("recipients", Text),
    Column("sentence", Text), Column("date", Text), Column("place", Text),
    Column("negated", Boolean), Column("hypothetical", Boolean), Column("future", Boolean),
)

stories = Table(
    "stories", metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text), Column("first_published", String(10)), Column("last_published", String(10)),
    Column("articles", Integer), Column("record", Text),  # merged story JSON
    Column("updated_at", String(32)),
)

state = Table(
    "state", metadata,
    Column("name", String(64), primary_key=True), Column("blob", LargeBinary),
)

geo = Table(  # places per article, map-ready
    "places", metadata,
    Column("article", String(64), ForeignKey("articles.hash", ondelete="CASCADE"), index=True),
    Column("name", Text), Column("geonameid", Integer), Column("country", String(3)),
    Column("lat", Float), Column("lon", Float),
)


def _v1(conn: Connection) -> None:
    metadata.create_all(conn)
    if conn.dialect.name == "sqlite":
        conn.execute(text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, hash UNINDEXED)"))


MIGRATIONS: list[Callable[[Connection], None]] = [_v1]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: Connection) -> int:
    """Bring the schema up to date; returns the version reached."""
    meta.create(conn, checkfirst=True)
    row = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).first()
    current = int(row[0]) if row else 0
    for version in range(current + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[version - 1](conn)
        conn.execute(meta.delete().where(meta.c.key == "schema_version"))
        conn.execute(meta.insert().values(key="schema_version", value=str(version)))
    return SCHEMA_VERSION
