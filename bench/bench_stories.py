"""Story stage speed vs bare spaCy parsing on the story evaluation texts (BASIL + ECB+ dev).

Prints the seconds for ``nlp.pipe`` over all texts (the full pipeline, as ingest runs it), the
seconds for the story stage on the same articles (features, near-duplicates, clustering) and
for merging every resulting story, and the ratios. CPU time (process_time), so a busy machine
does not distort the ratio.

    .venv/bin/python bench/bench_stories.py
"""
from __future__ import annotations

import time
from collections import defaultdict

from storyline.annotate.nlp import load
from storyline.evaluation.common import data_root
from storyline.evaluation.stories import SETS, load_stream, ner_extractions
from storyline.stories import StoryClusterer, merge_story


def main() -> None:
    arts = []
    for name, file in SETS.items():
        arts += load_stream(data_root() / "stories" / file, name)[0]
    nlp = load()
    t = time.process_time()
    for _ in nlp.pipe((a.text for a in arts), batch_size=32):
        pass
    parse = time.process_time() - t
    exts = ner_extractions(arts)
    t = time.process_time()
    cl = StoryClusterer()
    members = defaultdict(list)
    for e in exts:
        members[cl.add(e).story].append(e)
    stage = time.process_time() - t
    t = time.process_time()
    for sid, es in members.items():
        merge_story(sid, es)
    merge = time.process_time() - t
    print(f"{len(arts)} articles: nlp.pipe {parse:.2f}s, clustering {stage:.2f}s "
          f"(ratio {stage / parse:.3f}), merge {merge:.2f}s (ratio {merge / parse:.3f})")


if __name__ == "__main__":
    main()
