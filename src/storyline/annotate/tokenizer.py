"""spaCy's tokenizer with a bound on whitespace-free runs.

spaCy splits prefixes and suffixes off a whitespace-free substring one at a time, rescanning the
rest each time: a run of 10,000 quotation marks or '#' takes seconds, 100,000 takes hours. Runs
longer than ``MAX_RUN`` characters (no prose word or URL is that long) become plain tokens of at
most ``MAX_RUN`` characters; the text is unchanged and every other part of it is tokenized as
before, so offsets and ordinary text are not affected.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

MAX_RUN = 200


class BoundedTokenizer:
    """Wraps a spaCy tokenizer (``nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)``)."""

    def __init__(self, base, max_run: int = MAX_RUN):
        self.base = base
        self.max_run = max_run
        self._long = re.compile(r"\S{%d,}" % (max_run + 1))

    def __call__(self, text: str) -> Doc:
        runs = [m.span() for m in self._long.finditer(text)]
        if not runs:
            return self.base(text)
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for start, end in runs:
            if start < pos:  # the space after the previous run was consumed; cannot happen for \S runs
                start = pos
            self._tokenize(text[pos:start], words, spaces)
            for a in range(start, end, self.max_run):
                words.append(text[a:min(a + self.max_run, end)])
                spaces.append(False)
            if end < len(text) and text[end] == " ":
                spaces[-1] = True
                end += 1
            pos = end
        self._tokenize(text[pos:], words, spaces)
        return Doc(self.base.vocab, words=words, spaces=spaces)

    def _tokenize(self, segment: str, words: list[str], spaces: list[bool]) -> None:
        if segment:
            for tok in self.base(segment):
                words.append(tok.text)
                spaces.append(bool(tok.whitespace_))

    # spaCy calls these when a pipeline is saved or copied
    def to_bytes(self, **kwargs):
        return self.base.to_bytes(**kwargs)

    def from_bytes(self, data, **kwargs):
        self.base.from_bytes(data, **kwargs)
        return self

    def to_disk(self, path, **kwargs):
        self.base.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs):
        self.base.from_disk(path, **kwargs)
        return self

    @property
    def vocab(self):
        return self.base.vocab
