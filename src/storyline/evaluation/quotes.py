"""Quote evaluation on the Gender Gap Tracker annotations (quotes as newsrooms count them).

GGT annotates only **speech**: what people said, quoted or paraphrased, with the speaker. So only
the attributions storyline marks ``act == "speech"`` are scored, with the overlap protocol of
``storyline.evaluation.attributions``: a gold quote is found when an unused prediction covers
more than ``t`` of its characters (greedy one-to-one, t = 0.3 and 0.8), precision, recall and F1
summed over documents. A quote is GGT's unit: one stretch of text inside one paragraph, so a
prediction whose content runs over paragraphs or around its cue is scored as its stretches
(``quote_units``), each with its speaker — on both sides of the ratio.

Speaker accuracy is over the quotes matched at each ``t``. The predicted speaker is right when its
source span overlaps the gold speaker span, or when the name it resolves to (the source entity's
name, else the source text) shares a name word with the gold ``reference`` (GGT's resolved name:
"Kim" for a "she" two sentences on; for a quote with no speaker in its sentence, the reference
is all there is). No speaker on either side counts as right.

Each error is listed by kind so that it can be read: ``missed`` (a gold quote no prediction
covers), ``spurious`` (a prediction that covers no gold quote), ``speaker`` (matched, wrong
speaker) and ``boundary`` (matched at 0.3 but not at 0.8).
"""
from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from storyline.evaluation.attributions import _chars, _norm, _spans_overlap, _Tally, greedy_match, regex_baseline
from storyline.evaluation.common import Report, data_root, require
from storyline.records import Attribution, Entity

THRESHOLDS = (0.3, 0.8)
# words that name no one: a reference or a source sharing only these is not the same speaker
_NOT_NAMES = frozenset("""
    the a an and of mr mrs ms dr de la le van von his her their its he she they it who
    minister president premier mayor chief spokesperson spokesman spokeswoman official
    officials police""".split())
_WORD = re.compile(r"[\w’'-]+")
_MARKS = frozenset("\"“”‘’'«»„")


@dataclass(frozen=True)
class GoldQuote:
    span: tuple[int, int]
    speaker: tuple[int, int] | None
    reference: str


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    quotes: tuple[GoldQuote, ...]


@dataclass(frozen=True)
class QuoteError:
    kind: str  # missed, spurious, speaker, boundary
    article: str
    text: str  # the gold quote (or the prediction, for spurious)
    detail: str

    def to_dict(self) -> dict:
        return {"kind": self.kind, "article": self.article, "text": self.text, "detail": self.detail}


def load_ggt(data: Path | None = None, split: str = "dev", limit: int | None = None) -> list[GoldArticle]:
    """``ggt/ggt_<split>.jsonl``; quotes whose span could not be found in the text are left out."""
    path = require((data if data is not None else data_root() / "ggt") / f"ggt_{split}.jsonl",
                   f"GGT split {split!r}")
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            quotes = tuple(
                GoldQuote(tuple(q["quote_span"]), tuple(q["speaker_span"]) if q.get("speaker_span") else None,
                          q.get("reference") or q.get("speaker") or "")
                for q in row["quotes"] if q.get("quote_span"))
            out.append(GoldArticle(str(row["id"]), row["text"], quotes))
            if limit is not None and len(out) >= limit:
                break
    return out


def _name_words(name: str) -> set[str]:
    return {w.lower().replace("’s", "").replace("'s", "") for w in _WORD.findall(name)} - _NOT_NAMES


def speaker_names(text: str, pred: Attribution, entities: Iterable[Entity]) -> list[str]:
    """What a prediction says its speaker is called: the resolved entity's name, then the source."""
    names = []
    if pred.source_entity:
        names += [e.name for e in entities if e.id == pred.source_entity]
    if pred.source:
        names.append(text[pred.source[0]:pred.source[1]])
    return names


def speaker_right(text: str, gold: GoldQuote, pred: Attribution, entities: Iterable[Entity]) -> bool:
    if pred.source is None and pred.source_entity is None:
        return gold.speaker is None and not gold.reference
    if gold.speaker and pred.source and _spans_overlap([gold.speaker], [pred.source]):
        return True
    ref = _name_words(gold.reference)
    return bool(ref) and any(ref & _name_words(n) for n in speaker_names(text, pred, entities))


@dataclass
class QuoteScores:
    overlap: dict[float, _Tally]
    speaker: dict[float, list[int]]  # t -> [right, matched]
    errors: list[QuoteError]

    @classmethod
    def new(cls) -> "QuoteScores":
        return cls({t: _Tally() for t in THRESHOLDS}, {t: [0, 0] for t in THRESHOLDS}, [])

    def metrics(self) -> dict[str, float]:
        m: dict[str, float] = {}
        for t, tal in self.overlap.items():
            k = f"{t:.1f}"
            m[f"overlap_p@{k}"], m[f"overlap_r@{k}"], m[f"overlap_f1@{k}"] = tal.prf()
            right, n = self.speaker[t]
            m[f"speaker_acc@{k}"] = right / n if n else 0.0
        for kind in ("missed", "spurious", "speaker", "boundary"):
            m[f"errors_{kind}"] = sum(e.kind == kind for e in self.errors)
        return m


def _snip(text: str, spans, width: int = 160) -> str:
    s = " … ".join(text[a:b] for a, b in spans).replace("\n", " ")
    return s if len(s) <= width else s[:width - 1] + "…"


