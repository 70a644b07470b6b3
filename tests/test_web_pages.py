"""Pages from templates: untrusted text is inert everywhere; the add page's session cookie and
CSRF tokens."""
from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from storyline.records import Article, Attribution, Entity, Extraction, StoryAssignment
from storyline.store import Store
from storyline.store import keys as K
from storyline.web.app import create_app
from storyline.web.highlight import highlight_html

EVIL = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
BRIDGE = ("Mayor Helen Carter said on Monday that the Ouse bridge in York would reopen next week after "
          "three months of repairs. \"We are ready,\" Carter told reporters at the town hall.")


@pytest.fixture()
def evil_db(tmp_path):
    """A stored article whose title, source, text, speaker and quote all carry markup."""
    text = f'Mayor {EVIL} said the bridge would reopen. "{EVIL} ready," he said.'
    who = (6, 6 + len(EVIL))
    said = text.index("said")
    content = (text.index("the bridge"), text.index(" would reopen") + len(" would reopen"))
    quote = (text.index('"') + 1, text.rindex('"'))
    a = Article(id=f"x{EVIL}", text=text, title=f"T{EVIL}", published=dt.date(2024, 6, 1), source=f"S{EVIL}")
    ent = Entity("e1", f"N{EVIL}", "PERSON", (who,))
    x1 = Attribution("indirect", (content,), (said, said + 4), who, "e1", "person")
    x2 = Attribution("direct", (quote,), (text.rindex("said"), text.rindex("said") + 4), None, None, "unnamed")
    story = {"title": f"T{EVIL}", "start": "2024-06-01", "end": "2024-06-01", "versions": [{"id": a.id}],
             "summary": [{"text": f"summary {EVIL}", "article": a.id}]}
    db = tmp_path / "evil.db"
    Store(db).add_batch([(Extraction(a, entities=(ent,), attributions=(x1, x2)), StoryAssignment(a.id, "s1"))],
                        stories={"s1": story})
    return db


EVIL_ID = "x%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E%3Cimg%20src%3Dx%20onerror%3D%22window.__xss%3D2%22%3E"
PAGES = ["/", "/story/s1", f"/article/{EVIL_ID}", "/article/x%3Cscript%3E", "/quotes?act=all", "/quotes?speaker=%3Cscript%3E",
         "/entity?name=N%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E", "/timeline", "/search?q=bridge",
         "/add", "/search?q=%3Cscript%3E"]


