"""The pages rendered by a real headless Chromium against a live server on localhost."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time

import pytest
import uvicorn

from storyline.web.app import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture()
def server(web_db, tmp_path):
    if CHROMIUM is None:
        msg = "Chromium not installed (Debian packages chromium, chromium-driver; .ci/run installs them)"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 10
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(5)


def dom(url: str, tmp_path) -> str:
    out = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", url],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def test_story_page_in_chromium_shows_versions_with_highlights(server, tmp_path):
    html = dom(f"{server}/story/s1", tmp_path)
    assert '<div class="version">' in html
    assert '<span class="cue" title="cue of #0">said</span>' in html
    assert "Bridge &lt;Reopens&gt;" in html


def test_quotes_page_in_chromium(server, tmp_path):
    html = dom(f"{server}/quotes?speaker=Carter", tmp_path)
    assert "We are ready" in html and "Helen Carter" in html


# ---- the add page, driven through chromedriver (W3C WebDriver over HTTP; no Selenium) --------
CHROMEDRIVER = shutil.which("chromedriver")
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


class Browser:
    """The few WebDriver commands the add page needs."""

    def __init__(self, base: str, session: str):
        self.base, self.session = base, session

    def call(self, method: str, path: str, body: dict | None = None):
        import json
        import urllib.request

        req = urllib.request.Request(f"{self.base}/session/{self.session}{path}", method=method,
                                     data=json.dumps(body or {}).encode() if method == "POST" else None,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.loads(r.read())["value"]

    def go(self, url: str) -> None:
        self.call("POST", "/url", {"url": url})

    def find(self, css: str) -> str:
        return self.call("POST", "/element", {"using": "css selector", "value": css})[ELEMENT]

    def type(self, css: str, text: str) -> None:
        self.call("POST", f"/element/{self.find(css)}/value", {"text": text})

    def click(self, css: str) -> None:
        self.call("POST", f"/element/{self.find(css)}/click")

    def js(self, script: str, *args):
        return self.call("POST", "/execute/sync", {"script": script, "args": list(args)})

    @property
    def url(self) -> str:
        return self.call("GET", "/url")

    def wait_for(self, part: str, timeout: float = 60) -> str:
        """The page's URL once it holds ``part`` (a form's answer can take the pipeline's time)."""
        deadline = time.time() + timeout
        while part not in self.url:
            assert time.time() < deadline, f"still at {self.url}: {self.source[-500:]}"
            time.sleep(0.2)
        return self.url

    @property
    def source(self) -> str:
        return self.call("GET", "/source")

    def cookies(self) -> list[dict]:
        return self.call("GET", "/cookie")


@pytest.fixture()
def browser(server, tmp_path):
    import json
    import urllib.request

    if CHROMEDRIVER is None:
        msg = "chromedriver not installed (Debian package chromium-driver; .ci/run installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 20
        while True:
            try:
                with urllib.request.urlopen(f"{base}/status", timeout=2) as r:
                    if json.loads(r.read())["value"]["ready"]:
                        break
            except OSError:
                pass
            assert time.time() < deadline, "chromedriver did not start"
            time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": CHROMIUM, "args": [*FLAGS, f"--user-data-dir={tmp_path / 'wd-profile'}"]}}}}
        req = urllib.request.Request(f"{base}/session", data=json.dumps(caps).encode(),
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            session = json.loads(r.read())["value"]["sessionId"]
        b = Browser(base, session)
        yield b
        try:
            b.call("DELETE", "")
        except OSError:
            pass
    finally:
        proc.terminate()
        proc.wait(10)


ARTICLE = ('Mayor Helen Carter said on Monday that the Ouse bridge in York would reopen next week. '
           '"We are ready," Carter told reporters. <script>window.__xss=1</script>'
           '<img src=x onerror="window.__xss=2"> The council spent 4 million pounds on repairs.')


def test_add_page_in_chromium_enters_a_key_then_lands_on_the_story(browser, server, web_db):
    from storyline.store import Store
    from storyline.store import keys as K

    store = Store(web_db)
    _, secret = K.create(store, "newsroom", "write")
    browser.go(f"{server}/add")
    browser.type("#key", secret)
    browser.click("#key-form button")
    deadline = time.time() + 30
    while 'id="article-form"' not in browser.source:
        assert time.time() < deadline, browser.source[-500:]
        time.sleep(0.2)
    assert browser.url == f"{server}/add"
    assert "newsroom" in browser.source and 'id="article-form"' in browser.source
    session = [c for c in browser.cookies() if c["name"] == "storyline_session"]
    assert len(session) == 1 and session[0]["httpOnly"] is True and session[0]["sameSite"] == "Strict"
    assert "storyline_session" not in browser.js("return document.cookie")  # out of reach of scripts
    assert secret not in session[0]["value"]

    browser.js("document.getElementById('text').value = arguments[0];", ARTICLE)
    browser.type("#title", "Bridge <b>to</b> reopen")
    browser.click("#article-form button[type=submit]")
    story = browser.wait_for("/story/s").rsplit("/", 1)[1]
    html = browser.source
    assert "Bridge &lt;b&gt;to&lt;/b&gt; reopen" in html
    assert browser.js("return window.__xss === undefined") is True
    assert browser.js("return document.querySelectorAll('.version script, .version img').length") == 0
    added = [a for a in store.articles(story=story) if a["title"] == "Bridge <b>to</b> reopen"]
    assert len(added) == 1 and store.article(added[0]["id"], provenance=True)["provenance"]["via"] == "key:newsroom"


def test_add_form_posted_from_another_origin_is_refused(browser, server, web_db):
    """A page elsewhere that posts to /add: no session cookie goes with it (SameSite=Strict) and
    it has no CSRF token, so nothing is stored."""
    from storyline.store import Store
    from storyline.store import keys as K

    store = Store(web_db)
    _, secret = K.create(store, "newsroom", "write")
    browser.go(f"{server}/add")
    browser.type("#key", secret)
    browser.click("#key-form button")
    deadline = time.time() + 30
    while 'id="article-form"' not in browser.source:  # the session is open before the forgery
        assert time.time() < deadline
        time.sleep(0.2)
    before = store.count_articles()
    evil = ("data:text/html,<form id=f method=post action='" + server + "/add'>"
            "<input name=text value='Forged article text about the bridge and the mayor.'></form>"
            "<script>document.getElementById('f').submit()</script>")
    browser.go(evil)
    deadline = time.time() + 30
    while '"status":40' not in browser.source.replace(" ", ""):  # 401 or 403, the JSON error shape
        assert time.time() < deadline, browser.source[-500:]
        time.sleep(0.2)
    assert store.count_articles() == before
