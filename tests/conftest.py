"""Shared fixtures. Evaluation gates skip visibly without ../shared/data, and fail where CI=true."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from storyline.evaluation.common import data_root


@pytest.fixture(scope="session")
def nlp():
    from storyline.annotate.nlp import load

    return load()


@pytest.fixture(scope="session")
def shared_data():
    """The annotated data folder, or a skip (a failure where CI=true) when it is absent."""

    def get(sub: str) -> Path:
        path = data_root() / sub
        if not path.exists():
            msg = f"evaluation data not found at {path}: set STORYLINE_DATA to ../shared/data"
            if os.environ.get("CI") == "true":
                pytest.fail(msg)
            pytest.skip(msg)
        return path

    return get


SAMPLES = Path(__file__).resolve().parents[1] / "src" / "storyline" / "samples"


@pytest.fixture(scope="session")
def shared_sample() -> Path:
    """The real two-version wire report (bundled copy of ../shared/samples/000_...txt)."""
    return SAMPLES / "000_d82f11879fb1db06.txt"
