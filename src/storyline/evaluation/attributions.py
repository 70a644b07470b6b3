"""Attribution evaluation on PolNeAR (brat standoff), with both published protocols.

1. Gender Gap Tracker overlap: a gold content is found when an unused prediction covers more
   than ``t`` of its characters (greedy one-to-one, t = 0.3 and 0.8); precision, recall and F1
   summed over documents; speaker accuracy over matched items (the predicted source overlaps
   the gold source; both null counts as right).
2. Exact-span precision/recall/F1 per role (source, cue, content): a predicted span counts when
   it equals a gold span of that role in the same document (whitespace at span edges ignored;
   a discontinuous span is compared as its tuple of parts, parts separated only by whitespace
   joined).

Also reported: content tightness, the share of predicted content characters that lie inside the
gold content, over matched items at t = 0.3.
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.evaluation.common import Report, data_root, require
from storyline.records import Attribution

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    content: Spans
    cue: Spans
    source: Spans


@dataclass(frozen=True)
class GoldDoc:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


# --- reading PolNeAR ---------------------------------------------------------------------------

def _first_annotators(root: Path) -> dict[str, str]:
    meta = require(root / "metadata.tsv", "PolNeAR metadata.tsv")
    out: dict[str, str] = {}
    with open(meta, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        i_name, i_ann = header.index("filename"), header.index("annotators")
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > max(i_name, i_ann):
                out[cols[i_name]] = cols[i_ann].split("|")[0]
    return out


def _parse_spans(s: str) -> Spans:
    parts = []
    for piece in s.split(";"):
        a, b = piece.split()
        parts.append((int(a), int(b)))
    return tuple(parts)


_ANN_LINE = re.compile(r"^[TE]\d+\t")


def parse_ann(ann: str) -> tuple[GoldAttribution, ...]:
    """brat standoff → attributions (T lines are spans, E lines tie roles together)."""
    spans: dict[str, Spans] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.splitlines():
        if not _ANN_LINE.match(line):  # continuation of a span text holding a newline, notes
            continue
        if line.startswith("T"):
            tid, mid = line.split("\t")[:2]
            label, _, offs = mid.partition(" ")
            spans[tid] = _parse_spans(offs)
        elif line.startswith("E"):
            args = line.split("\t")[1].split()
            events.append([tuple(a.split(":", 1)) for a in args])  # type: ignore[misc]
    out = []
    for args in events:
        roles: dict[str, list[tuple[int, int]]] = {"Content": [], "Cue": [], "Source": []}
        for role, tid in args:
            base = role.rstrip("0123456789")
            if base in roles and tid in spans:
                roles[base].extend(spans[tid])
        out.append(GoldAttribution(
            content=tuple(sorted(roles["Content"])),
            cue=tuple(sorted(roles["Cue"])),
            source=tuple(sorted(roles["Source"])),
        ))
    return tuple(out)


def load_polnear(data: Path | None = None, split: str = "dev", limit: int | None = None) -> list[GoldDoc]:
    root = require(data if data is not None else data_root() / "polnear", "PolNeAR data")
    first = _first_annotators(root)
    text_dir = require(root / split / "text", f"PolNeAR split {split!r}")
    docs = []
    for txt in sorted(text_dir.glob("*.txt")):
        name = txt.stem
        ann_name = first.get(name)
        ann = root / split / "attributions" / f"{name}_{ann_name}.ann"
        if ann_name is None or not ann.exists():
            continue
        docs.append(GoldDoc(name, txt.read_text(encoding="utf-8"),
                            parse_ann(ann.read_text(encoding="utf-8"))))
        if limit is not None and len(docs) >= limit:
            break
    return docs


# --- scoring ---------------------------------------------------------------------------------------

def _norm(text: str, spans) -> Spans:
    """Spans without whitespace at their edges, empty parts dropped, and parts that only
    whitespace separates joined (PolNeAR splits contents at its own sentence boundaries)."""
    parts = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            parts.append((a, b))
    parts.sort()
    out: list[tuple[int, int]] = []
    for a, b in parts:
        if out and (a <= out[-1][1] or not text[out[-1][1]:a].strip()):
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return tuple(out)


def _chars(spans) -> set[int]:
    return {i for a, b in spans for i in range(a, b)}


def _spans_overlap(x, y) -> bool:
    return any(a < d and c < b for a, b in x for c, d in y)


@dataclass
class _Tally:
    gold: int = 0
    pred: int = 0
    hit: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.hit / self.pred if self.pred else 0.0
        r = self.hit / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class Scores:
    overlap: dict[float, _Tally]
    speaker: dict[float, list[int]]  # t -> [right, matched]
    exact: dict[str, _Tally]
    tight: list[int]  # [pred chars inside gold, pred chars] over matched items at t=0.3

    @classmethod
    def new(cls) -> "Scores":
        return cls({0.3: _Tally(), 0.8: _Tally()}, {0.3: [0, 0], 0.8: [0, 0]},
                   {r: _Tally() for r in ("source", "cue", "content")}, [0, 0])

    def metrics(self) -> dict[str, float]:
        m: dict[str, float] = {}
        for t, tal in self.overlap.items():
            p, r, f = tal.prf()
            k = f"{t:.1f}"
            m[f"overlap_p@{k}"], m[f"overlap_r@{k}"], m[f"overlap_f1@{k}"] = p, r, f
            right, n = self.speaker[t]
            m[f"speaker_acc@{k}"] = right / n if n else 0.0
        for role, tal in self.exact.items():
            p, r, f = tal.prf()
            m[f"exact_{role}_p"], m[f"exact_{role}_r"], m[f"exact_{role}_f1"] = p, r, f
        m["content_tightness"] = self.tight[0] / self.tight[1] if self.tight[1] else 0.0
        return m


def greedy_match(gsets: list[set[int]], psets: list[set[int]], t: float) -> dict[int, int]:
    """The GGT matching: gold index → prediction index, each gold in order taking the unused
    prediction that covers most of its characters, kept when that is more than ``t`` of them."""
    used: set[int] = set()
    out = {}
    for gi, gs in enumerate(gsets):
        if not gs:
            continue
        best, best_ov = None, 0
        for pi, ps in enumerate(psets):
            if pi not in used and (ov := len(gs & ps)) > best_ov:
                best, best_ov = pi, ov
        if best is not None and best_ov / len(gs) > t:
            used.add(best)
            out[gi] = best
    return out


def score_doc(scores: Scores, text: str, gold: tuple[GoldAttribution, ...],
              pred: list[Attribution]) -> None:
    """Add one document to the tallies (both protocols)."""
    golds = [g for g in gold if g.content]
    preds = [p for p in pred if p.content]
    gsets = [_chars(_norm(text, g.content)) for g in golds]
    psets = [_chars(_norm(text, p.content)) for p in preds]
    for t in scores.overlap:
        tal = scores.overlap[t]
        tal.gold += len(golds)
        tal.pred += len(preds)
        for gi, best in greedy_match(gsets, psets, t).items():
            g, gs = golds[gi], gsets[gi]
            tal.hit += 1
            p = preds[best]
            gsrc = _norm(text, g.source)
            psrc = _norm(text, [p.source]) if p.source else ()
            right = (not gsrc and not psrc) or (bool(gsrc) and bool(psrc) and _spans_overlap(gsrc, psrc))
            scores.speaker[t][0] += int(right)
            scores.speaker[t][1] += 1
            if t == 0.3:
                scores.tight[0] += len(psets[best] & gs)
                scores.tight[1] += len(psets[best])
    for role in ("source", "cue", "content"):
        gset = {_norm(text, getattr(g, role)) for g in gold} - {()}
        if role == "content":
            pset = {_norm(text, p.content) for p in pred}
        else:
            pset = {_norm(text, [getattr(p, role)]) for p in pred if getattr(p, role) is not None}
        pset -= {()}
        tal = scores.exact[role]
        tal.gold += len(gset)
        tal.pred += len(pset)
        tal.hit += len(gset & pset)


# --- the regex baseline: quotation marks + "said X" ------------------------------------------------

_RX_QUOTE = re.compile(r"[\"“]([^\"“”\n]{2,}?)[\"”]")
_RX_SAID = re.compile(
    r"(?:,\s*|\s)(said|says|told|added)\s+((?:[A-Z][\w.’'-]*\s*){1,3})|"
    r"((?:[A-Z][\w.’'-]*\s*){1,3}|he |she |they )\s*(said|says|told|added)\b")


_RX_SAID_BEFORE = re.compile(
    r"([A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,2}|\b[Hh]e|\b[Ss]he)\s+(said|says|told)[^.\"“]*[:,]\s*$")


def regex_baseline(text: str) -> list[Attribution]:
    out = []
    for m in _RX_QUOTE.finditer(text):
        tail = text[m.end():m.end() + 60]
        head = text[max(0, m.start() - 60):m.start()]
        src = cue = None
        s = _RX_SAID.match(tail) or _RX_SAID.search(tail)
        if s and s.start() < 3:
            if s.group(1):
                cue = (m.end() + s.start(1), m.end() + s.end(1))
                src = (m.end() + s.start(2), m.end() + s.start(2) + len(s.group(2).rstrip().rstrip(".,")))
            else:
                src = (m.end() + s.start(3), m.end() + s.start(3) + len(s.group(3).rstrip()))
                cue = (m.end() + s.start(4), m.end() + s.end(4))
        else:
            hm = _RX_SAID_BEFORE.search(head)
            if hm:
                base = max(0, m.start() - 60)
                src = (base + hm.start(1), base + hm.end(1))
                cue = (base + hm.start(2), base + hm.end(2))
        out.append(Attribution("direct", ((m.start(), m.end()),), cue, src, None,
                               "person" if src else "unnamed"))
    return out


# --- run ----------------------------------------------------------------------------------------

def evaluate(golds: list[GoldDoc], docs: Iterable) -> dict[str, Scores]:
    """Score storyline and the regex baseline on parsed docs aligned with ``golds``."""
    from storyline.annotate.entities import resolve_entities
    from storyline.extract.attribution import extract_attributions

    sys_scores, base_scores = Scores.new(), Scores.new()
    for g, doc in zip(golds, docs):
        pred = extract_attributions(doc, resolve_entities(doc))
        score_doc(sys_scores, g.text, g.attributions, pred)
        score_doc(base_scores, g.text, g.attributions, regex_baseline(g.text))
    return {"storyline": sys_scores, "regex_baseline": base_scores}


def run(data: Path | None = None, split: str | None = None, limit: int | None = None) -> Report:
    from storyline.annotate.nlp import load

    split = split or "dev"
    golds = load_polnear(data, split, limit)
    if not golds:
        raise ValueError(f"no PolNeAR articles with annotations in split {split!r}")
    nlp = load()
    t0 = time.perf_counter()
    docs = list(nlp.pipe((g.text for g in golds), batch_size=32))
    t_parse = time.perf_counter() - t0
    scores = evaluate(golds, docs)
    n_attr = sum(len(g.attributions) for g in golds)
    return Report(
        name="attributions",
        rows={name: s.metrics() for name, s in scores.items()},
        notes=(
            f"PolNeAR {split}: {len(golds)} articles, {n_attr} gold attributions "
            f"(first annotator per article); parse {t_parse:.1f}s",
            "overlap = Gender Gap Tracker protocol (greedy one-to-one, > t of gold chars); "
            "exact = per-role exact span match; content_tightness = share of predicted content "
            "chars inside gold on matched items (t=0.3)",
        ),
    )
