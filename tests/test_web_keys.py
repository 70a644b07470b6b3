"""API keys: `storyline keys create|list|revoke`, secrets kept only as hashes, scopes, the
token bucket."""
from __future__ import annotations

import hashlib
import hmac
import sqlite3

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.store import Store
from storyline.store import keys as K
from storyline.web.auth import TokenBucket


@pytest.fixture()
def runner():
    return CliRunner()


def _create(runner, db, *args) -> tuple[str, str]:
    r = runner.invoke(app, ["keys", "create", *args, "--db", str(db)])
    assert r.exit_code == 0, r.output
    return r.stdout, r.stdout.rstrip("\n").splitlines()[-1]


def test_create_prints_the_secret_alone_on_the_last_line_and_stores_only_its_hash(runner, tmp_path):
    db = tmp_path / "k.db"
    out, secret = _create(runner, db, "alice")
    assert secret.startswith("sl_") and " " not in secret and len(secret) >= 3 + 43  # 32 bytes, base64url
    assert out.count(secret) == 1
    raw = db.read_bytes() + b"".join(p.read_bytes() for p in tmp_path.glob("k.db-*"))
    assert secret.encode() not in raw
    rows = sqlite3.connect(db).execute("SELECT name, scope, hash FROM api_keys").fetchall()
    assert rows == [("alice", "write", hashlib.sha256(secret.encode()).hexdigest())]  # default scope
    assert K.authenticate(Store(db), secret).name == "alice"


def test_secrets_differ_and_each_opens_only_its_key(runner, tmp_path):
    db = tmp_path / "k.db"
    _, a = _create(runner, db, "a", "--scope", "read")
    _, b = _create(runner, db, "b", "--scope", "admin")
    assert a != b
    store = Store(db)
    assert (K.authenticate(store, a).scope, K.authenticate(store, b).scope) == ("read", "admin")
    assert K.authenticate(store, a[:-1] + ("x" if a[-1] != "x" else "y")) is None
    assert K.authenticate(store, "") is None and K.authenticate(store, None) is None


def test_lookup_compares_in_constant_time(tmp_path, monkeypatch):
    store = Store(tmp_path / "k.db")
    _, secret = K.create(store, "alice")
    calls = []
    real = hmac.compare_digest
    monkeypatch.setattr(K.hmac, "compare_digest", lambda x, y: calls.append((x, y)) or real(x, y))
    assert K.authenticate(store, secret) is not None
    assert calls == [(K.digest(secret), K.digest(secret))]


def test_list_shows_names_scopes_times_never_the_secret(runner, tmp_path):
    db = tmp_path / "k.db"
    _, secret = _create(runner, db, "alice", "--scope", "admin")
    K.touch(Store(db), "alice", "2026-12-07T10:00:00+00:00")
    r = runner.invoke(app, ["keys", "list", "--db", str(db)], terminal_width=200)
    assert r.exit_code == 0
    assert "alice" in r.stdout and "admin" in r.stdout and "2026-12-07T10:00:00" in r.stdout
    assert secret not in r.stdout and K.digest(secret) not in r.stdout


def test_revoke_refuses_the_key_from_then_on_and_keeps_the_name(runner, tmp_path):
    db = tmp_path / "k.db"
    _, secret = _create(runner, db, "alice")
    r = runner.invoke(app, ["keys", "revoke", "alice", "--db", str(db)])
    assert r.exit_code == 0 and "revoked" in r.stdout
    assert K.authenticate(Store(db), secret) is None
    again = runner.invoke(app, ["keys", "create", "alice", "--db", str(db)])
    assert again.exit_code == 1 and "was revoked" in again.stderr
    missing = runner.invoke(app, ["keys", "revoke", "bob", "--db", str(db)])
    assert missing.exit_code == 1 and "no key named 'bob'" in missing.stderr


@pytest.mark.parametrize("args, message", [
    (["alice", "--scope", "root"], "unknown scope 'root'"),
    (["bad name!"], "key name"),
])
def test_bad_create_is_one_error_and_writes_nothing(runner, tmp_path, args, message):
    db = tmp_path / "k.db"
    r = runner.invoke(app, ["keys", "create", *args, "--db", str(db)])
    assert r.exit_code == 1 and message in r.stderr and "Traceback" not in r.output
    assert K.list_keys(Store(db)) == []


def test_token_bucket_allows_a_burst_then_says_when_to_retry():
    now = [0.0]
    bucket = TokenBucket(rate=2.0, burst=3, clock=lambda: now[0])
    assert [bucket.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.take("a") == pytest.approx(0.5)
    assert bucket.take("b") == 0.0  # per key
    now[0] += 0.5
    assert bucket.take("a") == 0.0
    assert bucket.take("a") > 0


def test_v6_upgrade_adds_the_key_table_and_fills_provenance_from_paths(tmp_path):
    from sqlalchemy import text

    from storyline.records import Article, Extraction, StoryAssignment
    from storyline.store.schema import SCHEMA_VERSION

    db = tmp_path / "old.db"
    a = Article(id="f1", text="The council met on Monday.", path="https://news.example/feed.xml")
    Store(db).add_batch([(Extraction(a), StoryAssignment("f1", "s1"))], stories={"s1": {"versions": [{}]}})
    with Store(db).engine.begin() as conn:  # as storyline v5 left it
        conn.execute(text("DROP TABLE api_keys"))
        conn.execute(text("ALTER TABLE articles DROP COLUMN via"))
        conn.execute(text("UPDATE meta SET value = '5' WHERE key = 'schema_version'"))
    store = Store(db)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar_one() == str(SCHEMA_VERSION)
    assert store.article("f1", provenance=True)["provenance"]["via"] == "https://news.example/feed.xml"
    assert store.article("f1", provenance=True)["provenance"]["kind"] == "feed"
    assert K.create(store, "alice")[0].scope == "write"
