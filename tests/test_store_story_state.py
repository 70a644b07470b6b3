"""The story clustering state as rows: same decisions as in memory, later runs keep matching,
bounded caches, no code-executing format, and an old store is upgraded without reading its blob."""
from __future__ import annotations

import datetime as dt
import pickle
from dataclasses import replace

import pytest
from sqlalchemy import text
from test_stories_cluster import FOOTBALL, QUAKE_1, QUAKE_2, QUAKE_OTHER, ext, ferry

from storyline import jobs
from storyline.errors import StoreError
from storyline.evaluation.synthetic import synthetic_stream
from storyline.store import Store
from storyline.store.story_state import WorkingSet
from storyline.stories import ClusterConfig, StoryClusterer
from storyline.stories.profile import (member_from_json, member_to_json, norms_from_json, norms_to_json,
                                       profile_from_json, profile_to_json)

CFG = ClusterConfig(today=dt.date(2024, 6, 1))


def _partition(store: Store) -> dict[str, str]:
    return {r["id"]: r["story"] for r in store.articles()}


def _memory(items, config=CFG) -> dict[str, str]:
    cl = StoryClusterer(config)
    for e in items:
        cl.add(e)
    return {e.article.id: cl.story_of[e.article.id] for e in items}


def test_a_later_run_on_the_store_keeps_matching(store_url):
    store = Store(store_url)
    jobs.store_extractions([ext("a", QUAKE_1), ext("f", FOOTBALL)], store, config=CFG)
    later = Store(store_url)  # another process: nothing in memory but the store's rows
    copy = replace(ext("copy", QUAKE_1), article=replace(ext("copy", QUAKE_1).article, title="Copy"))
    jobs.store_extractions([copy, ext("rw", QUAKE_2), ext("new", QUAKE_OTHER)], later, config=CFG)
    got = _partition(later)
    assert later.article("copy")["duplicate_of"] == "a"
    assert got["copy"] == got["rw"] == got["a"] != got["f"]
    assert got["new"] not in {got["a"], got["f"]}


@pytest.mark.parametrize("batch_size", [1, 7, 64])
def test_the_store_decides_as_the_memory_clusterer(tmp_path, batch_size):
    exts, _ = synthetic_stream(40, 4, seed=3, events_per_day=3)  # 13 days: stories retire by date
    undated = [replace(e, article=replace(e.article, id=f"u{i}", published=None, text=e.article.text + " Undated."))
               for i, e in enumerate(exts[:30])]
    items = exts + undated + [ferry(ev, i) for i in range(4) for ev in "AB"]  # and a split
    store = Store(tmp_path / "s.db")
    config = replace(CFG, window_days=5, window_articles=60)
    jobs.store_extractions(items, store, batch_size=batch_size, config=config)
    assert _partition(store) == _memory(items, config)


def test_capped_postings_read_from_the_store_are_the_newest_as_in_memory(tmp_path):
    """The store reads a key's newest ``posting_cap`` postings only (a LIMITed index walk):
    the same stories the memory clusterer keeps, so the same decisions."""
    exts, _ = synthetic_stream(40, 4, seed=7, events_per_day=8)
    store = Store(tmp_path / "s.db")
    config = replace(CFG, posting_cap=2)
    jobs.store_extractions(exts, store, batch_size=16, config=config)
    assert _partition(store) == _memory(exts, config)
    with store.engine.connect() as conn:
        key, n = conn.execute(text("SELECT key, count(*) FROM story_keys GROUP BY key "
                                   "ORDER BY count(*) DESC, key LIMIT 1")).one()
        newest = conn.execute(text("SELECT story FROM story_keys WHERE key = :k ORDER BY posted DESC LIMIT 2"),
                              {"k": key}).scalars().all()
    assert n > 2  # the cap bites on this key
    with store.story_session(WorkingSet(), config) as session:
        got = session.state.posted([key, "t:no-such-key"], exts[-1].article.published)
    assert got == {key: newest[::-1]}  # the two newest postings, oldest first


def test_a_version_3_store_gets_the_newest_postings_index(tmp_path):
    store = Store(tmp_path / "v3.db")
    jobs.store_extractions([ext("a", QUAKE_1)], store, config=CFG)
    with store.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_story_keys_walk"))
        conn.execute(text("CREATE INDEX ix_story_keys_key_last ON story_keys (key, last_day)"))
        conn.execute(text("UPDATE meta SET value = '3' WHERE key = 'schema_version'"))
    store.engine.dispose()
    store = Store(tmp_path / "v3.db")
    with store.engine.connect() as conn:
        names = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index' "
                                      "AND tbl_name = 'story_keys'")).scalars())
    assert "ix_story_keys_walk" in names and not names & {"ix_story_keys_key_last", "ix_story_keys_key_posted"}
    jobs.store_extractions([ext("b", QUAKE_2)], store, config=CFG)
    assert _partition(store)["a"] == _partition(store)["b"]


