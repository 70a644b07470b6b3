"""Temporal expressions → TimeML DATE values against a publication date (example tables)."""
from __future__ import annotations

import datetime as dt

import pytest

from storyline.extract.time import extract_dates

TUE = dt.date(2025, 2, 18)  # a Tuesday, ISO week 8


def _values(nlp, text, published=TUE):
    doc = nlp(text)
    out = extract_dates(doc, published)
    for d in out:
        assert text[d.span[0]:d.span[1]] == d.text
    return {d.text: d.value for d in out}


@pytest.mark.parametrize("text, expr, value", [
    # weekdays: past tense → the most recent one (the day itself counts), future → the next
    ("The leaders spoke by phone on Monday.", "on Monday", "2025-02-17"),
    ("Markets fell on Tuesday.", "on Tuesday", "2025-02-18"),
    ("The summit will open on Thursday.", "on Thursday", "2025-02-20"),
    ("Talks are scheduled to resume on Friday.", "on Friday", "2025-02-21"),
    ("Protesters gathered last Tuesday.", "last Tuesday", "2025-02-11"),
    ("He was arrested on Saturday night.", "on Saturday night", "2025-02-15TNI"),
    ("He said the talks would resume on Friday.", "on Friday", "2025-02-21"),
    ("The company said on Monday it will close the plant.", "on Monday", "2025-02-17"),
    ("The trial begins Thursday.", "Thursday", "2025-02-20"),
    # the night, today, yesterday
    ("Drones struck a depot during the night.", "during the night", "2025-02-17TNI"),
    ("Russia shelled the city overnight.", "overnight", "2025-02-17TNI"),
    ("The minister resigned yesterday.", "yesterday", "2025-02-17"),
    ("Officials said this morning that talks failed.", "this morning", "2025-02-18TMO"),
    ("A vote is expected tomorrow.", "tomorrow", "2025-02-19"),
    # weeks, months, years relative to publication
    ("The summit was held last week.", "last week", "2025-W07"),
    ("Fighting intensified this week.", "this week", "2025-W08"),
    ("Prices rose earlier this month.", "earlier this month", "2025-02"),
    ("Macron raised the idea last year.", "last year", "2024"),
    ("Elections are due next year.", "next year", "2026"),
    ("The plant closed two years ago.", "two years ago", "2023"),
    ("Seventy-four years ago, a battle raged.", "Seventy-four years ago", "1951"),
    ("Officials recalled the Sept. 11 attacks.", "Sept. 11", "2001-09-11"),
    ("The Sept. 11 attack in Benghazi was discussed.", "Sept. 11", "2024-09-11"),
    ("Prices will double three years from now.", "three years from now", "2028"),
    ("Margins rose in H1 2024.", "H1 2024", "2024-H1"),
    # bare months: most recent past in past tense, next in future tense
    ("The ceasefire collapsed in November.", "November", "2024-11"),
    ("The parliament will vote in June.", "June", "2025-06"),
    ("Talks ended on December 12.", "December 12", "2024-12-12"),
    ("Elections are set for April.", "April", "2025-04"),
    ("The minister, who resigned in March, spoke.", "March", "2024-03"),
    # absolute expressions
    ("The deal was signed on March 3, 2021.", "March 3, 2021", "2021-03-03"),
    ("The war began on 24 February 2022.", "24 February 2022", "2022-02-24"),
    ("Output peaked in May 2008.", "May 2008", "2008-05"),
    ("The company was founded in 1998.", "1998", "1998"),
    ("Profits fell in the third quarter of 2009.", "the third quarter of 2009", "2009-Q3"),
    ("Sales rose in the first half of 2024.", "the first half of 2024", "2024-H1"),
    ("Investment collapsed in the 1990s.", "the 1990s", "199"),
    ("Cities grew fast in the 19th century.", "the 19th century", "18"),
    ("A new model is due in late 2026.", "late 2026", "2026"),
    ("Snow fell heavily in the winter of 2021.", "the winter of 2021", "2021-WI"),
    # seasons, quarters relative to publication
    ("Troops withdrew last summer.", "last summer", "2024-SU"),
    ("The offensive is expected this spring.", "this spring", "2025-SP"),
    ("Losses widened in the fourth quarter.", "the fourth quarter", "2024-Q4"),
    # weekends (ISO weeks), holidays, ranges, ends of periods
    ("Talks stalled over the weekend.", "the weekend", "2025-W07-WE"),
    ("Talks will resume this weekend.", "this weekend", "2025-W08-WE"),
    ("He came home for Christmas.", "Christmas", "2024-12-25"),
    ("Deliveries run from 2014-2016.", "2016", "2016"),
    ("A decision is due by the end of the month.", "the end of the month", "2025-02"),
    ("Profit fell in the fourth quarter from a year earlier.", "a year earlier", "2023-Q4"),
    # the present, the past, the future as a whole
    ("The army is currently regrouping.", "currently", "PRESENT_REF"),
    ("Inflation has eased recently.", "recently", "PAST_REF"),
    ("More aid will arrive in the coming weeks.", "the coming weeks", "FUTURE_REF"),
])
def test_expression_is_normalised(nlp, text, expr, value):
    assert _values(nlp, text).get(expr) == value


