"""The optional embeddings extra: offline model, unit vectors, a clear error when it is absent."""
from __future__ import annotations

import sys

import numpy as np
import pytest

from storyline.records import Article
from storyline.stories import embeddings

needs_extra = pytest.mark.skipif(not embeddings.available(),
                                 reason="embeddings extra not installed (pip install 'storyline[embeddings]')")


def test_without_the_extra_a_clear_error_names_the_install(monkeypatch):
    embeddings.load_model.cache_clear()
    monkeypatch.setitem(sys.modules, embeddings.MODEL_PACKAGE, None)  # import now fails
    try:
        with pytest.raises(embeddings.EmbeddingsUnavailable, match=r"storyline\[embeddings\]"):
            embeddings.load_model()
    finally:
        embeddings.load_model.cache_clear()


@pytest.mark.parametrize("title, text, expected", [
    ("Quake hits", "A strong quake hit the coast.", "Quake hits\nA strong quake hit the coast."),
    (None, "Body only.", "Body only."),
    ("", "x" * 5000, "x" * embeddings.LEAD_CHARS),
])
def test_article_text_is_title_and_opening(title, text, expected):
    assert embeddings.article_text(Article(id="a", text=text, title=title)) == expected


@needs_extra
def test_vectors_are_unit_length_and_offline():
    import os

    vecs = embeddings.embed(["Rescuers searched the rubble after the earthquake.", "", "   "])
    assert vecs.shape == (3, embeddings.dimension()) and vecs.dtype == np.float32
    assert np.isclose(np.linalg.norm(vecs[0]), 1.0, atol=1e-4)
    assert not vecs[1].any() and not vecs[2].any()  # empty text: zeros, not noise
    assert os.environ.get("HF_HUB_OFFLINE") == "1"


@needs_extra
@pytest.mark.parametrize("a, b, c", [
    ("A magnitude 6 earthquake struck off the coast, killing dozens.",
     "Dozens died when a strong quake hit the coastal region.",
     "The central bank raised interest rates by half a point."),
    ("The striker scored twice as the home side won the cup final.",
     "Two goals from the forward sealed the trophy for the hosts.",
     "Parliament passed the budget after a late-night vote."),
])
def test_a_rewrite_is_closer_than_another_story(a, b, c):
    va, vb, vc = embeddings.embed([a, b, c])
    assert float(va @ vb) > float(va @ vc) + 0.2