def test_a_small_working_set_reads_older_stories_back_from_the_store(tmp_path):
    exts, _ = synthetic_stream(30, 4, seed=5)
    store = Store(tmp_path / "w.db")
    working = WorkingSet(stories=3, members=10, df=50)
    jobs.store_extractions(exts, store, batch_size=16, config=CFG, working=working)
    assert len(working.stories) <= 3 and len(working.members) <= 10
    assert all(len(c) <= 50 for c in working.df.values())
    assert _partition(store) == _memory(exts)


def test_a_batch_writes_only_the_stories_it_changed(tmp_path):
    exts, _ = synthetic_stream(60, 3, seed=9)
    store = Store(tmp_path / "v.db")
    jobs.store_extractions(exts, store, batch_size=64, config=CFG)
    e = exts[-1]
    late = replace(e, article=replace(e.article, id="late", text=e.article.text + " An update."))
    jobs.store_extractions([late], store, config=CFG)
    with store.engine.connect() as conn:
        version = conn.execute(text("SELECT value FROM story_counters WHERE name = 'version'")).scalar_one()
        rewritten = conn.execute(text("SELECT id FROM story_profiles WHERE version = :v"), {"v": version}).scalars().all()
        stories = conn.execute(text("SELECT count(*) FROM story_profiles")).scalar_one()
    assert rewritten == [_partition(store)["late"]] and stories > 50


def test_refreshed_norms_are_written_apart_and_read_back(tmp_path):
    """A norm refresh (document frequencies drifted) rewrites the small ``story_norms`` row,
    not the profile: most of a batch's writes once the window is full, before this."""
    exts, _ = synthetic_stream(10, 3, seed=4)
    store = Store(tmp_path / "n.db")
    jobs.store_extractions(exts, store, config=CFG)
    with store.engine.connect() as conn:
        before = conn.execute(text("SELECT id, version, profile FROM story_profiles ORDER BY id")).all()
        assert conn.execute(text("SELECT count(*) FROM story_norms")).scalar_one() > 0
    sid = before[0][0]
    with store.story_session(WorkingSet(), CFG) as session:
        s = session.state.story(sid)
        s.norms = (s.size, 12345, {"terms": 0.5, "names": 0.25, "lead": 1.0 / 3, "numbers": 0.0})
        session.state.renormed(s)
    with store.engine.connect() as conn:
        after = conn.execute(text("SELECT id, version, profile FROM story_profiles ORDER BY id")).all()
        row = conn.execute(text("SELECT size, n_docs FROM story_norms WHERE id = :s"), {"s": sid}).one()
    assert after == before and tuple(row) == (s.size, 12345)
    with store.story_session(WorkingSet(), CFG) as session:  # a fresh process reads them back exactly
        assert session.state.story(sid).norms == s.norms


