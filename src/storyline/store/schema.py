"""Tables and migrations. A migration is a function of a connection; the version lives in `meta`.

Articles are keyed by a content hash (title + text), so re-ingesting the same text adds nothing.
The full contract record of each article is kept as JSON beside a few flat tables that serve
listing and search (entities, attributions, events); SQLite also gets an FTS5 index.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from sqlalchemy import (BigInteger, Boolean, Column, Float, ForeignKey, Index, Integer, LargeBinary,
                        MetaData, SmallInteger, String, Table, Text, text)
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
    Column("via", Text),  # how it arrived: file path, feed URL, <stdin>, or key:NAME (v6)
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
    Column("act", String(16), index=True),  # speech, thought, perception, other (v5)
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

# ---- the story clustering state, as rows (storyline.store.story_state) ----------------------
# Every value is a plain column or JSON text; nothing stored is ever unpickled or evaluated.
story_counters = Table(  # n_docs, seq, clock, next_story, posted, version, epoch
    "story_counters", metadata,
    Column("name", String(32), primary_key=True), Column("value", BigInteger, nullable=False),
)

story_df = Table(  # document frequency of a key in a channel (0 terms, 1 names, 2 lead, 3 numbers)
    "story_df", metadata,
    Column("ch", SmallInteger, primary_key=True), Column("key", Text, primary_key=True),
    Column("n", BigInteger, nullable=False),
)

story_profiles = Table(  # one per story: JSON profile (storyline.stories.profile)
    "story_profiles", metadata,
    Column("id", String(64), primary_key=True),
    Column("live", Boolean, nullable=False),
    Column("last_day", Integer),  # ordinal of the last trusted date (retirement by date)
    Column("last_seq", BigInteger, nullable=False),  # last arrival (retirement by arrivals)
    Column("version", BigInteger, nullable=False, index=True),  # the commit that last wrote it
    Column("profile", Text, nullable=False),
    Index("ix_story_profiles_live_day", "live", "last_day"),
    Index("ix_story_profiles_live_seq", "live", "last_seq"),
)

story_norms = Table(  # a story's cached TF-IDF norms, refreshed as document frequencies drift
    "story_norms", metadata,  # (a row of their own: a refresh does not rewrite the profile)
    Column("id", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),  # the story's size when they were computed
    Column("n_docs", BigInteger, nullable=False),  # the stream's document count then
    Column("norms", Text, nullable=False),  # JSON: channel -> norm
    Column("version", BigInteger, nullable=False, index=True),  # the commit that last wrote it
)

story_arrivals = Table(  # one per clustered article: signature, copy root, split features
    "story_arrivals", metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("id", Text, nullable=False, index=True),
    Column("day", String(10)),
    Column("digest", LargeBinary),  # MinHash values, uint32 little-endian (numpy.frombuffer)
    Column("root", BigInteger),  # the earliest arrival this one copies (itself if none)
    Column("features", Text),  # the split features as JSON, when remembered
)

story_bands = Table(  # LSH band keys of each signature
    "story_bands", metadata,
    Column("key", BigInteger, primary_key=True, autoincrement=False),
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
)

story_keys = Table(  # the candidate index: a key posts the stories that carry it, with their dates
    "story_keys", metadata,
    Column("key", Text, primary_key=True), Column("story", String(64), primary_key=True),
    Column("posted", BigInteger, nullable=False),
    Column("first_day", Integer, nullable=False),  # ordinals; an undated story spans every day
    Column("last_day", Integer, nullable=False),
    Index("ix_story_keys_story", "story"),
    # newest postings of a key first, answered from the index alone
    Index("ix_story_keys_walk", "key", "posted", "story", "first_day", "last_day"),
)

input_errors = Table(  # what ingest refused or repaired: one row per (where, reason), with when
    "input_errors", metadata,
    Column("key", String(64), primary_key=True),  # sha256 of where and reason
    Column("location", Text, nullable=False),  # path, path:line, path [url] or feed URL
    Column("reason", Text, nullable=False),
    Column("outcome", String(8), nullable=False),  # refused | kept (read, with a repair)
    Column("first_seen", String(32), nullable=False),
    Column("last_seen", String(32), nullable=False, index=True),  # UTC ISO 8601
    Column("times", Integer, nullable=False),
)

api_keys = Table(  # who may write over HTTP (storyline.store.keys): secrets kept only as hashes
    "api_keys", metadata,
    Column("name", String(64), primary_key=True),  # kept after revoke: provenance names it
    Column("scope", String(8), nullable=False),  # read | write | admin
    Column("hash", String(64), nullable=False, unique=True),  # sha256 of the secret, hex
    Column("created_at", String(32), nullable=False),  # UTC ISO 8601
    Column("last_used_at", String(32)),
    Column("revoked_at", String(32)),
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


def _v2(conn: Connection) -> None:
    """Story state as rows: the tables above; the old pickled ``state`` blob is dropped unread,
    and a store that holds articles is marked for its rows to be rebuilt from them."""
    metadata.create_all(conn)
    conn.execute(text("DROP TABLE IF EXISTS state"))
    if conn.execute(text("SELECT 1 FROM articles LIMIT 1")).first():
        conn.execute(meta.delete().where(meta.c.key == REBUILD_KEY))
        conn.execute(meta.insert().values(key=REBUILD_KEY, value="rows"))


def _v3(conn: Connection) -> None:
    """The record of refused and repaired inputs (``storyline errors``)."""
    input_errors.create(conn, checkfirst=True)


def _v4(conn: Connection) -> None:
    """Candidate lookups walk a key's newest postings (``key, posted``) and stop at the cap; the
    (key, last_day) index made them read every story of the window under a common key."""
    conn.execute(text("DROP INDEX IF EXISTS ix_story_keys_key_last"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_story_keys_key_posted ON story_keys (key, posted)"))


def _v5(conn: Connection) -> None:
    """Every attribution has an act (speech, thought, perception, other): the column, and for
    stored articles the act read from each cue's words, in the flat rows and the records."""
    from sqlalchemy import inspect

    from storyline.extract.attribution import act_of_cue

    if "act" not in {c["name"] for c in inspect(conn).get_columns("attributions")}:
        conn.execute(text("ALTER TABLE attributions ADD COLUMN act VARCHAR(16)"))
        conn.execute(text("CREATE INDEX IF NOT EXISTS ix_attributions_act ON attributions (act)"))
    pages = _pages(conn, "SELECT hash, text, record FROM articles WHERE hash > :last ORDER BY hash LIMIT :n")
    for rows in pages:
        for h, body, record in rows:
            rec = json.loads(record)
            changed = False
            for i, x in enumerate(rec.get("attributions", [])):
                if "act" in x:
                    continue
                cue = body[x["cue"][0]:x["cue"][1]] if x.get("cue") else ""
                x["act"] = act_of_cue(cue, x.get("kind", ""))
                changed = True
                conn.execute(text("UPDATE attributions SET act = :act WHERE article = :h AND idx = :i"),
                             {"act": x["act"], "h": h, "i": i})
            if changed:
                conn.execute(text("UPDATE articles SET record = :r WHERE hash = :h"),
                             {"r": json.dumps(rec), "h": h})


