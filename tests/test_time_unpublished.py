"""With no publication date: relative expressions stay open, absolute ones still resolve."""
from __future__ import annotations

import pytest

from storyline.extract.time import extract_dates


@pytest.mark.parametrize("text, expr, value, relative", [
    ("They met on Monday.", "on Monday", None, True),
    ("It happened last week.", "last week", None, True),
    ("Strikes hit the city during the night.", "during the night", None, True),
    ("The talks ended on December 12.", "December 12", None, True),
    ("The deal was signed on March 3, 2021.", "March 3, 2021", "2021-03-03", False),
    ("The firm was founded in 1998.", "1998", "1998", False),
    ("Growth stalled in the 1990s.", "the 1990s", "199", False),
    ("Losses grew in the second quarter of 2019.", "the second quarter of 2019", "2019-Q2", False),
])
def test_unpublished_article(nlp, text, expr, value, relative):
    got = {d.text: (d.value, d.relative) for d in extract_dates(nlp(text), None)}
    assert got[expr] == (value, relative)
