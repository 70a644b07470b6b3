"""dateparser as the fallback for DATE entities no rule covers: once per distinct text, cached."""
from __future__ import annotations

import datetime as dt

import pytest

from storyline.extract.time import resolve_entity_text

PUB = dt.date(2025, 2, 18)


@pytest.mark.parametrize("text, published, expected", [
    ("Sat, 15 Feb 2025", PUB, ("2025-02-15", False)),
    ("February the 15th, 2025", None, ("2025-02-15", False)),
    ("Feb 2025", PUB, ("2025-02", False)),
    ("February", PUB, ("2025-02", True)),
    ("February", None, (None, True)),
    ("three years", PUB, None),          # a duration
    ("51 years old", PUB, None),         # an age
    ("annual", PUB, None),               # no month, no year
    ("mid-February", None, None),        # dateparser cannot read it: not reported
])
def test_entity_fallback(text, published, expected):
    assert resolve_entity_text(text, published) == expected


def test_entity_fallback_is_cached():
    resolve_entity_text.cache_clear()
    resolve_entity_text("Sat, 15 Feb 2025", PUB)
    resolve_entity_text("Sat, 15 Feb 2025", PUB)
    info = resolve_entity_text.cache_info()
    assert info.hits == 1 and info.misses == 1