def quote_units(text: str, pred: Attribution) -> list[Attribution]:
    """A prediction cut into GGT's unit: one quote is one stretch of text inside one paragraph.
    An attribution whose content runs over two paragraphs, or two quotations around their cue
    ("…," she said. "…"), becomes one unit per stretch, each with the attribution's speaker; the
    parts of one clause split by its cue ("whom, the couple claims, they adopted") stay one."""
    parts: list[tuple[int, int]] = []
    for a, b in _norm(text, pred.content):
        for piece in _split_lines(text, a, b):
            gap = text[parts[-1][1]:piece[0]] if parts else "\n"
            if "\n" not in gap and not (text[piece[0]] in _MARKS and text[parts[-1][1] - 1] in _MARKS):
                parts[-1] = (parts[-1][0], piece[1])
            else:
                parts.append(piece)
    return [replace(pred, content=(p,)) for p in parts]


def _split_lines(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out, start = [], a
    for i in range(a, b):
        if text[i] == "\n":
            if text[start:i].strip():
                out.append(_strip(text, start, i))
            start = i + 1
    if text[start:b].strip():
        out.append(_strip(text, start, b))
    return out


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def score_article(scores: QuoteScores, art: GoldArticle, pred: list[Attribution],
                  entities: list[Entity]) -> None:
    """Add one article: ``pred`` are the speech attributions already."""
    text = art.text
    preds = [u for p in pred if p.content for u in quote_units(text, p)]
    gsets = [_chars(_norm(text, [q.span])) for q in art.quotes]
    psets = [_chars(p.content) for p in preds]
    matched: dict[float, dict[int, int]] = {}
    for t in THRESHOLDS:
        m = matched[t] = greedy_match(gsets, psets, t)
        tal = scores.overlap[t]
        tal.gold += len(art.quotes)
        tal.pred += len(preds)
        tal.hit += len(m)
        for gi, pi in m.items():
            right = speaker_right(text, art.quotes[gi], preds[pi], entities)
            scores.speaker[t][0] += int(right)
            scores.speaker[t][1] += 1
            if t == THRESHOLDS[0] and not right:
                p = preds[pi]
                said = " / ".join(speaker_names(text, p, entities)) or "(none)"
                scores.errors.append(QuoteError("speaker", art.id, _snip(text, [art.quotes[gi].span]),
                                                f"gold {art.quotes[gi].reference!r}, predicted {said!r}"))
    low, high = matched[THRESHOLDS[0]], matched[THRESHOLDS[-1]]
    for gi, q in enumerate(art.quotes):
        if gi not in low:
            scores.errors.append(QuoteError("missed", art.id, _snip(text, [q.span]), f"speaker {q.reference!r}"))
        elif gi not in high:
            p = preds[low[gi]]
            scores.errors.append(QuoteError("boundary", art.id, _snip(text, [q.span]),
                                            f"predicted {_snip(text, p.content)!r}"))
    hit = set(low.values())
    for pi, p in enumerate(preds):
        if pi not in hit:
            cue = text[p.cue[0]:p.cue[1]] if p.cue else ""
            scores.errors.append(QuoteError("spurious", art.id, _snip(text, p.content),
                                            f"{p.kind}, cue {cue!r}"))


def evaluate(golds: list[GoldArticle], docs: Iterable) -> dict[str, QuoteScores]:
    """Score storyline (speech only) and the regex baseline on parsed docs aligned with ``golds``."""
    from storyline.annotate.entities import resolve_entities
    from storyline.extract.attribution import extract_attributions

    sys_scores, base_scores = QuoteScores.new(), QuoteScores.new()
    for g, doc in zip(golds, docs):
        entities = resolve_entities(doc)
        pred = [a for a in extract_attributions(doc, entities) if a.act == "speech"]
        score_article(sys_scores, g, pred, entities)
        score_article(base_scores, g, regex_baseline(g.text), [])
    return {"storyline": sys_scores, "regex_baseline": base_scores}


def run(data: Path | None = None, split: str | None = None, limit: int | None = None,
        errors: int = 0) -> Report:
    """``errors``: how many errors of each kind to list in the notes (0: counts only)."""
    from storyline.annotate.nlp import load

    split = split or "dev"
    golds = load_ggt(data, split, limit)
    if not golds:
        raise ValueError(f"no GGT articles in split {split!r}")
    nlp = load()
    t0 = time.perf_counter()
    docs = list(nlp.pipe((g.text for g in golds), batch_size=16))
    t_parse = time.perf_counter() - t0
    scores = evaluate(golds, docs)
    n = sum(len(g.quotes) for g in golds)
    notes = [f"GGT {split}: {len(golds)} articles, {n} gold quotes (speech only); parse {t_parse:.1f}s",
             "only attributions with act == speech are scored; overlap = greedy one-to-one, > t of "
             "gold chars; speaker right when the spans overlap or the resolved name matches GGT's reference"]
    if errors:
        kinds = Counter(e.kind for e in scores["storyline"].errors)
        for kind in ("missed", "spurious", "speaker", "boundary"):
            listed = [e for e in scores["storyline"].errors if e.kind == kind][:errors]
            notes.append(f"--- {kind}: {kinds[kind]}")
            notes += [f"{e.article}: {e.text!r} — {e.detail}" for e in listed]
    return Report(name="quotes", rows={name: s.metrics() for name, s in scores.items()}, notes=tuple(notes))
