"""What every evaluation shares: where the data lives, the report shape, the floors file."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from storyline.errors import DataMissing

FLOORS_DIR = Path(__file__).parent


def data_root() -> Path:
    """``$STORYLINE_DATA`` if set, else ``../shared/data`` beside the project (or the cwd)."""
    env = os.environ.get("STORYLINE_DATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent.parent / "shared" / "data"
        if (parent / "pyproject.toml").exists() and cand.is_dir():
            return cand
    return Path.cwd().parent / "shared" / "data"


def require(path: Path, what: str) -> Path:
    if not path.exists():
        raise DataMissing(
            f"{what} not found at {path}: pass --data PATH or set STORYLINE_DATA "
            "(the annotated sets live in ../shared/data on the project's machines)"
        )
    return path


@dataclass(frozen=True)
class Report:
    """One evaluation run: a row of metrics per system (storyline first, baselines after)."""

    name: str
    rows: dict[str, dict[str, float]]  # system -> metric -> value
    notes: tuple[str, ...] = field(default=())

    @property
    def storyline(self) -> dict[str, float]:
        return self.rows["storyline"]

    def to_json(self) -> dict:
        return {"name": self.name, "rows": self.rows, "notes": list(self.notes)}


def load_floors(name: str) -> dict[str, float]:
    """Pinned floors for a CI gate: ``floors_<name>.json`` beside this module."""
    with open(FLOORS_DIR / f"floors_{name}.json", encoding="utf-8") as f:
        return json.load(f)["floors"]
