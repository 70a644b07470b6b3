"""Shared fixtures. Evaluation gates skip visibly without ../shared/data, and fail where CI=true."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from storyline.evaluation.common import data_root


@pytest.fixture(scope="session")
def nlp():
    from storyline.annotate.nlp import load

    return load()


@pytest.fixture(scope="session")
def shared_data():
    """The annotated data folder, or a skip (a failure where CI=true) when it is absent."""

    def get(sub: str) -> Path:
        path = data_root() / sub
        if not path.exists():
            msg = f"evaluation data not found at {path}: set STORYLINE_DATA to ../shared/data"
            if os.environ.get("CI") == "true":
                pytest.fail(msg)
            pytest.skip(msg)
        return path

    return get


SAMPLES = Path(__file__).resolve().parents[1] / "src" / "storyline" / "samples"


@pytest.fixture(scope="session")
def shared_sample() -> Path:
    """The real two-version wire report (bundled copy of ../shared/samples/000_...txt)."""
    return SAMPLES / "000_d82f11879fb1db06.txt"


@pytest.fixture(scope="session")
def sample_expected() -> dict:
    """What storyline must report for the sample (bundled copy of ../shared/samples/000_...expected.json)."""
    import json

    return json.loads((SAMPLES / "000_d82f11879fb1db06.expected.json").read_text(encoding="utf-8"))


@pytest.fixture()
def web_db(tmp_path) -> Path:
    """A store with one story of one article (two statements by Helen Carter), built without the model."""
    import datetime as dt

    from storyline.records import Article, Attribution, Entity, Extraction, StoryAssignment
    from storyline.store import Store

    text = 'Mayor Helen Carter said the bridge would reopen. "We are ready," Carter said.'
    db = tmp_path / "web.db"
    a = Article(id="bridge-1", text=text, title="Bridge <Reopens>", published=dt.date(2024, 6, 1), source="Wire")
    carter = Entity("e1", "Helen Carter", "PERSON", ((6, 18), (65, 71)))
    said = Attribution("indirect", ((24, 47),), (19, 23), (6, 18), "e1", "person")
    quote = Attribution("direct", ((50, 62),), (72, 76), (65, 71), "e1", "person")
    story = {"title": "Bridge <Reopens>", "start": "2024-06-01", "end": "2024-06-01", "versions": [{"id": "bridge-1"}],
             "summary": [{"text": "Mayor Helen Carter said the bridge would reopen.", "article": "bridge-1"}]}
    Store(db).add_batch([(Extraction(a, entities=(carter,), attributions=(said, quote)),
                          StoryAssignment("bridge-1", "s1"))], stories={"s1": story})
    return db


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A fresh, empty database: a SQLite file, and a database on the PostgreSQL server that
    .ci/run starts (STORYLINE_TEST_PG); without one the PostgreSQL case skips (fails where CI=true)."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    base = os.environ.get("STORYLINE_TEST_PG")
    if not base:
        msg = "no PostgreSQL server: set STORYLINE_TEST_PG (.ci/postgres.sh starts one)"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    import uuid

    from sqlalchemy import create_engine, text

    name = f"storyline_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield base.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
