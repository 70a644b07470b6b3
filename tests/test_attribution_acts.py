"""The act of an attribution (speech, thought, perception, other), on sentences written for these
tests, and the newsroom quote forms: a quotation standing alone after its speaker, quotes over
several paragraphs, "Speaker:" and "— Speaker", a role or pronoun resolved to the entity."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import text as sql
from typer.testing import CliRunner

from storyline.annotate.entities import resolve_entities
from storyline.cli import app
from storyline.extract.attribution import act_of_cue
from storyline.extract.attribution import extract_attributions
from storyline.records import ATTRIBUTION_ACTS


def _acts(nlp, text):
    doc = nlp(text)
    ents = resolve_entities(doc)
    return [(text[a.cue[0]:a.cue[1]] if a.cue else None, a.act, " | ".join(text[x:y] for x, y in a.content),
             a, ents) for a in extract_attributions(doc, ents)]


def _act_of(nlp, text, cue_word):
    got = _acts(nlp, text)
    match = [g for g in got if g[0] and cue_word in g[0]]
    assert match, [(g[0], g[1], g[2]) for g in got]
    return match[0][1]


@pytest.mark.parametrize("text, cue, act", [
    ("The minister said the plan would fail.", "said", "speech"),
    ("Mr. Ortiz told reporters that the talks had stalled.", "told", "speech"),
    ("The senator wrote that the bill was unfair.", "wrote", "speech"),
    ("The agency announced that it would close three offices.", "announced", "speech"),
    ("Prices will rise next year, according to the central bank.", "according", "speech"),
    ("Voters fear that prices will keep rising.", "fear", "thought"),
    ("Trump believes the economy is strong.", "believes", "thought"),
    ("Many residents hope that the factory will reopen.", "hope", "thought"),
    ("The coach doubts that the team can win.", "doubts", "thought"),
    ("Witnesses saw the soldiers fire on the crowd.", "saw", "perception"),
    ("Neighbours heard that the school would close.", "heard", "perception"),
    ("The mayor criticized the plan.", "criticized", "other"),
    ("The company plans to cut 200 jobs.", "plans", "other"),
])
def test_act_from_the_cue_and_its_construction(nlp, text, cue, act):
    assert _act_of(nlp, text, cue) == act


def test_a_quotation_is_speech_and_every_act_is_one_of_four(nlp):
    got = _acts(nlp, '"We will not give up," Ms. Reyes said. Analysts think the deal will hold.')
    acts = {g[0]: g[1] for g in got}
    assert acts["said"] == "speech" and acts["think"] == "thought"
    assert all(g[1] in ATTRIBUTION_ACTS for g in got)


@pytest.mark.parametrize("cue, kind, act", [
    ("said", "direct", "speech"), ("told", "indirect", "speech"), ("believes", "indirect", "thought"),
    ("fears", "indirect", "thought"), ("saw", "indirect", "perception"), ("plans", "indirect", "other"),
    ("expressed concern", "indirect", "speech"), ("is confident", "indirect", "thought"),
    ("made a decision", "indirect", "other"), ("according", "according_to", "speech"), ("", "direct", "speech"),
    ("thought", "direct", "thought"),
])
def test_act_of_a_stored_cue_without_a_parse(cue, kind, act):
    assert act_of_cue(cue, kind) == act


# --- newsroom quote forms ---------------------------------------------------------------------

STANDALONE = ('City councillor Josh Marlow said the rules favour landlords.\n\n'
              '"If you leave, they can reset the rent," he said.\n\n'
              '"The onus should not be on tenants having to protect themselves."\n\n'
              'The province has not answered.')


def test_a_quote_paragraph_takes_the_speaker_of_the_paragraph_before(nlp):
    got = _acts(nlp, STANDALONE)
    alone = [g for g in got if "onus" in g[2]]
    assert alone, [(g[0], g[1], g[2]) for g in got]
    a, ents = alone[0][3], alone[0][4]
    names = {e.id: e.name for e in ents}
    assert a.act == "speech" and a.kind == "direct"
    assert names.get(a.source_entity) == "Josh Marlow"  # "he" resolved, the name in source_entity
    # and the writer's own paragraph after it is nobody's quote
    assert not any("province" in g[2] for g in got)


def test_a_quote_over_several_paragraphs_is_one_speakers(nlp):
    text = ('"The first thing we did was call the families,\n\n'
            '"and then we went to the hospital to wait," said Maria Lopez, the school principal.')
    got = _acts(nlp, text)
    assert len(got) == 1 and got[0][1] == "speech"
    a = got[0][3]
    assert len(a.content) == 2 and text[a.source[0]:a.source[1]].startswith("Maria Lopez")


def test_speaker_colon_and_dash_signature(nlp):
    colon = _acts(nlp, 'Pollster Daron Shaw: "The race is tighter than it looks."')
    assert [(g[1], g[3].kind) for g in colon] == [("speech", "direct")]
    dash = 'The crowd cheered.\n\n"We built this town with our hands." ― Jorge Falcon\n\nThen it rained.'
    got = _acts(nlp, dash)
    signed = [g for g in got if "built" in g[2]]
    assert signed and signed[0][1] == "speech"
    a = signed[0][3]
    assert dash[a.source[0]:a.source[1]] == "Jorge Falcon"


# --- the act through the store, the CLI and the API -------------------------------------------

MIXED = ('Mayor Helen Carter said the bridge would reopen in May. Residents fear that tolls will rise. '
         'Engineers saw cracks in the deck.')


@pytest.fixture()
def acts_db(tmp_path):
    src = tmp_path / "bridge.txt"
    src.write_text(MIXED, encoding="utf-8")
    db = tmp_path / "acts.db"
    r = CliRunner().invoke(app, ["ingest", str(src), "--db", str(db)])
    assert r.exit_code == 0, r.output
    return db


def test_quotes_show_speech_unless_asked(acts_db):
    from storyline.store import Store

    store = Store(acts_db)
    assert {q["act"] for q in store.quotes()} == {"speech"}
    assert {q["act"] for q in store.quotes(act="all")} >= {"speech", "thought", "perception"}
    assert [q["cue"] for q in store.quotes(act="thought")] == ["fear"]
    runner = CliRunner()
    r = runner.invoke(app, ["quotes", "--db", str(acts_db)])
    assert r.exit_code == 0 and "reopen" in r.output and "tolls" not in r.output
    r = runner.invoke(app, ["quotes", "--act", "thought", "--db", str(acts_db)])
    assert r.exit_code == 0 and "tolls" in r.output and "reopen" not in r.output
    r = runner.invoke(app, ["quotes", "--act", "gossip", "--db", str(acts_db)])
    assert r.exit_code != 0 and "unknown act" in r.output


def test_api_and_pages_filter_by_act(acts_db):
    from fastapi.testclient import TestClient

    from storyline.web.app import create_app

    c = TestClient(create_app(acts_db))
    assert {q["act"] for q in c.get("/api/quotes").json()} == {"speech"}
    assert [q["cue"] for q in c.get("/api/quotes", params={"act": "perception"}).json()] == ["saw"]
    assert len(c.get("/api/quotes", params={"act": "all"}).json()) >= 3
    bad = c.get("/api/quotes", params={"act": "gossip"})
    assert bad.status_code == 400 and "act" in bad.json()["error"]["message"]
    page = c.get("/quotes", params={"act": "thought"}).text
    assert "tolls" in page and "bridge would reopen" not in page
    story = c.get("/api/stories").json()[0]["id"]
    html = c.get(f"/story/{story}").text
    assert "<td class=act>thought</td>" in html and "<td class=act>speech</td>" in html


def test_a_store_from_before_acts_is_upgraded_in_place(acts_db):
    """A v4 store (no act column, records without act) gets the acts from its cues' words."""
    from sqlalchemy import create_engine

    from storyline.store import Store

    eng = create_engine(f"sqlite:///{acts_db}")
    with eng.begin() as conn:
        for (h, rec) in conn.execute(sql("SELECT hash, record FROM articles")).all():
            r = json.loads(rec)
            for x in r["attributions"]:
                del x["act"]
            conn.execute(sql("UPDATE articles SET record = :r WHERE hash = :h"), {"r": json.dumps(r), "h": h})
        conn.execute(sql("DROP INDEX ix_attributions_act"))
        conn.execute(sql("ALTER TABLE attributions DROP COLUMN act"))
        conn.execute(sql("UPDATE meta SET value = '4' WHERE key = 'schema_version'"))
    eng.dispose()
    store = Store(acts_db)
    assert [q["cue"] for q in store.quotes(act="thought")] == ["fear"]
    rec = store.article(store.quotes()[0]["article"])
    assert {x["act"] for x in rec["attributions"]} >= {"speech", "thought", "perception"}
