"""The GeoWebNews scorer: recall by overlap, exact id and 161 km over resolved predictions."""
from __future__ import annotations

import pytest

from storyline.evaluation.places import GeoArticle, GoldToponym, Pred, score

PARIS = GoldToponym(0, 5, "Paris", 2988507, 48.85, 2.35)
TEXAS = GoldToponym(10, 15, "Texas", 4736286, 31.25, -99.25)


def art(*tops):
    return GeoArticle("x" * 40, tuple(tops))


@pytest.mark.parametrize("preds, recall, exact, acc161, resolved", [
    ([Pred(0, 5, 2988507, 48.85, 2.35), Pred(10, 15, 4736286, 31.0, -100.0)], 1.0, 1.0, 1.0, 1.0),
    ([Pred(0, 5, 4717560, 33.66, -95.55)], 0.5, 0.0, 0.0, 1.0),           # Paris, Texas: wrong
    ([Pred(0, 5, 6455259, 48.86, 2.35)], 0.5, 0.0, 1.0, 1.0),             # another id, same city
    ([Pred(2, 8, None, None, None)], 0.5, 0.0, 0.0, 0.0),                 # found but unresolved
    ([Pred(20, 25, 2988507, 48.85, 2.35)], 0.0, 0.0, 0.0, 0.0),           # no overlap: not found
    ([], 0.0, 0.0, 0.0, 0.0),
])
def test_score_table(preds, recall, exact, acc161, resolved):
    got = score([art(PARIS, TEXAS)], [preds])
    assert got["recall"] == pytest.approx(recall)
    assert got["exact"] == pytest.approx(exact)
    assert got["acc161"] == pytest.approx(acc161)
    assert got["resolved"] == pytest.approx(resolved)


def test_best_covering_prediction_is_scored():
    preds = [Pred(0, 2, 4717560, 33.66, -95.55), Pred(0, 5, 2988507, 48.85, 2.35)]
    assert score([art(PARIS)], [preds])["exact"] == 1.0
