"""Parquet export: typed flat tables that join on article_id and carry the text of every span."""
from __future__ import annotations

import datetime as dt

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.records import (Actor, Article, Attribution, Count, DateValue, Entity, Event,
                               Extraction, Place, StoryAssignment)
from storyline.store import Store
from storyline.store.parquet import SCHEMAS, write_parquet

TEXT = ("Police in Eastport said three protesters were arrested on Thursday near the harbour gate. "
        "\"We will return,\" Anna Lind said.")


def _at(part: str) -> tuple[int, int]:
    i = TEXT.index(part)
    return (i, i + len(part))


def _extraction(id_: str = "strike-1", text: str = TEXT) -> Extraction:
    a = Article(id=id_, text=text, title="Strike", published=dt.date(2024, 6, 14), source="Daily")
    police = Entity("e1", "Police", "ORG", (_at("Police"),))
    lind = Entity("e2", "Anna Lind", "PERSON", (_at("Anna Lind"),))
    claim = Attribution("indirect", (_at("three protesters were arrested on Thursday near the harbour gate"),),
                        _at("said"), _at("Police in Eastport"), "e1", "government")
    last_said = (TEXT.rindex("said"), TEXT.rindex("said") + 4)
    quote = Attribution("direct", (_at("We will return,"),), last_said, _at("Anna Lind"), "e2", "person")
    arrest = Event("COERCE", _at("arrested"), mode="arrest", actor=(Actor("Police", "e1", _at("Police")),),
                   recipient=(Actor("three protesters", None, _at("three protesters")),), place=0, date=0)
    place = Place(_at("Eastport"), "Eastport", 123, "USA", 1.0, 2.0)
    count = Count(3, "exact", "protesters", _at("three protesters"), "arrested")
    date = DateValue(_at("on Thursday"), "on Thursday", "2024-06-13", False)
    return Extraction(a, entities=(police, lind), attributions=(claim, quote), events=(arrest,),
                      counts=(count,), dates=(date,), places=(place,))


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "p.db")
    s.add_batch([(_extraction(), StoryAssignment("strike-1", "s1")),
                 (Extraction(Article(id="bare", text="Nothing happened here.")), StoryAssignment("bare", "s2"))])
    return s


def test_every_table_is_written_with_its_schema(store, tmp_path):
    out = tmp_path / "pq"
    assert write_parquet(store.articles(), out) == 2
    for name, schema in SCHEMAS.items():
        table = pq.read_table(out / f"{name}.parquet")
        assert table.schema.equals(schema), name


@pytest.mark.parametrize("table, rows, checks", [
    ("articles", 2, {"id": ["strike-1", "bare"], "story": ["s1", "s2"], "n_attributions": [2, 0]}),
    ("entities", 2, {"name": ["Police", "Anna Lind"], "article_id": ["strike-1", "strike-1"]}),
    ("attributions", 2, {"kind": ["indirect", "direct"], "source_text": ["Police in Eastport", "Anna Lind"],
                         "source_entity_name": ["Police", "Anna Lind"], "cue_text": ["said", "said"],
                         "content_text": ["three protesters were arrested on Thursday near the harbour gate",
                                          "We will return,"]}),
    ("events", 1, {"type": ["COERCE"], "trigger_text": ["arrested"], "actor_text": ["Police"],
                   "actor_entity": ["e1"], "recipient_entity": [None], "place": [0], "date": [0]}),
    ("counts", 1, {"value": [3.0], "object": ["protesters"], "text": ["three protesters"], "story": ["s1"]}),
    ("dates", 1, {"value": ["2024-06-13"], "text": ["on Thursday"], "relative": [False]}),
    ("places", 1, {"geonameid": [123], "country": ["USA"], "text": ["Eastport"]}),
])
def test_rows_hold_the_facts_and_their_text(store, tmp_path, table, rows, checks):
    write_parquet(store.articles(), tmp_path / "pq")
    data = pq.read_table(tmp_path / "pq" / f"{table}.parquet").to_pydict()
    assert len(next(iter(data.values()))) == rows
    for column, expected in checks.items():
        assert data[column] == expected, column


def test_an_empty_store_writes_typed_empty_tables(tmp_path):
    assert write_parquet(Store(tmp_path / "e.db").articles(), tmp_path / "pq") == 0
    table = pq.read_table(tmp_path / "pq" / "attributions.parquet")
    assert table.num_rows == 0 and table.schema.equals(SCHEMAS["attributions"])


def test_large_exports_are_written_in_batches(tmp_path, monkeypatch):
    import storyline.store.parquet as mod

    monkeypatch.setattr(mod, "BATCH_ROWS", 2)
    recs = [{"id": f"a{i}", "story": "s1", "text": "x", "entities": [
        {"id": "e1", "name": "X", "type": "ORG", "mentions": [[0, 1]]}]} for i in range(5)]
    assert write_parquet(recs, tmp_path / "pq") == 5
    pf = pq.ParquetFile(tmp_path / "pq" / "entities.parquet")
    assert pf.metadata.num_rows == 5 and pf.metadata.num_row_groups == 3


def test_cli_parquet_needs_a_folder_and_writes_it(store, tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "p.db")
    res = runner.invoke(app, ["export", "--db", db, "--format", "parquet"])
    assert res.exit_code == 1 and "--output FOLDER" in res.output
    (tmp_path / "file.txt").write_text("x")
    res = runner.invoke(app, ["export", "--db", db, "--format", "parquet", "-o", str(tmp_path / "file.txt")])
    assert res.exit_code == 1
    res = runner.invoke(app, ["export", "--db", db, "--format", "parquet", "-o", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert pq.read_table(tmp_path / "out" / "articles.parquet").num_rows == 2
