"""Events and counts against the PLOVER gold-standard records (events/plover_gsr_dev.json).

Protocol (shared/data/README.md, PRODUCT.md "How the evaluations read the contract"):

- the old GSR vocabulary is mapped first: DEMAND→REQUEST, DISAPPROVE→ACCUSE,
  INVESTIGATE→ACCUSE, FIGHT→ASSAULT;
- ``type_accuracy``: a record is right when its gold type is among the types of the events
  predicted for its sentence; ``types_per_sentence`` is the mean number of distinct predicted
  types per distinct sentence (must stay ≤ 1.6);
- ``macro_f1``: per type, a record of that type found is a true positive, missed a false
  negative; a sentence predicted with a type that none of its records carries is a false
  positive; F1 averaged over the types that occur in gold or predictions;
- ``actor_country_f1`` / ``recipient_country_f1``: micro-F1 of alpha-3 codes per record (gold
  ``code`` values that are ISO countries; IGO, NGO and the like are not countries), against the
  actors/recipients of the predicted events of the gold type (all events of the sentence when
  none has that type);
- ``count_accuracy``: over records with ``dead``/``injured``/``size``, a predicted count of the
  sentence has the gold value (numeric golds) or its text contains the gold words ("Thousands");
  ``count_type_accuracy`` also wants the type (dead→killed, injured→wounded).

The baseline row is a keyword lexicon written from the PLOVER codebook definitions: the first
type whose keyword occurs in the sentence, first and second country named as actor/recipient,
and every number written in digits as a count.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from storyline.evaluation.common import Report, data_root, require
from storyline.records import PLOVER_TYPES

OLD_TO_NEW = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
              "FIGHT": "ASSAULT"}
GSR_FILE = "plover_gsr_dev.json"

# A keyword lexicon written from the codebook's definitions (the baseline row).
BASELINE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "AGREE": ("agree", "promise", "offer", "pledge", "willing"),
    "CONSULT": ("meet", "met ", "visit", "consult", "talks", "phone", "host"),
    "SUPPORT": ("praise", "support", "endorse", "sign", "apolog", "recogni"),
    "CONCEDE": ("concede", "ease", "lift", "yield", "accede"),
    "COOPERATE": ("cooperat", "share", "extradit", "joint"),
    "AID": ("aid", "assistance", "donat", "asylum", "provide"),
    "RETREAT": ("withdraw", "retreat", "resign", "release", "demobili"),
    "REQUEST": ("demand", "request", "urge", "appeal", "call for", "ask"),
    "ACCUSE": ("accuse", "condemn", "denounce", "criticiz", "investigat", "protest to"),
    "REJECT": ("reject", "refuse", "deny", "denied", "oppose", "dismiss"),
    "THREATEN": ("threat", "warn", "ultimatum"),
    "PROTEST": ("protest", "demonstrat", "rally", "strike", "riot", "march"),
    "SANCTION": ("sanction", "embargo", "suspend", "expel", "halt"),
    "MOBILIZE": ("mobiliz", "alert", "deploy", "troops"),
    "COERCE": ("arrest", "detain", "ban", "curfew", "seize", "demolish"),
    "ASSAULT": ("attack", "kill", "bomb", "shell", "fight", "wound", "tortur", "assassin"),
}

_COUNT_TYPE = {"dead": "killed", "injured": "wounded"}


def _is_country(code: str | None) -> bool:
    if not code or not re.fullmatch(r"[A-Z]{3}", code):
        return False
    if code == "XKX":
        return True
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None


def _gold_codes(field) -> set[str]:
    if not isinstance(field, list):
        return set()
    return {a.get("code") for a in field if _is_country(a.get("code"))}


def _f1(tp: int, fp: int, fn: int) -> float:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def load_records(data: Path | None = None) -> list[dict]:
    path = Path(data) if data is not None else data_root() / "events"
    if path.is_dir():
        path = path / GSR_FILE
    require(path, "PLOVER gold-standard records (events/plover_gsr_dev.json)")
    with open(path, encoding="utf-8") as f:
        recs = json.load(f)
    for r in recs:
        r["gold_type"] = OLD_TO_NEW.get(r["event"], r["event"])
    return recs


def _baseline(text: str) -> tuple[list[str], set[str], set[str]]:
    from storyline.extract.places.countries import countries_in

    low = text.lower()
    types = []
    best = None
    for t, kws in BASELINE_KEYWORDS.items():
        pos = min((low.find(k) for k in kws if k in low), default=-1)
        if pos >= 0 and (best is None or pos < best[0]):
            best = (pos, t)
    if best:
        types = [best[1]]
    codes = countries_in(text)
    return types, set(codes[:1]), set(codes[1:2])


def _count_ok(rec: dict, counts, text: str, want_type: bool) -> list[bool]:
    out = []
    for key in ("dead", "injured", "size"):
        if key not in rec:
            continue
        gold = str(rec[key]).strip()
        ok = False
        for c in counts:
            if want_type and key in _COUNT_TYPE and c.type != _COUNT_TYPE[key]:
                continue
            if gold.replace(",", "").isdigit():
                hit = float(c.value) == float(gold.replace(",", ""))
            else:
                hit = gold.lower() in text[c.span[0]:c.span[1]].lower()
            if hit:
                ok = True
                break
        out.append(ok)
    return out


def score(records: list[dict], predict) -> dict[str, float]:
    """``predict(text) -> (types, actor_codes_by_type, recip_codes_by_type, counts)``."""
    cache: dict[str, tuple] = {}
    for r in records:
        if r["text"] not in cache:
            cache[r["text"]] = predict(r["text"])
    right = 0
    tp, fn = Counter(), Counter()
    fp = Counter()
    gold_by_text: dict[str, set[str]] = defaultdict(set)
    for r in records:
        gold_by_text[r["text"]].add(r["gold_type"])
    a_tp = a_fp = a_fn = r_tp = r_fp = r_fn = 0
    counts_ok: list[bool] = []
    counts_type_ok: list[bool] = []
    for r in records:
        types, actors, recips, counts = cache[r["text"]]
        g = r["gold_type"]
        if g in types:
            right += 1
            tp[g] += 1
        else:
            fn[g] += 1
        if g in types:  # the events of the gold type, else every event of the sentence
            pa, pr = actors.get(g, set()), recips.get(g, set())
        else:
            pa = set().union(*actors.values()) if actors else set()
            pr = set().union(*recips.values()) if recips else set()
        ga, gr = _gold_codes(r.get("source")), _gold_codes(r.get("target"))
        a_tp += len(pa & ga)
        a_fp += len(pa - ga)
        a_fn += len(ga - pa)
        r_tp += len(pr & gr)
        r_fp += len(pr - gr)
        r_fn += len(gr - pr)
        counts_ok += _count_ok(r, counts, r["text"], False)
        counts_type_ok += _count_ok(r, counts, r["text"], True)
    for text, (types, *_rest) in cache.items():
        for t in set(types):
            if t not in gold_by_text[text]:
                fp[t] += 1
    present = [t for t in PLOVER_TYPES if tp[t] + fn[t] + fp[t] > 0]
    macro = sum(_f1(tp[t], fp[t], fn[t]) for t in present) / len(present) if present else 0.0
    n_types = [len(set(v[0])) for v in cache.values()]
    out = {
        "type_accuracy": right / len(records) if records else 0.0,
        "macro_f1": macro,
        "types_per_sentence": sum(n_types) / len(n_types) if n_types else 0.0,
        "actor_country_f1": _f1(a_tp, a_fp, a_fn),
        "recipient_country_f1": _f1(r_tp, r_fp, r_fn),
        "count_accuracy": sum(counts_ok) / len(counts_ok) if counts_ok else 0.0,
        "count_type_accuracy": sum(counts_type_ok) / len(counts_type_ok) if counts_type_ok else 0.0,
    }
    if not counts_ok:  # no record carries dead/injured/size (e.g. a small --limit): no score
        del out["count_accuracy"], out["count_type_accuracy"]
    return out


def storyline_predictor():
    """A predictor running the real stages (entities, places, dates, counts, events)."""
    from storyline.annotate.nlp import load
    from storyline.extract.counts import extract_counts
    from storyline.extract.events import extract_events

    from storyline.annotate.entities import resolve_entities
    from storyline.extract.places import extract_places

    nlp = load()

    def predict(text: str):
        doc = nlp(text)
        try:
            ents = resolve_entities(doc)
        except Exception:  # a broken neighbour stage must not break this score
            ents = []
        try:
            places = extract_places(doc, ents)
        except Exception:  # a broken neighbour stage must not break this score
            places = []
        events = extract_events(doc, ents, places, [])
        counts = extract_counts(doc)
        types = [e.type for e in events]
        actors: dict[str, set[str]] = defaultdict(set)
        recips: dict[str, set[str]] = defaultdict(set)
        for e in events:
            actors[e.type] |= {a.country for a in e.actor if a.country}
            recips[e.type] |= {a.country for a in e.recipient if a.country}
        return types, dict(actors), dict(recips), counts

    return predict


_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def _baseline_counts(text: str):
    """Every number written in digits, as an exact count of nothing in particular."""
    from storyline.records import Count

    return [Count(value=int(m.group(0).replace(",", "")), qualifier="exact", object="",
                  span=m.span()) for m in _DIGITS.finditer(text)]


def baseline_predictor():
    def predict(text: str):
        types, a, r = _baseline(text)
        t = types[0] if types else None
        return types, ({t: a} if t else {}), ({t: r} if t else {}), _baseline_counts(text)

    return predict


def run(data: Path | None = None, split: str | None = None, limit: int | None = None) -> Report:
    """Score storyline and the codebook keyword baseline on the PLOVER GSR records.

    ``data`` is the ``events`` folder (or the JSON file itself); ``split`` is accepted for the
    common interface and ignored (the folder holds the development half only); ``limit`` keeps
    the first N records.
    """
    records = load_records(data)
    if limit:
        records = records[:limit]
    rows = {
        "storyline": score(records, storyline_predictor()),
        "keyword_baseline": score(records, baseline_predictor()),
    }
    notes = (
        f"{len(records)} PLOVER GSR records ({len({r['text'] for r in records})} sentences); "
        "old types mapped DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT",
        "types_per_sentence is a budget (≤ 1.6), not a score",
    )
    return Report(name="events", rows=rows, notes=notes)
