"""Stories: near-duplicates (MinHash LSH), streaming story clustering, merged story records.

- ``fingerprint``: shingles, MinHash signatures, ``NearDuplicateIndex`` (``duplicate_of``).
- ``features``: the clustering view of one ``Extraction``.
- ``profile``: what the clusterer keeps per story and per remembered member (plain JSON).
- ``state``: the clusterer's state interface and ``MemoryState`` (the store's rows implement it
  too: ``storyline.store.story_state``).
- ``cluster``: ``StoryClusterer`` (``add``, ``take_moves``), ``cluster``, ``batch_cluster``.
- ``merge``: ``merge_story(story_id, extractions) -> Story`` and ``render_story(story)``.
"""
from storyline.stories.cluster import ClusterConfig, StoryClusterer, batch_cluster, cluster
from storyline.stories.merge import merge_story, render_story

__all__ = ["ClusterConfig", "StoryClusterer", "batch_cluster", "cluster", "merge_story",
           "render_story"]
