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


# ---- the embedding channel of the clusterer (vectors given directly: no model needed) -------
def _unit(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def _add(cl, ext, emb):
    f = cl.features(ext) if not cl.config.embeddings else _features_without_model(cl, ext)
    f.embedding = emb
    return cl.add_features(f)


def _features_without_model(cl, ext):
    from storyline.stories.features import article_features

    c = cl.config
    return article_features(ext, title_weight=c.title_weight, lead_chars=c.lead_chars,
                            shingle_size=c.shingle_size, num_perm=c.num_perm, today=c.today)


@pytest.mark.parametrize("embeddings, second_emb, joins", [
    (True, _unit(1, 0, 0), True),      # same meaning: the channel lifts a weak word overlap
    (True, _unit(0, 1, 0), False),     # unrelated meaning: no lift
    (True, _unit(1, 3, 0), False),     # cosine 0.32, below the floor: counts as zero
    (True, None, False),               # an article without an embedding is scored on words alone
    (False, _unit(1, 0, 0), False),    # extra off: vectors are ignored
])
def test_embedding_channel_lifts_only_alike_meanings(embeddings, second_emb, joins):
    from test_stories_cluster import QUAKE_1, QUAKE_OTHER, ext

    from storyline.stories import ClusterConfig, StoryClusterer

    cl = StoryClusterer(ClusterConfig(embeddings=embeddings, embedding_weight=8.0, embedding_floor=0.6,
                                      split_threshold=0.0))
    first = _add(cl, ext("a", QUAKE_1), _unit(1, 0, 0))
    second = _add(cl, ext("b", QUAKE_OTHER), second_emb)
    assert (second.story == first.story) is joins


def test_story_embeddings_follow_splits():
    from test_stories_cluster import ferry

    from storyline.stories import ClusterConfig, StoryClusterer

    cl = StoryClusterer(ClusterConfig(embeddings=True))
    vec = {"A": _unit(1, 0.2, 0), "B": _unit(0.2, 1, 0)}
    items = [ferry(ev, i) for i in range(4) for ev in "AB"]
    for e in items:
        _add(cl, e, vec[e.article.id[0]])
    stories = {cl.story_of[e.article.id] for e in items}
    assert len(stories) == 2  # the look-alikes were split (moves carried their vectors along)
    for sid in stories:
        members = [e.article.id for e in items if cl.story_of[e.article.id] == sid]
        expected = sum(vec[m[0]] for m in members)
        assert np.allclose(cl.stories[sid].emb, expected, atol=1e-5)
