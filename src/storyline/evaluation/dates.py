"""Date normalisation on MEANTIME (English WikiNews, CAT XML with TIMEX3 values).

Protocol (../shared/data/README.md, PRODUCT.md "How the evaluations read the contract"):
exact match of normalised DATE values against the document creation time (DCT), over the
gold TIMEX3 of type DATE whose value the contract's TimeML grammar expresses, the dateline
included. A gold DATE is right when an overlapping predicted span has exactly its value.

MEANTIME ships tokens, not text: the text is rebuilt here with character offsets we control —
the headline (sentence 0) on its own line, the dateline (the sentence holding the DCT TIMEX3)
on its own line, then the body — and each gold TIMEX3 gets the char span of its tokens.

Rows: ``storyline`` (extract_dates with the DCT as publication date) and ``dateparser``
(``dateparser.search.search_dates`` with the DCT as relative base, the naive baseline).
Metrics: ``accuracy`` (all in-text gold DATEs), ``accuracy_no_dateline`` (without the DCT
mention), ``precision`` (predicted spans overlapping any gold TIMEX3 whose value is right,
over predicted spans with a value; predictions that overlap a gold TIMEX3 of another type or
an inexpressible value are left out, and so are predictions after the sentences MEANTIME
annotates — its TIMEX3 layer covers the headline, the dateline and the first few sentences).
"""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from storyline.evaluation.common import Report, data_root, require

SUBFOLDER = "time/meantime_en"

# The contract grammar (PRODUCT.md, "TimeML DATE values").
CONTRACT_VALUE = re.compile(
    r"^(?:\d{4}(?:-\d{2}(?:-\d{2}(?:T(?:MO|AF|EV|NI))?)?|-W\d{2}(?:-WE)?|-Q[1-4]|-H[12]"
    r"|-(?:SP|SU|FA|WI))?|\d{3}|\d{2}|PAST_REF|PRESENT_REF|FUTURE_REF)$"
)

_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", "%", ")", "]", "}", "'s", "'", "n't", "''",
                    "'re", "'ve", "'ll", "'d", "'m", "...", "”", "’"}
_NO_SPACE_AFTER = {"(", "[", "{", "``", "$", "US$", "CA$", "AU$", "£", "“", "‘", "`", "#"}
_TOKEN_TEXT = {"``": '"', "''": '"', "`": "'"}


@dataclass(frozen=True)
class GoldTimex:
    span: tuple[int, int]
    type: str
    value: str
    dct: bool


@dataclass(frozen=True)
class MeantimeDoc:
    name: str
    text: str
    dct: dt.date
    timexes: tuple[GoldTimex, ...]
    annotated_end: int  # MEANTIME annotates the first sentences only: the end of the last one


def is_contract_value(value: str) -> bool:
    return bool(CONTRACT_VALUE.match(value))


