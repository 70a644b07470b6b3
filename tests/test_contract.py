"""`storyline extract` output holds the machine-readable contract (docs/contract.md)."""
from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.records import ATTRIBUTION_ACTS, ATTRIBUTION_KINDS, PLOVER_TYPES, QUALIFIERS, SOURCE_TYPES

DATE_VALUE = re.compile(r"(\d{4}(-\d{2}(-\d{2}(T(MO|AF|EV|NI))?)?|-W\d{2}(-WE)?|-Q[1-4]|-H[12]|-(SP|SU|FA|WI))?"
                        r"|\d{2,3}|PAST_REF|PRESENT_REF|FUTURE_REF)")
ALPHA3 = re.compile(r"[A-Z]{3}")


def contract_problems(rec: dict) -> list[str]:
    """Every way ``rec`` breaks the contract (empty when it holds)."""
    bad: list[str] = []
    text = rec.get("text")
    if not isinstance(text, str):
        return ["text is not a string"]
    n = len(text)

    def span(where, s, nullable=False):
        if s is None:
            if not nullable:
                bad.append(f"{where}: missing span")
            return
        if not (isinstance(s, list) and len(s) == 2 and all(type(i) is int for i in s) and 0 <= s[0] < s[1] <= n):
            bad.append(f"{where}: bad span {s!r}")

    for key, types in (("id", str), ("title", (str, type(None))), ("source", (str, type(None))),
                       ("published", (str, type(None)))):
        if key not in rec or not isinstance(rec[key], types):
            bad.append(f"{key}: missing or wrong type")
    if rec.get("published") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", rec["published"]):
        bad.append("published is not YYYY-MM-DD")
    for key in ("entities", "attributions", "events", "counts", "dates", "places"):
        if not isinstance(rec.get(key), list):
            bad.append(f"{key}: not a list")
            return bad
    ids = [e["id"] for e in rec["entities"]]
    if len(ids) != len(set(ids)):
        bad.append("entity ids are not unique")
    for i, e in enumerate(rec["entities"]):
        if not (isinstance(e["name"], str) and isinstance(e["type"], str) and e["mentions"]):
            bad.append(f"entities[{i}]: name/type/mentions")
        for m in e["mentions"]:
            span(f"entities[{i}].mentions", m)
    for i, a in enumerate(rec["attributions"]):
        w = f"attributions[{i}]"
        if a["kind"] not in ATTRIBUTION_KINDS or a["source_type"] not in SOURCE_TYPES:
            bad.append(f"{w}: kind/source_type")
        if a.get("act") not in ATTRIBUTION_ACTS:  # required: speech, thought, perception, other
            bad.append(f"{w}: act")
        if not a["content"]:
            bad.append(f"{w}: empty content")
        for s in a["content"]:
            span(f"{w}.content", s)
        span(f"{w}.cue", a["cue"], nullable=True)
        span(f"{w}.source", a["source"], nullable=True)
        if a["source_entity"] is not None and a["source_entity"] not in ids:
            bad.append(f"{w}: source_entity not an entity id")
        nest = a["nested_in"]
        if nest is not None and not (type(nest) is int and 0 <= nest < len(rec["attributions"]) and nest != i):
            bad.append(f"{w}: nested_in")
    for i, ev in enumerate(rec["events"]):
        w = f"events[{i}]"
        if ev["type"] not in PLOVER_TYPES:
            bad.append(f"{w}: type")
        span(f"{w}.trigger", ev["trigger"])
        for role in ("actor", "recipient"):
            for p in ev[role]:
                if p["entity"] is not None and p["entity"] not in ids:
                    bad.append(f"{w}.{role}: entity")
                span(f"{w}.{role}.span", p["span"], nullable=True)
                if not isinstance(p["text"], str) or (p["country"] and not ALPHA3.fullmatch(p["country"])):
                    bad.append(f"{w}.{role}: text/country")
        for key, target in (("place", "places"), ("date", "dates")):
            k = ev[key]
            if k is not None and not (type(k) is int and 0 <= k < len(rec[target])):
                bad.append(f"{w}.{key}: not an index into {target}")
        if not all(type(ev[f]) is bool for f in ("negated", "hypothetical", "future")):
            bad.append(f"{w}: flags")
    for i, c in enumerate(rec["counts"]):
        if c["qualifier"] not in QUALIFIERS or not isinstance(c["value"], (int, float)) or isinstance(c["value"], bool):
            bad.append(f"counts[{i}]: value/qualifier")
        span(f"counts[{i}].span", c["span"])
    for i, d in enumerate(rec["dates"]):
        span(f"dates[{i}].span", d["span"])
        if text[d["span"][0]:d["span"][1]] != d["text"]:
            bad.append(f"dates[{i}]: text differs from its span")
        if d["value"] is not None and not DATE_VALUE.fullmatch(d["value"]):
            bad.append(f"dates[{i}]: value {d['value']!r}")
        if type(d["relative"]) is not bool:
            bad.append(f"dates[{i}]: relative")
    for i, p in enumerate(rec["places"]):
        span(f"places[{i}].span", p["span"])
        if p["country"] is not None and not ALPHA3.fullmatch(p["country"]):
            bad.append(f"places[{i}]: country")
        if p["geonameid"] is not None and type(p["geonameid"]) is not int:
            bad.append(f"places[{i}]: geonameid")
    return bad


def _extract(args):
    r = CliRunner().invoke(app, ["extract", *args])
    assert r.exit_code == 0, r.output
    return [json.loads(ln) for ln in r.stdout.splitlines() if ln.strip()]


@pytest.mark.parametrize("published", [None, "2025-02-18"])
def test_sample_output_holds_the_contract(shared_sample, published):
    recs = _extract([str(shared_sample)] + (["--published", published] if published else []))
    assert [r["id"] for r in recs] == ["000_d82f11879fb1db06.txt#1", "000_d82f11879fb1db06.txt#2"]
    assert [r["published"] for r in recs] == [published, published]
    for rec in recs:
        assert contract_problems(rec) == []


def test_bundled_corpus_holds_the_contract(shared_sample):
    for rec in _extract([str(shared_sample.parent / "corpus")]):
        assert contract_problems(rec) == [], rec["id"]


def test_jsonl_id_and_text_are_echoed_verbatim(tmp_path):
    text = "  Odd  spacing\r\nand a line break, the  mayor said.  "
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"id": "a/1?x", "text": text, "published": "2024-01-02"}) + "\n", encoding="utf-8")
    (rec,) = _extract([str(p)])
    assert rec["id"] == "a/1?x" and rec["text"] == text and rec["published"] == "2024-01-02"
    assert rec["title"] is None
    assert contract_problems(rec) == []


def test_published_never_comes_from_the_file_time(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("The mayor said the bridge would reopen on Monday.", encoding="utf-8")
    (rec,) = _extract([str(p)])
    assert rec["published"] is None


def test_validator_catches_a_broken_record():
    rec = {"id": "x", "title": None, "source": None, "published": "18/02/2025", "text": "abc",
           "entities": [], "attributions": [], "events": [], "counts": [], "places": [],
           "dates": [{"span": [0, 2], "text": "abc", "value": "yesterday", "relative": True}]}
    problems = contract_problems(rec)
    assert "published is not YYYY-MM-DD" in problems
    assert "dates[0]: text differs from its span" in problems
    assert "dates[0]: value 'yesterday'" in problems
