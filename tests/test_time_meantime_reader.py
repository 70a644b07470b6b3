"""The MEANTIME reader: text rebuilt from CAT tokens with offsets that point at the gold TIMEX3."""
from __future__ import annotations

import datetime as dt

import pytest

from storyline.evaluation.dates import is_contract_value, read_doc, score

CAT = """<?xml version="1.0" ?><Document doc_id="1" doc_name="x" lang="en">
<token number="0" sentence="0" t_id="1">Plant</token>
<token number="1" sentence="0" t_id="2">closes</token>
<token number="2" sentence="1" t_id="3">March</token>
<token number="3" sentence="1" t_id="4">05</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2009</token>
<token number="6" sentence="2" t_id="7">The</token>
<token number="7" sentence="2" t_id="8">plant</token>
<token number="8" sentence="2" t_id="9">closed</token>
<token number="9" sentence="2" t_id="10">on</token>
<token number="10" sentence="2" t_id="11">Thursday</token>
<token number="11" sentence="2" t_id="12">,</token>
<token number="12" sentence="2" t_id="13">``</token>
<token number="13" sentence="2" t_id="14">sadly</token>
<token number="14" sentence="2" t_id="15">''</token>
<token number="15" sentence="2" t_id="16">.</token>
<Markables>
<TIMEX3 anchorTimeID="" functionInDocument="{fn}" m_id="1" type="DATE" value="{dct}">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 anchorTimeID="1" functionInDocument="NONE" m_id="2" type="DATE" value="2009-03-05">
<token_anchor t_id="11"/>
</TIMEX3>
<TIMEX3 TAG_DESCRIPTOR="x" anchorTimeID="1" functionInDocument="NONE" m_id="3" type="DATE" value="2008"/>
</Markables>
</Document>
"""


def _doc(tmp_path, fn="CREATION_TIME", dct="2009-03-05"):
    path = tmp_path / "doc.xml"
    path.write_text(CAT.format(fn=fn, dct=dct), encoding="utf-8")
    return read_doc(path)


def test_text_is_rebuilt_with_headline_and_dateline_lines(tmp_path):
    doc = _doc(tmp_path)
    assert doc.text == 'Plant closes\n\nMarch 05, 2009\n\nThe plant closed on Thursday, "sadly".'
    assert doc.dct == dt.date(2009, 3, 5)


def test_gold_spans_point_at_their_tokens_and_skip_non_textual(tmp_path):
    doc = _doc(tmp_path)
    assert [(doc.text[g.span[0]:g.span[1]], g.value, g.dct) for g in doc.timexes] == [
        ("March 05, 2009", "2009-03-05", True), ("Thursday", "2009-03-05", False)]


def test_dct_found_through_anchors_when_not_marked(tmp_path):
    doc = _doc(tmp_path, fn="NONE")
    assert doc.dct == dt.date(2009, 3, 5)
    assert doc.timexes[0].dct


def test_day_month_year_dct_is_read(tmp_path):
    assert _doc(tmp_path, dct="05-03-2009").dct == dt.date(2009, 3, 5)


@pytest.mark.parametrize("value, ok", [("2009", True), ("2009-03-05TNI", True), ("2009-W10-WE", True),
                                       ("199", True), ("PAST_REF", True), ("XXXX-XX-XX", False),
                                       ("P3Y", False), ("FY2009", False), ("2009-03-05T10:00", False)])
def test_contract_grammar(value, ok):
    assert is_contract_value(value) is ok


def test_score_counts_overlap_with_exact_value(tmp_path):
    doc = _doc(tmp_path)
    thursday = doc.timexes[1].span
    right = score([doc], [[((thursday[0] - 3, thursday[1]), "2009-03-05")]])
    wrong = score([doc], [[(thursday, "2009-03-04")]])
    assert right["accuracy_no_dateline"] == 1.0 and right["accuracy"] == 0.5
    assert wrong["accuracy_no_dateline"] == 0.0 and wrong["precision"] == 0.0