class Tags(HTMLParser):
    """Every element the browser would build, with its attributes."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("url", PAGES)
def test_untrusted_text_is_inert_on_every_page(evil_db, url):
    c = TestClient(create_app(evil_db))
    r = c.get(url)
    if r.status_code != 200:  # 404 / a search that is no FTS query: the JSON error shape, never HTML
        assert r.status_code in (400, 404) and r.headers["content-type"] == "application/json"
        assert set(r.json()) == {"error"}
        return
    assert r.headers["content-type"].startswith("text/html")
    tags = Tags(r.text).tags
    assert not [t for t, _ in tags if t in ("script", "img", "iframe", "object")]
    assert not [(t, a) for t, a in tags for k in a if k.startswith("on")]
    assert not [a for _, a in tags if str(a.get("href", "")).lower().startswith("javascript:")]


def test_story_and_article_pages_show_the_escaped_text(evil_db):
    c = TestClient(create_app(evil_db))
    article = c.get(f"/article/{EVIL_ID}")
    assert article.status_code == 200
    html = c.get("/story/s1").text + article.text
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "summary &lt;script&gt;" in html and "T&lt;script&gt;" in html


def test_highlight_escapes_text_and_tooltips():
    rec = {"text": f"A {EVIL} B", "entities": [{"id": "e1", "name": f"N{EVIL}", "type": "PERSON",
                                                 "mentions": [[2, 2 + len(EVIL)]]}]}
    html = highlight_html(rec)
    assert "<script" not in html and "<img" not in html
    assert html.startswith('A <span class="ent" title="N&lt;script&gt;')


@pytest.fixture()
def add_env(tmp_path):
    db = tmp_path / "a.db"
    store = Store(db)
    _, secret = K.create(store, "alice", "write")
    _, reader = K.create(store, "reader", "read")
    return store, TestClient(create_app(db)), secret, reader


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html)[1]


def test_entering_a_key_sets_an_httponly_strict_session_cookie(add_env):
    store, c, secret, _ = add_env
    page = c.get("/add")
    assert 'id="key-form"' in page.text
    pre = page.headers["set-cookie"]
    assert "storyline_csrf=" in pre and "HttpOnly" in pre and "SameSite=strict" in pre
    r = c.post("/add/key", data={"key": secret, "csrf": _csrf(page.text)}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/add"
    cookie = [h for h in r.headers.get_list("set-cookie") if h.startswith("storyline_session=")][0]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    assert secret not in cookie  # the cookie names a server-side session, not the key
    form = c.get("/add").text
    assert 'id="article-form"' in form and "alice" in form and secret not in form


def test_forms_without_their_csrf_token_are_refused_and_write_nothing(add_env):
    store, c, secret, _ = add_env
    page = c.get("/add")
    token = _csrf(page.text)
    assert c.post("/add/key", data={"key": secret}).status_code == 403
    assert c.post("/add/key", data={"key": secret, "csrf": token + "x"}).status_code == 403
    assert c.post("/add/key", data={"key": secret, "csrf": token}, follow_redirects=False).status_code == 303
    form_token = _csrf(c.get("/add").text)
    for data in ({"text": BRIDGE}, {"text": BRIDGE, "csrf": token}, {"text": BRIDGE, "csrf": ""}):
        r = c.post("/add", data=data, follow_redirects=False)
        assert r.status_code == 403 and r.json()["error"]["status"] == 403
    assert store.count_articles() == 0
    r = c.post("/add", data={"text": BRIDGE, "title": "Bridge", "csrf": form_token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/story/s")
    assert store.count_articles() == 1
    [hit] = store.search("Ouse")
    assert store.article(hit["id"], provenance=True)["provenance"]["via"] == "key:alice"


def test_the_add_page_refuses_bad_keys_and_a_read_key(add_env):
    store, c, secret, reader = add_env
    token = _csrf(c.get("/add").text)
    assert c.post("/add/key", data={"key": "sl_nope", "csrf": token}).status_code == 401
    assert c.post("/add/key", data={"key": reader, "csrf": token}).status_code == 403
    assert c.post("/add", data={"text": BRIDGE, "csrf": token}).status_code == 401  # no session
    assert store.count_articles() == 0


def test_a_revoked_key_ends_its_session(add_env):
    store, c, secret, _ = add_env
    token = _csrf(c.get("/add").text)
    c.post("/add/key", data={"key": secret, "csrf": token})
    form_token = _csrf(c.get("/add").text)
    K.revoke(store, "alice")
    assert 'id="key-form"' in c.get("/add").text
    assert c.post("/add", data={"text": BRIDGE, "csrf": form_token}).status_code == 401
    assert store.count_articles() == 0


def test_pasted_html_needs_its_url_and_bad_input_is_422(add_env):
    store, c, secret, _ = add_env
    c.post("/add/key", data={"key": secret, "csrf": _csrf(c.get("/add").text)})
    token = _csrf(c.get("/add").text)
    html = f"<html><body><article><h1>Bridge</h1><p>{BRIDGE}</p></article></body></html>"
    r = c.post("/add", data={"text": html, "html": "1", "csrf": token})
    assert r.status_code == 422 and r.json()["error"]["message"].startswith("url:")
    assert c.post("/add", data={"text": "  ", "csrf": token}).status_code == 422
    assert c.post("/add", data={"text": BRIDGE, "published": "soon", "csrf": token}).status_code == 422
    assert store.count_articles() == 0
    r = c.post("/add", data={"text": html, "html": "1", "url": "https://news.example/b", "csrf": token},
               follow_redirects=False)
    assert r.status_code == 303
    assert store.article("https://news.example/b")["url"] == "https://news.example/b"