@pytest.mark.parametrize("text", [
    "The war has lasted three years.",           # duration
    "They fought for two weeks.",                # duration
    "The president, 51, is 51 years old.",       # age
    "The company may cut 2,000 jobs.",           # "may" the verb; a count
    "Stocks fall when rates rise.",              # "fall" the verb
    "He sold 2000 shares.",                      # a count that looks like a year
    "Shops open on Mondays.",                    # a set, not a date
    "She is in her 70s.",                        # an age, not a decade
    "The overnight rate was unchanged.",         # "overnight" as an adjective
    "He gave an evening speech.",                # part of day without a day
    "It happened several years ago.",            # no exact value
    "The Russell 2000 Index fell.",              # a year-like number inside a name
    "He joined the 17 February Brigade.",        # a date inside a name
])
def test_non_dates_are_not_extracted(nlp, text):
    assert _values(nlp, text) == {}


def test_anniversary_resolves_only_with_its_anchor_in_the_text(nlp):
    anchored = "The war began on February 24, 2022. Kyiv marked the third anniversary with a parade."
    assert _values(nlp, anchored).get("the third anniversary") == "2025-02-24"
    assert "third anniversary" not in _values(nlp, "The war approaches its third anniversary.")
    before = "Kyiv marked the third anniversary of the invasion, which began on February 24, 2022."
    assert _values(nlp, before)["the third anniversary"] == "2025-02-24"
    unrelated = "On March 3, 2021 he spoke. Later, the couple marked their tenth anniversary."
    assert "tenth anniversary" not in _values(nlp, unrelated)


def test_day_before_counts_from_the_last_day_mentioned(nlp):
    vals = _values(nlp, "The index fell on Monday. The day before, it had risen.")
    assert vals["The day before"] == "2025-02-16"
    assert "The day before" not in _values(nlp, "The day before the vote, he resigned.")
    # a week value is not a day to count from
    assert _values(nlp, "Talks ended this weekend. The day before, shelling resumed.")["The day before"] == "2025-02-17"


def test_values_follow_the_contract_grammar_and_spans_do_not_overlap(nlp):
    from storyline.evaluation.dates import is_contract_value

    text = ("On Monday, March 3, 2021, officials said that in the 1990s and since late 2019, and "
            "during the night, the army currently regrouping last week will move next spring, "
            "in Q3 2024 or the second half of 2025, two days ago, or the 19th century.")
    out = extract_dates(nlp(text), TUE)
    assert len(out) >= 10
    for d in out:
        assert d.value is None or is_contract_value(d.value), d
    spans = sorted(d.span for d in out)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_weekday_beside_a_written_date_takes_that_date(nlp):
    vals = _values(nlp, "On Monday, March 3, 2021, officials said.")
    assert vals["On Monday"] == vals["March 3, 2021"] == "2021-03-03"
    vals = _values(nlp, "They met on Sept. 10. Aides met again the next day, Sept. 15, he said.")
    assert vals["the next day"] == "2024-09-15"


def test_anaphoric_same_day_takes_the_last_day_mentioned(nlp):
    vals = _values(nlp, "The index fell 3% on Monday and ended the day at 7,114.", dt.date(2009, 2, 24))
    assert vals["on Monday"] == "2009-02-23"
    assert vals["the day"] == "2009-02-23"