def read_doc(path: Path) -> MeantimeDoc | None:
    """One CAT XML file → rebuilt text, DCT and gold TIMEX3 with char spans (None without DCT)."""
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id"), int(t.get("sentence")), t.text or "") for t in root.iter("token")]
    markables = root.find("Markables")
    timex_elems = list(markables.iter("TIMEX3")) if markables is not None else list(root.iter("TIMEX3"))
    dct_value, dct_tokens = None, set()
    for tx in timex_elems:
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct_value = tx.get("value")
            dct_tokens = {a.get("t_id") for a in tx.iter("token_anchor")}
    if not dct_value:
        # A few files mark no CREATION_TIME: the DCT is then the TIMEX3 the others anchor to.
        refs: dict[str, int] = {}
        for tx in timex_elems:
            if tx.get("anchorTimeID"):
                refs[tx.get("anchorTimeID")] = refs.get(tx.get("anchorTimeID"), 0) + 1
        by_id = {tx.get("m_id"): tx for tx in timex_elems}
        for mid, _n in sorted(refs.items(), key=lambda kv: -kv[1]):
            tx = by_id.get(mid)
            if tx is not None and re.match(r"^\d{4}-\d{2}-\d{2}$", tx.get("value") or ""):
                dct_value = tx.get("value")
                dct_tokens = {a.get("t_id") for a in tx.iter("token_anchor")}
                break
    m = re.match(r"^(\d{2})-(\d{2})-(\d{4})$", dct_value or "")
    if m:  # one file writes its DCT day-month-year ("03-02-2009" on a "February 03, 2009" dateline)
        dct_value = f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    if not dct_value or not re.match(r"^\d{4}-\d{2}-\d{2}", dct_value):
        return None
    dct = dt.date.fromisoformat(dct_value[:10])
    dateline_sent = {s for tid, s, _ in tokens if tid in dct_tokens}

    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos = 0
    prev_sent = None
    prev_tok = None
    quote_open = False
    for tid, sent, raw in tokens:
        tok = _TOKEN_TEXT.get(raw, raw)
        if prev_sent is None:
            sep = ""
        elif sent != prev_sent and (prev_sent == 0 or prev_sent in dateline_sent or sent in dateline_sent):
            sep = "\n\n"
        elif raw in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER:
            sep = ""
        elif raw == '"':
            sep = "" if quote_open else " "
        elif prev_tok == '"' and quote_open:
            sep = ""
        else:
            sep = " "
        if raw == '"':
            quote_open = not quote_open
        if raw == "``":
            quote_open = True
        parts.append(sep)
        pos += len(sep)
        offsets[tid] = (pos, pos + len(tok))
        parts.append(tok)
        pos += len(tok)
        prev_sent, prev_tok = sent, raw
    text = "".join(parts)

    sent_of = {tid: s for tid, s, _ in tokens}
    last_sent = max((sent_of[a.get("t_id")] for el in (markables if markables is not None else root)
                     for a in el.iter("token_anchor") if a.get("t_id") in sent_of), default=0)
    annotated_end = max(end for tid, (start, end) in offsets.items() if sent_of[tid] <= last_sent)
    gold = []
    for tx in timex_elems:
        anchors = [a.get("t_id") for a in tx.iter("token_anchor")]
        anchors = [a for a in anchors if a in offsets]
        if not anchors:
            continue  # non-textual TIMEX3 (TAG_DESCRIPTOR)
        start = min(offsets[a][0] for a in anchors)
        end = max(offsets[a][1] for a in anchors)
        is_dct = tx.get("functionInDocument") == "CREATION_TIME" or (bool(dct_tokens) and set(anchors) == dct_tokens)
        gold.append(GoldTimex((start, end), tx.get("type") or "", tx.get("value") or "", is_dct))
    return MeantimeDoc(path.stem, text, dct, tuple(sorted(gold, key=lambda g: g.span)), annotated_end)


def load_corpus(data: Path | None = None, limit: int | None = None) -> list[MeantimeDoc]:
    root = require(Path(data) if data is not None else data_root() / SUBFOLDER, "MEANTIME English (CAT XML)")
    if (root / SUBFOLDER).is_dir():  # the data root was given
        root = root / SUBFOLDER
    if (root / "intra-doc_annotation").is_dir():
        root = root / "intra-doc_annotation"
    files = sorted(root.glob("**/*.xml"))
    if not files:
        from storyline.errors import DataMissing

        raise DataMissing(f"no MEANTIME CAT XML files under {root}: pass --data .../time/meantime_en")
    docs = []
    for f in files:
        d = read_doc(f)
        if d is not None:
            docs.append(d)
        if limit is not None and len(docs) >= limit:
            break
    return docs


