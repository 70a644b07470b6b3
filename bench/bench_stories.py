"""Story stage speed vs bare spaCy parsing on the story evaluation texts (BASIL + ECB+ dev).

Prints the seconds for ``nlp.pipe`` over all texts (the full pipeline, as ingest runs it), the
seconds for the story stage on the same articles (features, near-duplicates, clustering, split
repair) and for merging every resulting story, and the ratios. CPU time (process_time), so a
busy machine does not distort the ratio. ``--embeddings`` also times the clustering stage with
the optional embedding channel (needs the ``storyline[embeddings]`` extra; the model load is
timed apart and not counted).

    .venv/bin/python bench/bench_stories.py [--embeddings]
"""
from __future__ import annotations

import argparse
import time
from collections import defaultdict

from storyline.annotate.nlp import load
from storyline.evaluation.common import data_root
from storyline.evaluation.stories import SETS, load_stream, ner_extractions
from storyline.stories import ClusterConfig, StoryClusterer, merge_story


def cluster_seconds(exts, config: ClusterConfig) -> tuple[float, dict[str, list]]:
    t = time.process_time()
    cl = StoryClusterer(config)
    for e in exts:
        cl.add(e)
    seconds = time.process_time() - t
    members = defaultdict(list)
    for e in exts:  # the final partition (a split may have moved earlier articles)
        members[cl.story_of[e.article.id]].append(e)
    return seconds, members


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--embeddings", action="store_true", help="also time the embedding channel")
    args = ap.parse_args()
    arts = []
    for name, file in SETS.items():
        arts += load_stream(data_root() / "stories" / file, name)[0]
    nlp = load()
    t = time.process_time()
    for _ in nlp.pipe((a.text for a in arts), batch_size=32):
        pass
    parse = time.process_time() - t
    exts = ner_extractions(arts)
    stage, members = cluster_seconds(exts, ClusterConfig())
    t = time.process_time()
    for sid, es in members.items():
        merge_story(sid, es)
    merge = time.process_time() - t
    print(f"{len(arts)} articles: nlp.pipe {parse:.2f}s, clustering {stage:.2f}s "
          f"(ratio {stage / parse:.3f}), merge {merge:.2f}s (ratio {merge / parse:.3f})")
    if args.embeddings:
        from storyline.stories.embeddings import load_model

        t = time.process_time()
        load_model()
        loaded = time.process_time() - t
        emb, _ = cluster_seconds(exts, ClusterConfig(embeddings=True))
        print(f"clustering with embeddings {emb:.2f}s (ratio {emb / parse:.3f}; "
              f"{emb / stage:.1f}x the default); model load {loaded:.2f}s")


if __name__ == "__main__":
    main()
