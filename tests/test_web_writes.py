"""POST /api/articles and DELETE /api/articles/{id}: keyed writes through the full pipeline,
refusals that write nothing (one error shape), provenance, and story rows kept consistent."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from storyline.store import Store
from storyline.store import keys as K
from storyline.web.app import create_app
from storyline.web.auth import Limits

BRIDGE = ("Mayor Helen Carter said on Monday that the Ouse bridge in York would reopen next week after "
          "three months of repairs. \"We are ready,\" Carter told reporters at the town hall. The council "
          "spent 4 million pounds on the work, officials said.")
BRIDGE_COPY = BRIDGE + " Traffic is expected to be light on the first day."
STRIKE = ("Dock workers in Rotterdam began a 48-hour strike on Tuesday over pay, the FNV union said, halting "
          "container traffic at Europe's largest port. Port authority spokesman Jan de Vries said 40 ships "
          "were waiting to unload.")


@pytest.fixture()
def env(tmp_path):
    db = tmp_path / "w.db"
    store = Store(db)
    secrets = {name: K.create(store, name, scope)[1]
               for name, scope in (("reader", "read"), ("alice", "write"), ("boss", "admin"))}
    _, gone = K.create(store, "gone", "write")
    K.revoke(store, "gone")
    secrets["gone"] = gone

    def client(**limits):
        return TestClient(create_app(db, Limits(**limits)))

    return store, secrets, client


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def nothing_written(store: Store) -> None:
    assert store.count_articles() == 0 and store.stories() == []
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM story_arrivals")).scalar_one() == 0
        assert conn.execute(text("SELECT count(*) FROM input_errors")).scalar_one() == 0


def test_post_stores_clusters_and_records_provenance(env):
    store, keys, client = env
    c = client()
    r = c.post("/api/articles", json={"id": "b1", "text": BRIDGE, "title": "Bridge to reopen",
                                      "published": "2026-12-01", "source": "Wire"}, headers=bearer(keys["alice"]))
    assert r.status_code == 201, r.text
    [placed] = r.json()["articles"]
    assert placed["id"] == "b1" and placed["status"] == "stored" and placed["story"]
    story = c.get(f"/api/stories/{placed['story']}").json()
    assert [a["id"] for a in story["articles"]] == ["b1"]
    assert any(q["speaker"] == "Helen Carter" for q in c.get("/api/quotes", params={"act": "all"}).json())
    art = c.get("/api/articles/b1").json()
    assert art["provenance"]["via"] == "key:alice" and art["provenance"]["kind"] == "post"
    assert art["provenance"]["ingested_at"].startswith("20")
    page = c.get("/article/b1").text
    assert "key:alice" in page and "by a post" in page


def test_posting_again_answers_200_and_stores_no_duplicate(env):
    store, keys, client = env
    c = client()
    body = {"id": "b1", "text": BRIDGE}
    first = c.post("/api/articles", json=body, headers=bearer(keys["alice"]))
    again = c.post("/api/articles", json=body, headers=bearer(keys["boss"]))
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["articles"][0]["status"] == "duplicate"
    assert again.json()["articles"][0]["story"] == first.json()["articles"][0]["story"]
    assert store.count_articles() == 1
    assert c.get("/api/articles/b1").json()["provenance"]["via"] == "key:alice"  # the first arrival stays


def test_a_list_is_one_request_and_each_article_is_placed(env):
    store, keys, client = env
    r = client().post("/api/articles", json=[{"id": "b1", "text": BRIDGE}, {"id": "s1", "text": STRIKE},
                                             {"id": "b1", "text": BRIDGE}], headers=bearer(keys["alice"]))
    assert r.status_code == 201
    got = [(a["id"], a["status"]) for a in r.json()["articles"]]
    assert got == [("b1", "stored"), ("s1", "stored"), ("b1", "duplicate")]
    stories = {a["id"]: a["story"] for a in r.json()["articles"]}
    assert stories["b1"] != stories["s1"]
    assert store.count_articles() == 2


def test_html_body_is_read_with_trafilatura_and_needs_its_url(env):
    store, keys, client = env
    c = client()
    html = (f"<html><head><title>Bridge to reopen</title></head><body><nav>Home | World</nav><article>"
            f"<h1>Bridge to reopen</h1><p>{BRIDGE}</p></article><footer>(c) Wire</footer></body></html>")
    missing = c.post("/api/articles", content=html, headers={**bearer(keys["alice"]), "Content-Type": "text/html"})
    assert missing.status_code == 422 and missing.json()["error"]["message"].startswith("url:")
    nothing_written(store)
    r = c.post("/api/articles", params={"url": "https://news.example/bridge"}, content=html.encode(),
               headers={**bearer(keys["alice"]), "Content-Type": "text/html; charset=utf-8"})
    assert r.status_code == 201, r.text
    art = c.get("/api/articles/https://news.example/bridge").json()
    assert "Ouse bridge" in art["text"] and "Home | World" not in art["text"]
    assert art["url"] == "https://news.example/bridge"


@pytest.mark.parametrize("headers, status, words", [
    ({}, 401, "an API key is required"),
    ({"Authorization": "Bearer sl_not-a-key"}, 401, "unknown or revoked"),
    ({"Authorization": "Basic YWxpY2U6eA=="}, 401, "unknown or revoked"),
    ("gone", 401, "unknown or revoked"),
    ("reader", 403, "scope read"),
])
def test_keys_are_checked_and_a_refusal_writes_nothing(env, headers, status, words):
    store, keys, client = env
    if isinstance(headers, str):
        headers = bearer(keys[headers])
    r = client().post("/api/articles", json={"id": "b1", "text": BRIDGE}, headers=headers)
    assert r.status_code == status
    assert set(r.json()) == {"error"} and r.json()["error"]["status"] == status
    assert words in r.json()["error"]["message"]
    if status == 401:
        assert r.headers["WWW-Authenticate"] == "Bearer"
    nothing_written(store)


@pytest.mark.parametrize("body, field", [
    (b'{"id": "b1", "text": ', "body: malformed JSON"),
    (b'{"id": "b1"}', "text: missing"),
    (b'{"text": "words words"}', "id: missing"),
    (b'{"id": "b1", "text": "   "}', "text: must be a non-empty string"),
    (b'{"id": "b1", "text": 7}', "text: must be a non-empty string"),
    (b'[{"id": "b1", "text": "fine text here"}, {"id": "b2"}]', "[1].text: missing"),
    (b'{"id": "b1", "text": "fine text here", "published": "yesterday"}', "published:"),
    (b'{"id": "b1", "text": "fine text here", "colour": "red"}', "colour: unknown field"),
    (b'[]', "body: an empty list"),
    (b'"just a string"', "body: an article must be a JSON object"),
    (b'\xff\xfe{}', "body: not UTF-8"),
])
def test_bad_bodies_are_422_naming_the_field_and_nothing_is_written(env, body, field):
    store, keys, client = env
    r = client().post("/api/articles", content=body,
                      headers={**bearer(keys["alice"]), "Content-Type": "application/json"})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["message"].startswith(field)
    nothing_written(store)


def test_other_media_types_are_415(env):
    store, keys, client = env
    r = client().post("/api/articles", content=b"id,text\n", headers={**bearer(keys["alice"]),
                                                                      "Content-Type": "text/csv"})
    assert r.status_code == 415 and r.json()["error"]["status"] == 415
    nothing_written(store)


def test_a_body_over_the_limit_is_413(env):
    store, keys, client = env
    c = client(max_body_bytes=1000)
    big = json.dumps({"id": "b1", "text": "word " * 400})
    r = c.post("/api/articles", content=big, headers={**bearer(keys["alice"]), "Content-Type": "application/json"})
    assert r.status_code == 413 and "over the limit of 1,000 bytes" in r.json()["error"]["message"]

    def chunks():  # no Content-Length: counted while it streams in
        for i in range(0, len(big), 100):
            yield big[i:i + 100].encode()

    r = c.post("/api/articles", content=chunks(), headers={**bearer(keys["alice"]), "Content-Type": "application/json"})
    assert r.status_code == 413
    nothing_written(store)
    assert c.post("/api/articles", json={"id": "b1", "text": BRIDGE[:300]},
                  headers=bearer(keys["alice"])).status_code == 201  # under the limit


def test_default_body_limit_is_10_mb():
    assert Limits().max_body_bytes == 10 * 1024 * 1024


def test_rate_limit_is_per_key_with_retry_after(env):
    store, keys, client = env
    c = client(rate=0.01, burst=2)
    codes = [c.delete("/api/articles/nope", headers=bearer(keys["boss"])).status_code for _ in range(3)]
    assert codes == [404, 404, 429]
    r = c.post("/api/articles", json={"id": "b1", "text": BRIDGE}, headers=bearer(keys["boss"]))
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
    assert r.json()["error"]["status"] == 429
    nothing_written(store)
    assert c.post("/api/articles", json={"id": "b1", "text": BRIDGE},
                  headers=bearer(keys["alice"])).status_code == 201  # another key has its own bucket


def test_delete_needs_admin_and_updates_the_story(env):
    store, keys, client = env
    c = client()
    r = c.post("/api/articles", json=[{"id": "b1", "text": BRIDGE, "title": "Bridge"},
                                      {"id": "b2", "text": BRIDGE_COPY, "title": "Bridge"},
                                      {"id": "s1", "text": STRIKE}], headers=bearer(keys["alice"]))
    placed = {a["id"]: a["story"] for a in r.json()["articles"]}
    assert placed["b1"] == placed["b2"] != placed["s1"]
    sid = placed["b1"]
    assert c.get(f"/api/stories/{sid}").json()["merged"]["versions"].__len__() == 2
    assert c.get("/api/articles/b2").json()["duplicate_of"] == "b1"

    assert c.delete("/api/articles/b1", headers=bearer(keys["alice"])).status_code == 403
    assert c.delete("/api/articles/b1").status_code == 401
    assert store.count_articles() == 3

    gone = c.delete("/api/articles/b1", headers=bearer(keys["boss"]))
    assert gone.status_code == 200
    assert gone.json() == {"id": "b1", "hash": gone.json()["hash"], "story": sid, "story_articles": 1,
                           "story_deleted": False}
    assert c.get("/api/articles/b1").status_code == 404
    story = c.get(f"/api/stories/{sid}").json()
    assert [a["id"] for a in story["articles"]] == ["b2"]
    assert [v["article_id"] for v in story["merged"]["versions"]] == ["b2"]
    assert [s["articles"] for s in c.get("/api/stories").json() if s["id"] == sid] == [1]
    assert c.get("/api/articles/b2").json()["duplicate_of"] is None  # its original is gone
    assert c.get("/api/search", params={"q": "Ouse"}).json()[0]["id"] == "b2"
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM attributions a JOIN articles r ON r.hash = a.article "
                                 "WHERE r.id = 'b1'")).scalar_one() == 0
        assert conn.execute(text("SELECT id FROM story_arrivals ORDER BY seq")).scalars().all() == ["b2", "s1"]

    last = c.delete("/api/articles/b2", headers=bearer(keys["boss"])).json()
    assert last["story_deleted"] is True and last["story_articles"] == 0
    assert c.get(f"/api/stories/{sid}").status_code == 404
    with store.engine.connect() as conn:
        live, keys_left = conn.execute(text("SELECT live, (SELECT count(*) FROM story_keys WHERE story = :s) "
                                            "FROM story_profiles WHERE id = :s"), {"s": sid}).one()
        assert not live and keys_left == 0  # out of the candidate index
    assert c.delete("/api/articles/b2", headers=bearer(keys["boss"])).status_code == 404
    again = c.post("/api/articles", json={"id": "b1", "text": BRIDGE}, headers=bearer(keys["alice"]))
    assert again.status_code == 201 and again.json()["articles"][0]["story"] != sid  # stored anew
    assert store.count_articles() == 2


def test_reads_are_open_unless_require_key(env):
    store, keys, client = env
    assert client().get("/api/stories").status_code == 200
    locked = client(require_key=True)
    r = locked.get("/api/stories")
    assert r.status_code == 401 and r.json()["error"]["status"] == 401
    assert locked.get("/", headers=bearer(keys["gone"])).status_code == 401
    assert locked.get("/api/stories", headers=bearer(keys["reader"])).status_code == 200
    assert locked.get("/add").status_code == 200  # where a key is entered


def test_openapi_documents_the_writes(env):
    _, _, client = env
    spec = client().get("/openapi.json").json()
    post = spec["paths"]["/api/articles"]["post"]
    assert {"application/json", "text/html"} <= set(post["requestBody"]["content"])
    assert {"201", "200", "401", "403", "413", "422", "429"} <= set(post["responses"])
    assert "delete" in spec["paths"]["/api/articles/{article_id}"]


def test_a_request_records_when_its_key_was_last_used(env):
    import time

    store, keys, client = env
    assert K.get(store, "alice").last_used_at is None
    client().get("/api/stories", headers=bearer(keys["alice"]))
    client(require_key=True).get("/api/stories", headers=bearer(keys["alice"]))
    deadline = time.time() + 10
    while K.get(store, "alice").last_used_at is None:
        assert time.time() < deadline
        time.sleep(0.05)
    assert K.get(store, "reader").last_used_at is None
