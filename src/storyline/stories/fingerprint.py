"""Near-duplicates: MinHash signatures of word shingles and an LSH index over them (rensa).

- ``shingles(text, k)``: the set of lower-cased word k-grams (punctuation and case ignored, so
  a re-typeset copy is the same copy).
- ``minhash(shingles)``: a ``rensa.RMinHash`` signature (seeded: the same text gives the same
  signature in every process and every run).
- ``NearDuplicateIndex``: ``add(article_id, signature) -> duplicate_of | None`` links an article
  to the earliest indexed article whose estimated Jaccard similarity reaches ``threshold``
  (exact copies score 1.0). Candidates come from rensa's banded LSH, then every candidate is
  verified on the stored signature, so a band collision alone never makes a duplicate. The
  index pickles whole (``rensa`` objects support pickle), so the store can persist it and a
  later run keeps matching against earlier runs' articles.
"""
from __future__ import annotations

import re

import numpy as np
from rensa import RMinHash, RMinHashLSH

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


class NearDuplicateIndex:
    """Banded MinHash LSH with verification; keys are article ids (opaque strings)."""

    def __init__(self, *, threshold: float = 0.7, num_perm: int = 64, num_bands: int = 16):
        if num_perm % num_bands:
            raise ValueError(f"num_perm ({num_perm}) must be a multiple of num_bands ({num_bands})")
        self.threshold = threshold
        self.num_perm = num_perm
        self.num_bands = num_bands
        self._lsh = RMinHashLSH(threshold=threshold, num_perm=num_perm, num_bands=num_bands)
        self._ids: list[str] = []
        self._digests = bytearray()  # num_perm uint32 per indexed article, back to back
        self._dup_root: list[int] = []  # the earliest article each indexed article copies

    def __len__(self) -> int:
        return len(self._ids)

    def query(self, sig: RMinHash) -> tuple[str, float] | None:
        """The earliest near-copy of ``sig`` already indexed, with its estimated Jaccard."""
        hit = self._query(sig)
        return None if hit is None else (self._ids[hit[0]], hit[1])

    def _digest(self, k: int) -> np.ndarray:
        n = self.num_perm * 4
        return np.frombuffer(bytes(self._digests[k * n:(k + 1) * n]), dtype=np.uint32)

    def _query(self, sig: RMinHash) -> tuple[int, float] | None:
        cands = self._lsh.query(sig)
        if not cands:
            return None
        d = np.asarray(sig.digest(), dtype=np.uint32)
        best: tuple[int, float] | None = None
        for k in cands:
            j = float(np.mean(self._digest(k) == d))
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
        hit = self._query(sig)
        k = len(self._ids)
        self._ids.append(article_id)
        self._digests += np.asarray(sig.digest(), dtype=np.uint32).tobytes()
        self._dup_root.append(k if hit is None else hit[0])
        self._lsh.insert(k, sig)
        return None if hit is None else self._ids[hit[0]]
