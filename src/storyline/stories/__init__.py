"""Stories: near-duplicates (MinHash LSH), streaming story clustering, merged story records.

- ``fingerprint``: shingles, MinHash signatures, ``NearDuplicateIndex`` (``duplicate_of``).
- ``features``: the clustering view of one ``Extraction``.
- ``cluster``: ``StoryClusterer`` (``add``, ``dumps``/``loads``), ``cluster``, ``batch_cluster``.
- ``merge``: ``merge_story(story_id, extractions) -> Story`` and ``render_story(story)``.
"""
from storyline.stories.cluster import ClusterConfig, StoryClusterer, batch_cluster, cluster
from storyline.stories.merge import merge_story, render_story

__all__ = ["ClusterConfig", "StoryClusterer", "batch_cluster", "cluster", "merge_story",
           "render_story"]
