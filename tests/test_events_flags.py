"""Negated, hypothetical and future events; actors, recipients and their countries."""
from __future__ import annotations

import pytest

from storyline.extract.events import extract_events


def _events(nlp, text):
    from storyline.annotate.entities import resolve_entities

    doc = nlp(text)
    return doc, extract_events(doc, resolve_entities(doc), [], [])


def _trig(doc, ev):
    return doc.text[ev.trigger[0]:ev.trigger[1]]


@pytest.mark.parametrize("text, trigger, flag, value", [
    ("The minister advocated the deployment of peacekeepers in the region.", "deployment", "hypothetical", True),
    ("The president proposed sending troops to the border.", "sending", "hypothetical", True),
    ("The army deployed troops to the border.", "deployed", "hypothetical", False),
    ("The army did not deploy troops to the border.", "deploy", "negated", True),
    ("The army deployed troops to the border.", "deployed", "negated", False),
    ("Moscow denied accusations that it had shelled the power plant.", "shelled", "hypothetical", True),
    ("Farmers blocked the motorway to protest against fuel taxes.", "protest", "hypothetical", False),
])
def test_flags(nlp, text, trigger, flag, value):
    doc, evs = _events(nlp, text)
    hit = [e for e in evs if _trig(doc, e) == trigger]
    assert hit, [(e.type, _trig(doc, e)) for e in evs]
    assert getattr(hit[0], flag) is value


def test_intention_is_future_agree(nlp):
    doc, evs = _events(nlp, "Japan will send aid to Nepal.")
    assert [e.type for e in evs] == ["AGREE"] and evs[0].future


def test_refused_intention_is_reject(nlp):
    doc, evs = _events(nlp, "Hungary says it will not accept more refugees.")
    assert "REJECT" in {e.type for e in evs}


@pytest.mark.parametrize("text, etype, actor, recipient", [
    ("Ukraine launched a drone attack on Russian territory.", "ASSAULT", "UKR", "RUS"),
    ("The Kremlin accused Washington of meddling.", "ACCUSE", "RUS", "USA"),
    ("Israeli troops arrested two Palestinians near Hebron.", "COERCE", "ISR", "PSE"),
    ("Beijing imposed sanctions on Lithuania.", "SANCTION", "CHN", "LTU"),
    ("Kiev's partners pledged to send weapons to Ukraine.", "AGREE", "UKR", "UKR"),
    ("The French minister urged Serbia to recognise Kosovo.", "REQUEST", "FRA", "SRB"),
    ("Chile rejected a fresh offer from Bolivia.", "REJECT", "CHL", "BOL"),
    ("Greece lodged a formal protest with Turkey.", "ACCUSE", "GRC", "TUR"),
    ("Cuba will boycott all contact with the United States.", "THREATEN", "CUB", "USA"),
])
def test_actor_recipient_countries(nlp, text, etype, actor, recipient):
    doc, evs = _events(nlp, text)
    ev = next(e for e in evs if e.type == etype)
    assert actor in {a.country for a in ev.actor}
    assert recipient in {r.country for r in ev.recipient}


def test_igo_actor_has_no_country(nlp):
    doc, evs = _events(nlp, "The United Nations condemned the attack on the convoy.")
    ev = next(e for e in evs if e.type == "ACCUSE")
    assert ev.actor and ev.actor[0].country is None and ev.actor[0].sector == "IGO"


def test_meeting_parties_are_both_actors(nlp):
    doc, evs = _events(nlp, "Macron met with Scholz in Berlin.")
    ev = next(e for e in evs if e.type == "CONSULT")
    assert {a.text for a in ev.actor} >= {"Macron", "Scholz"}


def test_place_and_date_indices(nlp):
    from storyline.records import DateValue, Place

    doc = nlp("Police arrested 40 protesters in Minsk on Sunday. Markets were calm.")
    i_minsk = doc.text.index("Minsk")
    i_sun = doc.text.index("on Sunday")
    places = [Place(span=(i_minsk, i_minsk + 5), name="Minsk", country="BLR")]
    dates = [DateValue(span=(i_sun, i_sun + 9), text="on Sunday", value=None, relative=True)]
    evs = extract_events(doc, [], places, dates)
    ev = next(e for e in evs if e.type == "COERCE")
    assert ev.place == 0 and ev.date == 0


def test_unparsed_doc_is_a_clear_error():
    import spacy

    from storyline.extract.counts import extract_counts
    from storyline.extract.events import UnparsedDoc

    doc = spacy.blank("en")("Police arrested 40 people.")
    with pytest.raises(UnparsedDoc, match="parsed Doc"):
        extract_events(doc, [], [], [])
    with pytest.raises(UnparsedDoc):
        extract_counts(doc)


@pytest.mark.parametrize("text", ["", "   ", "5", "More than"])
def test_degenerate_texts(nlp, text):
    from storyline.extract.counts import extract_counts

    doc = nlp(text)
    assert extract_events(doc, [], [], []) == [] and extract_counts(doc) == []
