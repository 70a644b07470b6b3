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
