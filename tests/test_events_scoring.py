"""The PLOVER scorer itself, on records written for this test (no shared data needed)."""
from __future__ import annotations

import pytest

from storyline.evaluation.events import OLD_TO_NEW, score
from storyline.records import Count


def _rec(text, event, source=(), target=(), **extra):
    r = {"text": text, "event": event, "gold_type": OLD_TO_NEW.get(event, event),
         "source": [{"actorText": c, "code": c} for c in source] or "",
         "target": [{"actorText": c, "code": c} for c in target] or ""}
    r.update(extra)
    return r


RECORDS = [
    _rec("s1", "FIGHT", ["UKR"], ["RUS"], dead="5"),
    _rec("s1", "DEMAND", ["UKR"], ["IGO"]),       # same sentence, second record
    _rec("s2", "AGREE", ["FRA", "DEU"], []),
    _rec("s3", "PROTEST", ["IRQ"], ["IRQ"], size="Thousands"),
]


def predictor(table):
    return lambda text: table[text]


def test_type_accuracy_and_budget():
    pred = predictor({
        "s1": (["ASSAULT", "REQUEST"], {"ASSAULT": {"UKR"}}, {"ASSAULT": {"RUS"}},
               [Count(value=5, qualifier="exact", object="people", span=(0, 1), type="killed")]),
        "s2": (["SUPPORT"], {"SUPPORT": {"FRA"}}, {}, []),
        "s3": (["PROTEST"], {"PROTEST": {"IRQ"}}, {"PROTEST": {"IRQ"}},
               [Count(value=1000, qualifier="at_least", object="Iraqis", span=(0, 2))]),
    })
    m = score(RECORDS, pred)
    assert m["type_accuracy"] == pytest.approx(3 / 4)  # FIGHT→ASSAULT and DEMAND→REQUEST mapped
    assert m["types_per_sentence"] == pytest.approx(4 / 3)  # per distinct sentence
    # IGO is not a country: the DEMAND record has no gold recipient code
    assert m["recipient_country_f1"] == pytest.approx(1.0)
    # actors of the gold type's events: FIGHT→UKR right; REQUEST has none (UKR missed);
    # AGREE not predicted → all events of s2: FRA right, DEU missed; IRQ right → tp 3, fn 2
    assert m["actor_country_f1"] == pytest.approx(2 * 3 / (2 * 3 + 2))
    # dead=5 found with type killed; size "Thousands" matched by the words of the count span
    assert m["count_accuracy"] == pytest.approx(0.5)  # "s3"[0:2] does not contain "thousands"


def test_extra_types_are_false_positives():
    pred = predictor({"s1": (["ASSAULT", "REQUEST", "ACCUSE"], {}, {}, []),
                      "s2": (["AGREE"], {}, {}, []), "s3": (["PROTEST"], {}, {}, [])})
    m = score(RECORDS, pred)
    assert m["type_accuracy"] == 1.0
    assert m["macro_f1"] < 1.0  # ACCUSE predicted where no record has it


def test_wrong_count_value_is_wrong():
    pred = predictor({
        "s1": (["ASSAULT"], {}, {}, [Count(value=4, qualifier="exact", object="", span=(0, 1),
                                           type="killed")]),
        "s2": ([], {}, {}, []), "s3": ([], {}, {}, [])})
    assert score(RECORDS, pred)["count_accuracy"] == 0.0
