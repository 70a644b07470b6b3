"""A real `storyline serve` process under concurrent writes: 20 clients posting at once while a
`storyline ingest` process writes into the same store (SQLite, and PostgreSQL when
STORYLINE_TEST_PG is set) — every article stored exactly once and in a story. And the body
limit on the wire: refused before the body is sent whole."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import text

from storyline.evaluation.synthetic import synthetic_stream
from storyline.store import Store
from storyline.store import keys as K

STORYLINE = [sys.executable, "-m", "storyline"]
CLIENTS = 20


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(db: str, *extra: str):
    port = _port()
    proc = subprocess.Popen([*STORYLINE, "serve", "--db", db, "--port", str(port), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/api/stories", timeout=5):
                return proc, base, port
        except OSError:
            if proc.poll() is not None:
                raise AssertionError(proc.stderr.read().decode()[-2000:])
            assert time.time() < deadline, "the server did not start"
            time.sleep(0.2)


def _stop(proc) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


def _post(base: str, secret: str, body) -> tuple[int, dict]:
    req = urllib.request.Request(f"{base}/api/articles", data=json.dumps(body).encode(), method="POST",
                                 headers={"Authorization": f"Bearer {secret}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=300) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def _record(a) -> dict:
    return {"id": a.id, "text": a.text, "title": a.title, "published": a.published.isoformat(), "source": a.source}


def test_twenty_clients_post_while_the_cli_ingests(store_url, tmp_path):
    exs, _ = synthetic_stream(10, 4, seed=21, words=120)
    arts = [_record(ex.article) for ex in exs]  # 40 articles, 10 events
    posted, shared, cli_only = arts[:CLIENTS], arts[CLIENTS], arts[CLIENTS + 1:]
    feed = tmp_path / "cli.jsonl"  # the CLI also ingests 5 of the posted articles
    feed.write_text("".join(json.dumps(a) + "\n" for a in arts[CLIENTS - 5:CLIENTS] + cli_only), encoding="utf-8")

    store = Store(store_url)
    _, secret = K.create(store, "team", "write")
    proc, base, _ = _start_server(store_url, "--rate", "1000", "--burst", "1000")
    try:
        cli = subprocess.Popen([*STORYLINE, "ingest", str(feed), "--db", store_url, "--batch-size", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        results: dict[int, list] = {}
        go = threading.Barrier(CLIENTS)

        def client(i: int) -> None:
            go.wait()
            results[i] = [_post(base, secret, posted[i]), _post(base, secret, shared)]

        threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(600)
        out, err = cli.communicate(timeout=600)
        assert cli.returncode == 0, err.decode()[-2000:]
    finally:
        _stop(proc)

    assert len(results) == CLIENTS
    for i, ((code, body), (code2, body2)) in results.items():
        assert code in (200, 201), body  # 200: the CLI stored it first
        assert body["articles"][0]["id"] == posted[i]["id"] and body["articles"][0]["story"]
        assert code2 in (200, 201) and body2["articles"][0]["story"]
    assert sum(r[1][0] == 201 for r in results.values()) == 1  # the shared article: stored once, by one
    assert all(r[0][0] == 201 for i, r in results.items() if i < CLIENTS - 5)

    engine = Store(store_url).engine
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, story, via FROM articles")).all()
        assert sorted(r[0] for r in rows) == sorted(a["id"] for a in arts)  # each exactly once
        assert all(r[1] for r in rows)  # each in a story
        stories = dict(conn.execute(text("SELECT id, articles FROM stories")).all())
        per_story: dict[str, int] = {}
        for _, sid, _ in rows:
            per_story[sid] = per_story.get(sid, 0) + 1
        assert stories == per_story  # the story rows agree with the articles
        assert conn.execute(text("SELECT count(*) FROM story_arrivals")).scalar_one() == len(arts)
        via = {r[0]: r[2] for r in rows}
    engine.dispose()
    assert all(via[a["id"]] == "key:team" for a in posted[:CLIENTS - 5])
    assert all(via[a["id"]] == str(feed) for a in cli_only)
    # rewrites of one event end in one story however they arrived
    by_event: dict[str, set] = {}
    story_of = {r[0]: r[1] for r in rows}
    for ex, a in zip(exs, arts):
        by_event.setdefault(a["id"].rsplit("-", 1)[0], set()).add(story_of[a["id"]])
    assert len(set().union(*by_event.values())) <= len(by_event) + 3


@pytest.fixture(scope="module")
def small_server(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("wire") / "w.db")
    store = Store(db)
    _, secret = K.create(store, "alice", "write")
    proc, base, port = _start_server(db, "--max-body", "64kB")
    yield store, secret, port
    _stop(proc)


def _raw(port: int, head: str, body_parts: list[bytes]) -> tuple[bytes, int]:
    """Send a request head and body parts, and read the answer once it comes; returns it with
    how many parts were sent before the answer arrived."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(head.encode())
        sent = 0
        s.setblocking(False)
        answer = b""
        for part in body_parts:
            try:
                answer += s.recv(65536)
            except BlockingIOError:
                pass
            if answer:
                break
            try:
                s.sendall(part)
            except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                break
            sent += 1
            time.sleep(0.01)
        s.setblocking(True)
        s.settimeout(30)
        while b"\r\n\r\n" not in answer:
            chunk = s.recv(65536)
            if not chunk:
                break
            answer += chunk
        return answer, sent


def test_a_declared_length_over_the_limit_is_refused_before_the_body_is_sent(small_server):
    store, secret, port = small_server
    head = (f"POST /api/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {secret}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {500 * 1024 * 1024}\r\n\r\n")
    answer, sent = _raw(port, head, [b"x" * 65536] * 8000)  # 500 MB would take a while: it is never needed
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 100
    assert store.count_articles() == 0


def test_a_chunked_body_is_counted_while_it_streams_in(small_server):
    store, secret, port = small_server
    head = (f"POST /api/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {secret}\r\n"
            f"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"%x\r\n%s\r\n" % (16384, b"y" * 16384)
    answer, sent = _raw(port, head, [chunk] * 4000)  # 64 MB offered; the limit is 64 kB
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 400
    assert store.count_articles() == 0
