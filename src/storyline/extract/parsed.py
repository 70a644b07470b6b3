"""What the parse-reading extractors (events, counts) require of a Doc."""
from __future__ import annotations

from spacy.tokens import Doc

from storyline.errors import StorylineError

__all__ = ["UnparsedDoc", "require_parse"]


class UnparsedDoc(StorylineError, ValueError):
    """Events and counts read the dependency parse; a Doc from a blank pipeline has none."""


def require_parse(doc: Doc, stage: str) -> None:
    if len(doc) and not doc.has_annotation("DEP"):
        raise UnparsedDoc(f"{stage} needs a parsed Doc: parse the text with "
                          "storyline.annotate.nlp.load() (a pipeline with a dependency parser)")
