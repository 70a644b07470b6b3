"""The bundled real-world sample through the full pipeline: the events and counts PRODUCT.md lists."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import storyline
from storyline.records import Article

SAMPLE = Path(storyline.__file__).parent / "samples" / "000_d82f11879fb1db06.txt"


def _articles() -> list[Article]:
    """Built by hand: the first 4 lines are article 1; line 5 is article 2's title, the rest its text."""
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    pub = dt.date(2025, 2, 18)
    return [
        Article(id="s#1", text="\n".join(lines[:4]), published=pub),
        Article(id="s#2", title=lines[4], text="\n".join(lines[5:]).strip(), published=pub),
    ]


@pytest.fixture(scope="module")
def extracted(nlp):
    from storyline.pipeline import extract

    return list(extract(_articles()))


def _names(x, actors) -> set[str]:
    ents = {e.id: e.name for e in x.entities}
    return {ents.get(a.entity, a.text) for a in actors}


def _phone_call(x):
    return [ev for ev in x.events if ev.type == "CONSULT" and ev.mode == "phone"]


@pytest.mark.parametrize("article", [0, 1])
def test_zelensky_macron_phone_consultation(extracted, article):
    x = extracted[article]
    calls = _phone_call(x)
    assert calls, [(e.type, e.mode) for e in x.events]
    people = set().union(*(_names(x, ev.actor + ev.recipient) for ev in calls))
    assert "Volodymyr Zelensky" in people and any("Macron" in p for p in people)
    assert not any(ev.hypothetical or ev.negated for ev in calls)


def test_phone_call_dated_monday(extracted):
    x = extracted[0]
    dated = [x.dates[ev.date].text for ev in _phone_call(x) if ev.date is not None]
    assert "on Monday" in dated


def test_drone_attack_is_ukraine_on_russia(extracted):
    x = extracted[0]
    attacks = [ev for ev in x.events if ev.type == "ASSAULT"
               and any(a.country == "UKR" for a in ev.actor)
               and any(r.country == "RUS" for r in ev.recipient)]
    assert attacks
    assert attacks[0].mode in ("aerial", "drone")
    assert not attacks[0].hypothetical


def test_contact_group_summit_is_multilateral(extracted):
    x = extracted[1]
    t = x.article.text
    summits = [ev for ev in x.events if ev.type == "CONSULT" and ev.mode == "multilateral"
               and t[ev.trigger[0]:ev.trigger[1]] == "summit"]
    assert summits and not summits[0].hypothetical
    assert any("Contact Group" in a.text for a in summits[0].actor)


@pytest.mark.parametrize("article", [0, 1])
def test_troop_deployment_is_hypothetical(extracted, article):
    x = extracted[article]
    t = x.article.text
    deploy = [ev for ev in x.events if t[ev.trigger[0]:ev.trigger[1]].lower().startswith("deploy")]
    assert deploy
    assert all(ev.hypothetical for ev in deploy)


def test_counts_shot_down(extracted):
    x = extracted[0]
    got = {(c.value, c.qualifier, c.type, c.object) for c in x.counts}
    assert (200, "more_than", "shot_down", "Ukrainian drones") in got
    assert (5, "exact", "shot_down", "American-made ATACMS ballistic missiles") in got


@pytest.mark.parametrize("article", [0, 1])
def test_no_count_for_anniversary_or_last_year(extracted, article):
    x = extracted[article]
    t = x.article.text
    spans = [t[c.span[0]:c.span[1]] for c in x.counts]
    assert not any("anniversary" in s or "last year" in s or "third" in s for s in spans)
    if article == 1:
        assert x.counts == ()
