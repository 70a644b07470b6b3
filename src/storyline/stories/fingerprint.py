"""Near-duplicates: MinHash signatures of word shingles and an LSH index over them (rensa).

- ``shingles(text, k)``: the set of lower-cased word k-grams (punctuation and case ignored, so
  a re-typeset copy is the same copy).
- ``minhash(shingles)``: a ``rensa.RMinHash`` signature (seeded: the same text gives the same
  signature in every process and every run).
- ``NearDuplicateIndex``: ``add(article_id, signature) -> duplicate_of | None`` links an article
  to the earliest indexed article whose estimated Jaccard similarity reaches ``threshold``
  (exact copies score 1.0). Candidates share a band key (``band_keys``: the signature cut into
  ``num_bands`` bands, each hashed to 64 bits), then every candidate is verified on its
  signature, so a band collision alone never makes a duplicate. The store keeps the same band
  keys as indexed rows, so a later run matches against earlier runs' articles.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np
from rensa import RMinHash

_WORD = re.compile(r"[^\W_]+")


def shingles(text: str, k: int = 4) -> set[str]:
    words = _WORD.findall((text or "").lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def minhash(items: set[str], *, num_perm: int = 64, seed: int = 7) -> RMinHash:
    m = RMinHash(num_perm=num_perm, seed=seed)
    m.update(sorted(items))
    return m


def digest(sig: RMinHash) -> np.ndarray:
    """The signature as ``num_perm`` uint32 values (what the index and the store keep)."""
    return np.asarray(sig.digest(), dtype=np.uint32)


def band_keys(d: np.ndarray, num_bands: int) -> list[int]:
    """One signed 64-bit key per band of the digest ``d`` (band number included, so equal rows
    in different bands never collide): two signatures are LSH candidates when a key is shared."""
    rows = len(d) // num_bands
    out = []
    for b in range(num_bands):
        h = hashlib.blake2b(d[b * rows:(b + 1) * rows].tobytes(), digest_size=8, person=b"band%04d" % b)
        out.append(int.from_bytes(h.digest(), "big", signed=True))
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two digests (share of equal values)."""
    return float(np.mean(a == b))


class NearDuplicateIndex:
    """Banded MinHash LSH with verification, in memory; keys are article ids (opaque strings).
    The store keeps the same bands as rows (``storyline.store.story_state``)."""

    def __init__(self, *, threshold: float = 0.7, num_perm: int = 64, num_bands: int = 16):
        if num_perm % num_bands:
            raise ValueError(f"num_perm ({num_perm}) must be a multiple of num_bands ({num_bands})")
        self.threshold = threshold
        self.num_perm = num_perm
        self.num_bands = num_bands
        self._bands: dict[int, list[int]] = {}
        self._ids: list[str] = []
        self._digests: list[np.ndarray] = []
        self._dup_root: list[int] = []  # the earliest article each indexed article copies

    def __len__(self) -> int:
        return len(self._ids)

    def query(self, sig: RMinHash) -> tuple[str, float] | None:
        """The earliest near-copy of ``sig`` already indexed, with its estimated Jaccard."""
        d = digest(sig)
        hit = self._query(d, band_keys(d, self.num_bands))
        return None if hit is None else (self._ids[hit[0]], hit[1])

    def _query(self, d: np.ndarray, keys: list[int]) -> tuple[int, float] | None:
        cands = {k for key in keys for k in self._bands.get(key, ())}
        best: tuple[int, float] | None = None
        for k in cands:
            j = similarity(self._digests[k], d)
            if j >= self.threshold:
                root = self._dup_root[k]
                if best is None or root < best[0]:
                    best = (root, j)
        return best

    def add(self, article_id: str, sig: RMinHash | None) -> str | None:
        """Index one article; return the id of the earlier article it copies, if any.

        Copies of copies point at the first article of the chain."""
        if sig is None:
            return None
        d = digest(sig)
        keys = band_keys(d, self.num_bands)
        hit = self._query(d, keys)
        k = len(self._ids)
        self._ids.append(article_id)
        self._digests.append(d)
        self._dup_root.append(k if hit is None else hit[0])
        for key in keys:
            self._bands.setdefault(key, []).append(k)
        return None if hit is None else self._ids[hit[0]]
