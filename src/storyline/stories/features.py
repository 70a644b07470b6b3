"""What the story layer reads from one article: terms, names, places, a trusted date, a fingerprint.

``article_features(extraction, config)`` is a pure function of the ``Extraction`` (only its
article's id, text, title, published and source, and the entity/place records derived from that
text). It never looks at the id's content: ids are opaque keys.

- ``terms``: sublinear term frequencies of content words (stop words dropped, possessives and
  plural ``s`` folded); title words count ``title_weight`` times.
- ``names``: keys for the named entities and places: the full name without titles and articles,
  plus the surname for people ("Volodymyr Zelensky" → ``volodymyr zelensky`` and ``zelensky``),
  so "Zelensky" in one version meets "President Volodymyr Zelensky" in another.
- ``lead``: content words of the title and the first ``lead_chars`` characters (the lead says
  what happened; background comes later and is shared with look-alike events).
- ``numbers``: figures as written ("5.4", "2013", "46"): scores, magnitudes, tolls and years
  tell apart two events of the same kind (a number glued to a word, "76ers", is a name, not a
  figure).
- ``date``: ``article.published`` when plausible, else ``None`` with a flag: ``future_date`` for a
  date after today (or after the configured clock), ``absurd_date`` for placeholder dates such as
  1970-01-01. Untrusted dates play no part in clustering.
- ``fingerprint``: MinHash signature of word shingles (see ``fingerprint``), or ``None`` for an
  article too short to fingerprint.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from storyline.records import Extraction
from storyline.stories.fingerprint import minhash, shingles
from storyline.stories.lexicon import NAME_DROP, STOPWORDS

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
NUMBER_RE = re.compile(r"(?<![\w.,])\d+(?:[.,:]\d+)*(?![\w])")
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT",
                         "WORK_OF_ART", "LAW"})
MIN_DATE = dt.date(1971, 1, 1)


@dataclass
class ArticleFeatures:
    """The clustering view of one article (plain data; pickles small)."""

    article_id: str
    terms: dict[str, float]
    names: dict[str, float]
    lead: dict[str, float]
    numbers: dict[str, float]
    date: dt.date | None
    fingerprint: np.ndarray | None
    flags: tuple[str, ...] = ()
    source: str | None = None
    embedding: np.ndarray | None = None  # unit sentence embedding (embeddings extra only)


@lru_cache(maxsize=1 << 17)
def normalise_term(word: str) -> str | None:
    """Lower-case, strip possessive, fold a plural ``s``; ``None`` for stop words and noise."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace("'", "")
    if len(w) < 2 or w in STOPWORDS["en"]:
        return None
    if w.isdigit():
        return w if len(w) >= 2 else None
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w


def term_counts(text: str) -> Counter[str]:
    out: Counter[str] = Counter()
    for m in WORD_RE.finditer(text or ""):
        t = normalise_term(m.group())
        if t is not None:
            out[sys.intern(t)] += 1
    return out


def name_keys(name: str, label: str) -> list[str]:
    """Keys a name is known by across articles: full form, and the surname for people."""
    words = [w.lower().replace("’", "'") for w in WORD_RE.findall(name)]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    drop = NAME_DROP["en"]
    while words and words[0] in drop:
        words.pop(0)
    while words and words[-1] in drop:
        words.pop()
    if not words:
        return []
    keys = [sys.intern(" ".join(words))]
    if label == "PERSON" and len(words) > 1:
        keys.append(sys.intern(words[-1]))
    return keys


def trusted_date(published: dt.date | None, today: dt.date) -> tuple[dt.date | None, tuple[str, ...]]:
    """The date clustering may use, and flags for one it may not."""
    if published is None:
        return None, ()
    if isinstance(published, str):  # tolerate a raw feed value
        try:
            published = dt.date.fromisoformat(published[:10])
        except ValueError:
            return None, ("bad_date",)
    if isinstance(published, dt.datetime):
        published = published.date()
    if published > today + dt.timedelta(days=1):
        return None, ("future_date",)
    if published < MIN_DATE:
        return None, ("absurd_date",)
    return published, ()


def _sublinear(c: Counter[str]) -> dict[str, float]:
    return {t: 1.0 + math.log(x) if x >= 1 else x for t, x in c.items()}


def article_features(ext: Extraction, *, title_weight: float = 2.0, lead_chars: int = 300, shingle_size: int = 4,
                     num_perm: int = 64, seed: int = 7, today: dt.date | None = None) -> ArticleFeatures:
    a = ext.article
    text = a.text or ""
    counts = term_counts(text)
    if a.title:
        for t, c in term_counts(a.title).items():
            counts[t] += title_weight * c
    terms = _sublinear(counts)
    lead = _sublinear(term_counts((a.title or "") + "\n" + text[:lead_chars]))
    numbers = _sublinear(Counter(NUMBER_RE.findall((a.title or "") + "\n" + text)))

    names: Counter[str] = Counter()
    for e in ext.entities:
        if e.type not in NAME_LABELS:
            continue
        n = max(1, len(e.mentions))
        for k in name_keys(e.name, e.type):
            names[k] += n
    for p in ext.places:
        for k in name_keys(p.name, "GPE"):
            names[k] += 1
    name_w = {k: 1.0 + math.log(c) for k, c in names.items()}

    date, flags = trusted_date(a.published, today or dt.date.today())
    sh = shingles(((a.title or "") + "\n" + text), shingle_size)
    fp = minhash(sh, num_perm=num_perm, seed=seed) if sh else None
    if not text.strip():
        flags = flags + ("no_text",)
    return ArticleFeatures(a.id, terms, name_w, lead, numbers, date, fp, flags, a.source)
