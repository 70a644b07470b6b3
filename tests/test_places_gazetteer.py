"""The offline gazetteer: names, variants, abbreviations, demonyms, ids and points."""
from __future__ import annotations

import pytest

from storyline.extract.places.gazetteer import get_gazetteer, haversine_km, norm


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


@pytest.mark.parametrize("a, b", [
    ("St. Petersburg", "Saint Petersburg"),
    ("Zürich", "zurich"),
    ("Baden-Wurttemberg", "Baden Wurttemberg"),
    ("the Netherlands", "Netherlands"),
])
def test_norm_folds_variants(a, b):
    assert norm(a) == norm(b)


@pytest.mark.parametrize("a, b", [("Georgia", "Georgian"), ("Niger", "Nigeria"), ("Kent", "Kentucky")])
def test_norm_keeps_different_names_apart(a, b):
    assert norm(a) != norm(b)


@pytest.mark.parametrize("name, geonameid, kind", [
    ("Ukraine", 690791, "country"),
    ("Russia", 2017370, "country"),
    ("France", 3017382, "country"),
    ("U.S.", 6252001, "country"),
    ("Britain", 2635167, "country"),
    ("Ontario", 6093943, "admin1"),
    ("Tamil Nadu", 1255053, "admin1"),
    ("Va.", 6254928, "admin1"),
    ("BC", 5909050, "admin1"),
    ("Europe", 6255148, "continent"),
])
def test_lookup_finds_the_entry(gaz, name, geonameid, kind):
    ids = {(gaz.entries[i].geonameid, gaz.entries[i].kind) for i, _ in gaz.lookup(name)}
    assert (geonameid, kind) in ids


@pytest.mark.parametrize("name", ["Kiev", "Kyiv"])
def test_kiev_and_kyiv_both_reach_the_city(gaz, name):
    assert 703448 in {gaz.entries[i].geonameid for i, _ in gaz.lookup(name)}


@pytest.mark.parametrize("name", ["Xyzzyville", "Ministry of Defence", "", "the"])
def test_unknown_names_find_nothing(gaz, name):
    assert gaz.lookup(name) == []


@pytest.mark.parametrize("word, cc", [
    ("Ukrainian", "UA"), ("Russian", "RU"), ("French", "FR"), ("American", "US"),
    ("European", ""), ("English", "GB"),
])
def test_demonyms_name_their_place(gaz, word, cc):
    i = gaz.demonym(word)
    assert i is not None and gaz.entries[i].cc == cc


@pytest.mark.parametrize("word", ["Russians", "Americans", "Frenchmen2", "Parisienne", "president"])
def test_plural_and_unknown_demonyms_are_not_places(gaz, word):
    assert gaz.demonym(word) is None


def test_countries_carry_their_own_id_and_a_point(gaz):
    for cc in ("UA", "RU", "FR", "US"):
        e = gaz.entries[gaz.country_by_cc[cc]]
        assert e.kind == "country" and e.geonameid and e.lat is not None and e.lon is not None
        assert gaz.alpha3_of(e) in ("UKR", "RUS", "FRA", "USA")


def test_haversine_london_paris():
    assert 330 < haversine_km(51.5074, -0.1278, 48.8566, 2.3522) < 360


@pytest.mark.parametrize("word", ["Briton", "Pole", "Dane", "Swede"])
def test_nouns_for_people_are_not_place_demonyms(gaz, word):
    assert gaz.demonym(word) is None