def _v6(conn: Connection) -> None:
    """API keys (``storyline keys``), and how each article arrived (``articles.via``): stored
    articles came from a file, a feed or stdin, which their ``path`` names. On PostgreSQL, an
    indexed full-text column (``articles.tsv``) for search."""
    from sqlalchemy import inspect

    api_keys.create(conn, checkfirst=True)
    columns = {c["name"] for c in inspect(conn).get_columns("articles")}
    if "via" not in columns:
        conn.execute(text("ALTER TABLE articles ADD COLUMN via TEXT"))
    conn.execute(text("UPDATE articles SET via = path WHERE via IS NULL"))
    if conn.dialect.name == "postgresql" and "tsv" not in columns:
        # full-text search read every article's text per query (no index): a stored tsvector
        # with a GIN index, kept by PostgreSQL itself (what SQLite's FTS5 table is there)
        conn.execute(text(f"ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS ({PG_TSV}) STORED"))
        conn.execute(text("CREATE INDEX IF NOT EXISTS ix_articles_tsv ON articles USING gin (tsv)"))


def _v7(conn: Connection) -> None:
    """A story's cached norms move to ``story_norms`` (a refresh rewrote the whole profile: most
    of a batch's writes once the window was full); candidate walks read a covering index. The
    norms still inside older profile JSON are copied out and then ignored."""
    from storyline.stories.profile import norms_to_json

    story_norms.create(conn, checkfirst=True)
    conn.execute(text("DROP INDEX IF EXISTS ix_story_keys_key_posted"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_story_keys_walk "
                      "ON story_keys (key, posted, story, first_day, last_day)"))
    pages = _pages(conn, "SELECT id, version, profile FROM story_profiles WHERE id > :last ORDER BY id LIMIT :n")
    for rows in pages:
        found = []
        for sid, version, profile in rows:
            try:
                size, n_docs, by_channel = json.loads(profile).get("norms")
                size, n_docs, norms = norms_to_json((size, n_docs, {str(k): float(v)
                                                                    for k, v in by_channel.items()}))
            except (ValueError, TypeError, AttributeError):
                continue  # none, or unreadable: computed afresh when next scored
            found.append({"id": sid, "size": size, "n": n_docs, "norms": norms, "v": int(version)})
        if found:
            conn.execute(text("INSERT INTO story_norms (id, size, n_docs, norms, version) "
                              "VALUES (:id, :size, :n, :norms, :v) ON CONFLICT (id) DO NOTHING"), found)


def _pages(conn: Connection, sql: str, size: int = 500) -> Iterator[list]:
    """The rows of ``sql`` a page at a time, keyed by its first column (``WHERE key > :last
    ORDER BY key LIMIT :n``): a migration over a large table holds one page in memory."""
    last = ""
    while rows := conn.execute(text(sql), {"last": last, "n": size}).all():
        yield rows
        last = rows[-1][0]


PG_TSV = "to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || text)"


REBUILD_KEY = "story_state_rebuild"
MIGRATIONS: list[Callable[[Connection], None]] = [_v1, _v2, _v3, _v4, _v5, _v6, _v7]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: Connection) -> int:
    """The store's schema version, read without writing (0 for a new or empty database)."""
    from sqlalchemy import inspect

    if not inspect(conn).has_table("meta"):
        return 0
    row = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).first()
    return int(row[0]) if row else 0


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