def test_writers_taking_turns_decide_as_one_writer(tmp_path):
    """Two processes (working sets) writing alternate batches, as Dask workers on the write
    chain do: each must drop what the other rewrote, norms included, to decide as one writer."""
    exts, _ = synthetic_stream(30, 4, seed=6, events_per_day=6)
    config = replace(CFG, idf_refresh=0.01)  # norms refreshed on almost every scoring
    store = Store(tmp_path / "turns.db")
    workers = [WorkingSet(), WorkingSet()]
    for i in range(0, len(exts), 6):
        jobs.store_extractions(exts[i:i + 6], store, batch_size=6, config=config, working=workers[i // 6 % 2])
    assert _partition(store) == _memory(exts, config)
    for w in workers:  # what each keeps after the other's last commit is what the store holds
        with store.story_session(w, config) as session:
            cached = {sid: s.norms for sid, s in w.stories.items()}
        with store.story_session(WorkingSet(), config) as session:
            stored = {sid: session.state.story(sid).norms for sid in cached}
        assert cached == stored and any(n is not None for n in cached.values())


def test_a_version_6_store_gets_its_norms_out_of_the_profiles(tmp_path):
    import json

    exts, _ = synthetic_stream(10, 3, seed=4)
    store = Store(tmp_path / "v6.db")
    jobs.store_extractions(exts, store, config=CFG)
    with store.engine.begin() as conn:  # as version 6 kept them: inside the profile JSON
        norms = {sid: (size, n, json.loads(x)) for sid, size, n, x in
                 conn.execute(text("SELECT id, size, n_docs, norms FROM story_norms")).all()}
        for sid, profile in conn.execute(text("SELECT id, profile FROM story_profiles")).all():
            d = dict(json.loads(profile), norms=norms.get(sid))
            conn.execute(text("UPDATE story_profiles SET profile = :p WHERE id = :s"), {"p": json.dumps(d), "s": sid})
        conn.execute(text("DROP TABLE story_norms"))
        conn.execute(text("UPDATE meta SET value = '6' WHERE key = 'schema_version'"))
    store.engine.dispose()
    store = Store(tmp_path / "v6.db")
    with store.engine.connect() as conn:
        back = {sid: (size, n, json.loads(x)) for sid, size, n, x in
                conn.execute(text("SELECT id, size, n_docs, norms FROM story_norms")).all()}
    assert back == norms and len(norms) > 0
    more, _ = synthetic_stream(4, 3, seed=8, id_prefix="m")
    jobs.store_extractions(more, store, config=CFG)
    assert len(_partition(store)) == len(exts) + len(more)


def test_profiles_and_members_round_trip_exactly():
    import numpy as np

    cl = StoryClusterer(ClusterConfig(today=CFG.today, embeddings=True))
    for i, e in enumerate(ferry(ev, i) for i in range(4) for ev in "AB"):
        f = cl.features.__func__(StoryClusterer(CFG), e)  # features without the model ...
        f.embedding = np.full(4, 0.5, dtype=np.float32) * (1 + i % 2)  # ... and a given vector
        cl.add_features(f)
    for s in cl.stories.values():
        members = {m.seq: member_from_json(m.seq, m.id, m.date and m.date.isoformat(), member_to_json(m))
                   for m in s.recent}
        norms = norms_from_json(*norms_to_json(s.norms)) if s.norms is not None else None
        back = profile_from_json(s.id, profile_to_json(s), members, norms=norms)
        assert (back.vecs, back.size, back.first, back.last, back.sims, back.indexed, back.norms) == \
               (s.vecs, s.size, s.first, s.last, s.sims, s.indexed, s.norms)
        assert np.array_equal(back.emb, s.emb) if s.emb is not None else back.emb is None
        for m, n in zip(s.recent, back.recent):
            assert (m.keys, m.unit, m.vecs, m.date) == (n.keys, n.unit, n.vecs, n.date)


def test_an_unreadable_profile_is_an_error_naming_its_row(tmp_path):
    store = Store(tmp_path / "bad.db")
    jobs.store_extractions([ext("a", QUAKE_1)], store, config=CFG)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE story_profiles SET profile = '{\"vecs\": 1}' WHERE id = 's1'"))
    with pytest.raises(StoreError, match="story_profiles row s1"):
        jobs.store_extractions([ext("b", QUAKE_2)], store, config=CFG)
    assert store.count_articles() == 1  # the failed batch wrote nothing


class _Exploit:
    """Unpickling this runs code: it would create the file ``path``."""

    def __init__(self, path):
        self.path = str(path)

    def __reduce__(self):
        return (open, (self.path, "w"))


def _make_old_store(path, blob: bytes) -> list[str]:
    """A store as version 1 wrote it: articles, story records and a pickled ``state`` row."""
    store = Store(path)
    items = [ferry(ev, i) for i in range(4) for ev in "AB"]
    jobs.store_extractions(items, store, batch_size=3, config=CFG)
    with store.engine.begin() as conn:
        for table in ("story_keys", "story_bands", "story_arrivals", "story_profiles", "story_df",
                      "story_counters"):
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("CREATE TABLE state (name VARCHAR(64) PRIMARY KEY, blob BLOB)"))
        conn.execute(text("INSERT INTO state (name, blob) VALUES ('clusterer', :b)"), {"b": blob})
        conn.execute(text("UPDATE meta SET value = '1' WHERE key = 'schema_version'"))
    store.engine.dispose()
    return [e.article.id for e in items]


def test_an_old_pickled_state_is_dropped_unread_and_rebuilt_from_the_articles(tmp_path):
    marker = tmp_path / "pwned"
    ids = _make_old_store(tmp_path / "old.db", pickle.dumps((2, _Exploit(marker))))
    before = _raw_partition(tmp_path / "old.db")

    store = Store(tmp_path / "old.db")  # the migration drops the blob ...
    with store.engine.connect() as conn:
        tables = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars())
    assert "state" not in tables and store.needs_story_rebuild()
    b = ferry("B", 1)
    later = replace(b, article=replace(b.article, id="B-later", text=b.article.text + " Divers resumed."))
    progress = []
    report = jobs.RunReport()
    jobs.recluster(store, CFG, report=report, progress=progress.append)  # ... and the rows are rebuilt
    jobs.store_extractions([later], store, config=CFG)
    assert not marker.exists()  # never unpickled
    assert report.reclustered == len(ids) and sum(progress) == len(ids)
    assert not store.needs_story_rebuild()
    after = _partition(store)
    assert {k: v for k, v in after.items() if k != "B-later"} == before  # the same stories
    assert after["B-later"] == after["B1"]
    assert {s["id"] for s in store.stories()} == set(after.values())


def _raw_partition(path) -> dict[str, str]:
    import sqlite3

    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT id, story FROM articles"))


def test_ingest_upgrades_an_old_store_with_a_progress_bar(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from storyline import cli

    marker = tmp_path / "pwned"
    ids = _make_old_store(tmp_path / "old.db", pickle.dumps((2, _Exploit(marker))))
    monkeypatch.setattr(jobs, "run_pipeline", lambda arts, n_process=1: iter(()))  # no model needed
    empty = tmp_path / "none.txt"
    empty.write_text("")
    res = CliRunner().invoke(cli.app, ["ingest", str(empty), "--db", str(tmp_path / "old.db")])
    assert f"rebuilt from {len(ids)} stored articles" in " ".join(res.output.split()), res.output
    assert not marker.exists() and not Store(tmp_path / "old.db").needs_story_rebuild()
