"""storyline: local-first news intelligence."""
from storyline.records import (
    Actor, Article, Attribution, Count, DateValue, Entity, Event, Extraction, Place,
    StoryAssignment,
)

__all__ = [
    "Actor", "Article", "Attribution", "Count", "DateValue", "Entity", "Event", "Extraction",
    "Place", "StoryAssignment",
]
__version__ = "0.1.0"
