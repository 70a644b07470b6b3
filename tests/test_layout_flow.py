"""One direction of flow: ingest → annotate → extract → store → stories, orchestrated by jobs.py;
the CLI and the web call the library, never the reverse (imports inside functions included)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "storyline"

# what each early stage may import from storyline (besides itself): nothing downstream
ALLOWED = {
    "ingest": {"errors", "records"},
    "annotate": {"errors", "records", "lexicons"},
    "lexicons": {"errors"},
    "extract": {"errors", "records", "lexicons", "annotate"},
    "stories": {"errors", "records"},
}
SHELLS = {"cli", "web", "__main__"}  # the shells: only they may import each other


def _imports(path: Path) -> set[str]:
    """The storyline top-level modules/packages that ``path`` imports, anywhere in the file."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + ([f"{node.module}.{a.name}" for a in node.names] if node.module == "storyline" else [])
        for n in names:
            parts = n.split(".")
            if parts[0] == "storyline" and len(parts) > 1:
                out.add(parts[1])
    return out


def _modules():
    for p in sorted(SRC.rglob("*.py")):
        rel = p.relative_to(SRC)
        yield rel.parts[0].removesuffix(".py"), rel, p


def test_library_never_imports_the_shells():
    bad = [f"{rel}: {sorted(_imports(p) & {'cli', 'web'})}" for top, rel, p in _modules()
           if top not in SHELLS and _imports(p) & {"cli", "web"}]
    assert not bad, "library modules importing storyline.cli or storyline.web:\n" + "\n".join(bad)


@pytest.mark.parametrize("stage", sorted(ALLOWED))
def test_stage_imports_only_upstream(stage):
    bad = []
    for top, rel, p in _modules():
        if top != stage:
            continue
        extra = _imports(p) - ALLOWED[stage] - {stage}
        if extra:
            bad.append(f"{rel}: {sorted(extra)}")
    assert not bad, f"{stage} imports stages after it:\n" + "\n".join(bad)


def test_extractors_are_one_package_per_capability():
    pkgs = {p.name for p in (SRC / "extract").iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert pkgs == {"attribution", "events", "counts", "time", "places"}
    loose = {p.name for p in (SRC / "extract").glob("*.py")} - {"__init__.py", "parsed.py"}
    assert not loose, f"modules outside a capability package: {sorted(loose)}"


def test_modules_stay_small():
    big = [f"{p.relative_to(SRC)}: {n}" for p in sorted((SRC / "extract").rglob("*.py"))
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > 520]
    assert not big, f"extract modules over ~500 lines (split them by job): {big}"
