"""Synthetic news streams with a known story partition, for benchmarks and concurrency tests.

``synthetic_stream(events, per_event, seed)`` returns ``(extractions, gold)``: ``per_event``
rewrites of each of ``events`` events, interleaved in arrival order and dated by event (a few
events a day), each about ``words`` words: the event's own names (a place, a person, an
organisation, given as entities with their spans), figures and vocabulary mixed with background
words every article shares (Zipf-like), so stories must be told apart by what is particular to
them, as in real news. Deterministic for a seed; no model needed.
"""
from __future__ import annotations

import datetime as dt
import random

from storyline.records import Article, Entity, Extraction

_SYLLABLES = ("ka", "lo", "mi", "ra", "ten", "vu", "sor", "bel", "din", "ost", "par", "gre", "hal",
              "nim", "qua", "tes", "ul", "wen", "yar", "zo", "bri", "cal", "dor", "fen")


def _word(rng: random.Random, n: int = 3) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(n))


def synthetic_stream(events: int, per_event: int = 4, *, seed: int = 7, words: int = 300,
                     start: dt.date = dt.date(2024, 1, 1), events_per_day: int = 40,
                     id_prefix: str = "syn") -> tuple[list[Extraction], list[str]]:
    rng = random.Random(seed)
    background = [_word(rng, 2) for _ in range(3000)]
    weights = [1.0 / (i + 1) for i in range(len(background))]
    specs = []
    for e in range(events):
        specs.append({
            "place": _word(rng).title(), "person": f"{_word(rng, 2).title()} {_word(rng).title()}",
            "org": f"{_word(rng).title()} Council", "vocab": [_word(rng) for _ in range(40)],
            "figures": [str(rng.randint(2, 999)) for _ in range(3)],
            "date": start + dt.timedelta(days=e // events_per_day)})
    order = [(e, k) for e in range(events) for k in range(per_event)]
    # arrival: each event's rewrites come within a window of the next few events
    order.sort(key=lambda ek: (ek[0] + rng.random() * 6 + ek[1] * 0.5))
    exts, gold = [], []
    for n, (e, k) in enumerate(order):
        sp = specs[e]
        parts = [f"{sp['person']} said in {sp['place']} that the {sp['org']} would act."]
        size = len(parts[0].split())
        while size < words:
            own = rng.sample(sp["vocab"], 6) + [rng.choice(sp["figures"])]
            shared = rng.choices(background, weights=weights, k=8)
            sentence = own + shared
            rng.shuffle(sentence)
            if rng.random() < 0.3:
                sentence.insert(0, rng.choice((sp["place"], sp["person"], sp["org"])))
            parts.append(" ".join(sentence).capitalize() + ".")
            size += len(sentence)
        text = " ".join(parts)
        ents = []
        for j, (name, label) in enumerate(((sp["person"], "PERSON"), (sp["place"], "GPE"),
                                           (sp["org"], "ORG")), 1):
            spans, at = [], text.find(name)
            while at >= 0:
                spans.append((at, at + len(name)))
                at = text.find(name, at + 1)
            ents.append(Entity(id=f"e{j}", name=name, type=label, mentions=tuple(spans)))
        title = f"{sp['place']}: {' '.join(rng.sample(sp['vocab'], 4))}"
        art = Article(id=f"{id_prefix}{n}", text=text, title=title, published=sp["date"], source=f"src{k}")
        exts.append(Extraction(article=art, entities=tuple(ents)))
        gold.append(f"event{e}")
    return exts, gold
