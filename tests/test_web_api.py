"""The JSON API and pages over a store: shapes, highlighting, and one error shape everywhere."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from storyline.web.app import create_app

@pytest.fixture()
def client(web_db):
    return TestClient(create_app(web_db))


def test_api_lists_stories(client):
    r = client.get("/api/stories")
    assert r.status_code == 200
    assert r.json() == [{"id": "s1", "title": "Bridge <Reopens>", "articles": 1,
                         "first_published": "2024-06-01", "last_published": "2024-06-01"}]


def test_api_story_has_merged_record_and_articles(client):
    body = client.get("/api/stories/s1").json()
    assert body["merged"]["title"] == "Bridge <Reopens>"
    assert [a["id"] for a in body["articles"]] == ["bridge-1"]


def test_api_quotes_by_speaker(client):
    rows = client.get("/api/quotes", params={"speaker": "carter"}).json()
    assert [(q["speaker"], q["cue"], q["content"]) for q in rows] == [
        ("Helen Carter", "said", "the bridge would reopen"), ("Helen Carter", "said", "We are ready")]
    assert client.get("/api/quotes", params={"about": "ready"}).json()[0]["kind"] == "direct"


@pytest.mark.parametrize("url, status", [
    ("/api/stories/nope", 404), ("/api/articles/nope", 404), ("/api/search", 400),
    ("/api/stories?limit=0", 400), ("/story/nope", 404), ("/no/such/page", 404),
])
def test_one_error_shape(client, url, status):
    r = client.get(url)
    assert r.status_code == status
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status and body["error"]["message"]


def test_story_page_highlights_facts_and_escapes_html(client):
    html = client.get("/story/s1").text
    assert "Bridge &lt;Reopens&gt;" in html and "<Reopens>" not in html
    assert '<span class="cue" title="cue of #0">said</span>' in html
    assert 'class="content"' in html and "We are ready" in html
    assert "Mayor Helen Carter said the bridge would reopen." in html  # summary


@pytest.mark.parametrize("url, needle", [
    ("/", "/story/s1"), ("/article/bridge-1", "Helen Carter"), ("/quotes?speaker=Carter", "We are ready"),
    ("/entity?name=Helen%20Carter", "the bridge would reopen"), ("/timeline", "2024-06-01"),
    ("/search?q=bridge", "/article/bridge-1"),
])
def test_pages_render(client, url, needle):
    r = client.get(url)
    assert r.status_code == 200 and needle in r.text


def test_openapi_lists_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/quotes", "/api/events", "/api/search"} <= set(paths)


def test_links_to_ids_with_hash_signs_are_encoded(tmp_path, shared_sample):
    from storyline import jobs
    from storyline.store import Store

    db = tmp_path / "s.db"
    jobs.ingest([shared_sample], Store(db))
    c = TestClient(create_app(db))
    home = c.get("/").text
    story = home.split('href="/story/')[1].split('"')[0]
    page = c.get(f"/story/{story}").text
    assert 'href="/article/000_d82f11879fb1db06.txt%232"' in page
    r = c.get("/article/000_d82f11879fb1db06.txt%232")
    assert r.status_code == 200 and "Zelensky Discusses with Macron" in r.text