def _split(docs: list[MeantimeDoc], split: str | None) -> list[MeantimeDoc]:
    """``dev``/``train``: a fixed half by sorted position (even/odd); None or ``all``: everything."""
    if split in (None, "all"):
        return docs
    if split in ("train", "dev"):
        want = 0 if split == "train" else 1
        return [d for i, d in enumerate(docs) if i % 2 == want]
    raise ValueError(f"unknown split {split!r}: use train, dev or all")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(docs: list[MeantimeDoc], predictions: list[list[tuple[tuple[int, int], str | None]]]) -> dict[str, float]:
    """Accuracy over expressible gold DATEs (with and without dateline) and precision."""
    hit = total = hit_nd = total_nd = 0
    p_right = p_total = 0
    for doc, preds in zip(docs, predictions):
        golds = [g for g in doc.timexes if g.type == "DATE" and is_contract_value(g.value)]
        for g in golds:
            ok = any(v == g.value and _overlaps(s, g.span) for s, v in preds)
            total += 1
            hit += ok
            if not g.dct:
                total_nd += 1
                hit_nd += ok
        for s, v in preds:
            if v is None or s[0] >= doc.annotated_end:
                continue
            over = [g for g in doc.timexes if _overlaps(s, g.span)]
            if any(g.type == "DATE" and g.value == v for g in over):
                p_right += 1
                p_total += 1
            elif over and all(g.type != "DATE" or not is_contract_value(g.value) for g in over):
                continue  # a TIME/DURATION/SET or an inexpressible gold value: not scored
            else:
                p_total += 1
    return {
        "accuracy": hit / total if total else 0.0,
        "accuracy_no_dateline": hit_nd / total_nd if total_nd else 0.0,
        "precision": p_right / p_total if p_total else 0.0,
    }


def gold_count(docs: list[MeantimeDoc]) -> int:
    return sum(1 for d in docs for g in d.timexes if g.type == "DATE" and is_contract_value(g.value))


def _dateparser_baseline(doc: MeantimeDoc) -> list[tuple[tuple[int, int], str | None]]:
    """dateparser alone: search_dates with the DCT as relative base; each hit's granularity
    (day, week, month, year) from DateDataParser on the hit, so "2009" scores as a year."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    base = dt.datetime.combine(doc.dct, dt.time(12))
    settings = {"RELATIVE_BASE": base}
    ddp = DateDataParser(languages=["en"], settings=settings)
    found = search_dates(doc.text, languages=["en"], settings=settings) or []
    out = []
    cursor = 0
    for surface, when in found:
        i = doc.text.find(surface, cursor)
        if i < 0:
            i = doc.text.find(surface)
        if i < 0:
            continue
        cursor = i + len(surface)
        try:
            period = ddp.get_date_data(surface).period or "day"
        except Exception:  # an odd hit: keep the day value
            period = "day"
        d = when.date()
        value = {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}",
                 "week": "%04d-W%02d" % d.isocalendar()[:2]}.get(period, d.isoformat())
        out.append(((i, i + len(surface)), value))
    return out


def predict(docs: list[MeantimeDoc]) -> list[list[tuple[tuple[int, int], str | None]]]:
    from storyline.annotate.nlp import load
    from storyline.extract.time import extract_dates

    nlp = load()
    out = []
    for doc, meantime in zip(nlp.pipe([d.text for d in docs]), docs):
        out.append([(d.span, d.value) for d in extract_dates(doc, meantime.dct)])
    return out


def run(data: Path | None = None, split: str | None = None, limit: int | None = None,
        baseline: bool = True) -> Report:
    docs = _split(load_corpus(data, None), split)
    if limit is not None:
        docs = docs[:limit]
    rows = {"storyline": score(docs, predict(docs))}
    if baseline:
        rows["dateparser"] = score(docs, [_dateparser_baseline(d) for d in docs])
    notes = (
        f"{len(docs)} MEANTIME documents, {gold_count(docs)} gold DATE values in the "
        "contract grammar (dateline included); DCT = publication date",
        "dateparser row: dateparser.search.search_dates with the DCT as RELATIVE_BASE, each hit at "
        "its own granularity (DateDataParser period)",
        "precision counts predictions inside the annotated sentences only (MEANTIME annotates the "
        "headline, dateline and first sentences)",
    )
    return Report("dates", rows, notes)
