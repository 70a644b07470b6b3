"""Places found in text and geocoded: example tables with negatives and same-name cases."""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.annotate.entities import resolve_entities
from storyline.extract.places import extract_places

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "storyline" / "samples" / "000_d82f11879fb1db06.txt"  # bundled


def places_of(nlp, text):
    doc = nlp(text)
    return extract_places(doc, resolve_entities(doc))


def by_text(text, places):
    return {text[p.span[0]:p.span[1]]: p for p in places}


@pytest.mark.parametrize("text, surface, geonameid, country", [
    ("Troops were sent to Ukraine last week.", "Ukraine", 690791, "UKR"),
    ("The talks in Moscow ended without a deal.", "Moscow", 524901, "RUS"),
    ("He met Kiev's partners in Brussels.", "Kiev", 703448, "UKR"),
    ("Officials in Kyiv said the city was calm.", "Kyiv", 703448, "UKR"),
    ("The plan was to force Russia to negotiate.", "Russia", 2017370, "RUS"),
    ("Protests spread across France on Saturday.", "France", 3017382, "FRA"),
    ("Flooding hit Columbus, Ohio, on Monday.", "Ohio", 5165418, "USA"),
])
def test_toponyms_geocoded(nlp, text, surface, geonameid, country):
    got = by_text(text, places_of(nlp, text))
    assert surface in got, got
    assert got[surface].geonameid == geonameid
    assert got[surface].country == country
    assert got[surface].lat is not None and got[surface].lon is not None


@pytest.mark.parametrize("text, surface, geonameid", [
    # same name, different places: the article's other places decide
    ("The factory in London, Ontario, will close, the Ontario government said.", "London", 6058560),
    ("The mayor of London spoke at Westminster about the British economy.", "London", 2643743),
    ("Police in Paris, Texas, said the fire started in a barn.", "Paris", 4717560),
    ("Police in Paris said the fire started near the Seine in France.", "Paris", 2988507),
    ("Georgia's governor signed the bill in Atlanta, the state capital of the US.", "Georgia", 4197000),
    ("Georgia and Armenia border Russia in the Caucasus.", "Georgia", 614540),
    ("Flooding closed roads across Mexico, the country's interior ministry said.", "Mexico", 3996063),
])
def test_same_name_disambiguated_by_context(nlp, text, surface, geonameid):
    got = by_text(text, places_of(nlp, text))
    assert surface in got, got
    assert got[surface].geonameid == geonameid


@pytest.mark.parametrize("text, surface, geonameid", [
    ("Russian media reported the attack.", "Russian", 2017370),
    ("He defended Ukrainian territory.", "Ukrainian", 690791),
    ("Macron proposed sending French troops.", "French", 3017382),
])
def test_demonym_modifiers_are_places(nlp, text, surface, geonameid):
    got = by_text(text, places_of(nlp, text))
    assert surface in got and got[surface].geonameid == geonameid
    assert got[surface].feature.endswith(":demonym")


@pytest.mark.parametrize("text, not_a_place", [
    ("The Russians said nothing.", "Russians"),              # people, not a place
    ("Jordan Peterson gave a lecture.", "Jordan"),           # part of a person's name
    ("Paris Hilton arrived late.", "Paris"),
    ("She said it was a nice day.", "She"),
    ("The company reported higher profits.", "company"),
])
def test_negatives_are_not_places(nlp, text, not_a_place):
    got = by_text(text, places_of(nlp, text))
    assert not_a_place not in got, got


def test_spans_are_substrings(nlp):
    text = "BEIRUT (Reuters) - Syrian forces shelled Eastern Ghouta near Damascus, Syria."
    places = places_of(nlp, text)
    assert places
    for p in places:
        assert text[p.span[0]:p.span[1]]
        assert p.span[0] < p.span[1] <= len(text)
    got = by_text(text, places)
    assert got["BEIRUT"].geonameid == 276781
    assert got["Damascus"].geonameid == 170654


def test_empty_text_has_no_places(nlp):
    assert places_of(nlp, "") == []


def test_sample_places(nlp):
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    first, second = "\n".join(lines[:4]), "\n".join(lines[5:])
    for text in (first, second):
        places = places_of(nlp, text)
        ids = {text[p.span[0]:p.span[1]]: p.geonameid for p in places}
        assert ids.get("Ukraine") == 690791
        assert ids.get("Russia") == 2017370
        assert ids.get("Kiev") == 703448
        assert ids.get("French") == 3017382
        assert ids.get("Ukrainian") == 690791
    first_places = by_text(first, places_of(nlp, first))
    assert first_places["Moscow"].geonameid == 524901
    assert first_places["Russian"].country == "RUS"


@pytest.mark.parametrize("text, surface, geonameid", [
    ("Wildfires burned across Washington state on Sunday.", "Washington", 5815135),
    ("Lawmakers in the state of Washington voted on Tuesday.", "Washington", 5815135),
    ("The president returned to Washington on Sunday.", "Washington", 4140963),
])
def test_state_cue_picks_the_division(nlp, text, surface, geonameid):
    got = by_text(text, places_of(nlp, text))
    assert surface in got and got[surface].geonameid == geonameid


@pytest.mark.parametrize("text", [
    "", " ", "\n\n", "...", "’s", "The the the", "UK UK UK", "BEIRUT", "(Reuters) -",
    "New York, New York, New York", "St. Petersburg’s", "Kiev’s Kyiv's Kiyv",
])
def test_odd_texts_give_valid_spans(nlp, text):
    for p in places_of(nlp, text):
        assert 0 <= p.span[0] < p.span[1] <= len(text)
        assert text[p.span[0]:p.span[1]].strip()


@pytest.mark.parametrize("text, surface, geonameid", [
    # a town is chosen near the other places the article names
    ("Students from Parkland drove to Coral Springs for the vigil.", "Parkland", 4167829),
    ("Students from Parkland drove to Tacoma for the vigil.", "Parkland", 5806253),
    ("Fans travelled from Portland to Eugene for the game.", "Portland", 5746545),
])
def test_nearby_places_decide(nlp, text, surface, geonameid):
    got = by_text(text, places_of(nlp, text))
    assert surface in got and got[surface].geonameid == geonameid


@pytest.mark.parametrize("text, feature_name, not_this", [
    ("The Jordan River flows into the Dead Sea.", "Jordan River", "Jordan"),
    ("Oil spills hit the Niger Delta again.", "Niger Delta", "Niger"),
])
def test_natural_features_are_not_their_namesake_country(nlp, text, feature_name, not_this):
    got = by_text(text, places_of(nlp, text))
    assert not_this not in got, got
    if feature_name in got:
        assert got[feature_name].country not in ("JOR", "NER")


@pytest.mark.parametrize("text, surface, geonameid", [
    ("Carnival returned to Trinidad and Tobago this week.", "Trinidad and Tobago", 3573591),
    ("Students of Enugu State University marched on Monday.", "Enugu State", 2565344),
])
def test_compound_names(nlp, text, surface, geonameid):
    got = by_text(text, places_of(nlp, text))
    assert surface in got, got
    assert got[surface].geonameid == geonameid
