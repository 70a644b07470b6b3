"""One exception tree. Messages say what went wrong and what to do about it."""
from __future__ import annotations


class StorylineError(Exception):
    """Base class: the CLI prints these as `Error: ...` with exit code 1, never a traceback."""


class InputError(StorylineError):
    """A file or record could not be read. Carries the path (or path:line) and the reason."""

    def __init__(self, where: str, reason: str):
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}")


class ModelNotInstalled(StorylineError):
    pass


class StoreError(StorylineError):
    pass


class DataMissing(StorylineError):
    """Evaluation data folder absent."""
