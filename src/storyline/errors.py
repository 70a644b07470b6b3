"""One exception tree. Messages say what went wrong and what to do about it."""
from __future__ import annotations


class StorylineError(Exception):
    """Base class: the CLI prints these as `Error: ...` with exit code 1, never a traceback."""


class InputError(StorylineError):
    """A file or record could not be read. Carries the path (or path:line) and the reason.

    ``kept`` marks a repair, not a refusal: the article was read and goes on, with something
    replaced or dropped that the reason names (a bad publication date, an unencodable character).
    """

    def __init__(self, where: str, reason: str, *, kept: bool = False):
        self.where = where
        self.reason = reason
        self.kept = kept
        super().__init__(f"{where}: {reason}")

    def __reduce__(self):  # pickled whole (a Dask worker reports it to the client)
        return (_input_error, (self.where, self.reason, self.kept))

    @property
    def outcome(self) -> str:
        return "kept" if self.kept else "refused"


def _input_error(where: str, reason: str, kept: bool) -> InputError:
    return InputError(where, reason, kept=kept)


class ModelNotInstalled(StorylineError):
    pass


class StoreError(StorylineError):
    pass


class DataMissing(StorylineError):
    """Evaluation data folder absent."""
