"""country_of / sector_of: names, demonyms, capitals and metonyms to alpha-3 and sectors."""
from __future__ import annotations

import pytest

from storyline.extract.places.countries import countries_in, country_of, is_igo, lookup_country, sector_of


@pytest.mark.parametrize("text, code", [
    ("Ukraine", "UKR"),
    ("Ukrainian President Volodymyr Zelensky", "UKR"),
    ("Kiev's partners", "UKR"),
    ("Kyiv", "UKR"),
    ("the Kremlin", "RUS"),
    ("Moscow's defenses", "RUS"),
    ("Russian media", "RUS"),
    ("Washington", "USA"),
    ("U.S. soldier", "USA"),
    ("US forces", "USA"),
    ("Beijing", "CHN"),
    ("his French counterpart", "FRA"),
    ("Great Britain", "GBR"),
    ("British soldiers", "GBR"),
    ("Iraqis", "IRQ"),
    ("Palestinians living in the West Bank", "PSE"),
    ("Rebels in the Ivory Coast", "CIV"),
    ("president of Armenia", "ARM"),
    ("Downing Street", "GBR"),
    ("Russian Federation", "RUS"),
    # negatives: pronouns, common nouns, people, organisations
    ("us", None),
    ("they told us", None),
    ("roast turkey", None),
    ("Emmanuel Macron", None),
    ("NATO", None),
    ("UN peacekeepers", None),
    ("the European Union", None),
    ("", None),
])
def test_country_of(text, code):
    assert country_of(text) == code


@pytest.mark.parametrize("text, sector", [
    ("Israeli army", "MIL"),
    ("Egyptian police", "COP"),
    ("Ivory Coast rebels", "REB"),
    ("Russian media", "MED"),
    ("Turkish government", "GOV"),
    ("the Kremlin", "GOV"),
    ("U.N. Security Council", "IGO"),
    ("Congolese refugees", "REF"),
    ("Emmanuel Macron", None),
])
def test_sector_of(text, sector):
    assert sector_of(text) == sector


def test_countries_in_lists_each_once_in_order():
    assert countries_in("Jordan and Britain agreed with Jordanian officials") == ("JOR", "GBR")


def test_igo_and_lookup():
    assert is_igo("the United Nations") and not is_igo("Ukraine")
    assert lookup_country("Kremlin") == "RUS"
    assert lookup_country("The Hague") == "NLD"
    assert lookup_country("us") is None
    assert lookup_country("NATO") is None


@pytest.mark.parametrize("text, code", [
    ("Iraqis", "IRQ"), ("Serbs", "SRB"), ("Israelis", "ISR"), ("Chinese", "CHN"), ("Swiss", "CHE"),
    ("Britons", "GBR"), ("Frenchmen", "FRA"),
])
def test_demonym_plurals(text, code):
    assert country_of(text) == code
