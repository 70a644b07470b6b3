"""What the code imports is declared in pyproject.toml, pinned as in requirements.lock, and a
missing module is reported once, clearly, by storyline.environment.check_environment."""
from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import pytest

from storyline import environment
from storyline.environment import REQUIRED, EnvironmentProblem, check_environment, missing_modules

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _name(req: str) -> str:
    return re.sub(r"[-_.]+", "-", re.split(r"[<>=!~;\[ ]", req, maxsplit=1)[0]).lower()


def _declared() -> set[str]:
    reqs = list(PYPROJECT["dependencies"])
    for extra in PYPROJECT["optional-dependencies"].values():
        reqs += extra
    return {_name(r) for r in reqs}


def _imported_modules() -> set[str]:
    mods: set[str] = set()
    for f in (ROOT / "src" / "storyline").rglob("*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                mods |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                mods.add(node.module.split(".")[0])
    return {m for m in mods if m not in sys.stdlib_module_names and m != "storyline"}


def test_every_imported_module_is_declared_in_pyproject():
    dists = importlib.metadata.packages_distributions()
    declared = _declared()
    undeclared = []
    for mod in sorted(_imported_modules()):
        names = {_name(d) for d in dists.get(mod, [mod])}
        if not names & declared:
            undeclared.append(mod)
    assert undeclared == []


def test_required_modules_are_the_pinned_core_dependencies():
    core = {r.replace(" ", "") for r in PYPROJECT["dependencies"]}
    assert [r.requirement for r in REQUIRED if r.requirement not in core] == []
    assert "lxml_html_clean==0.4.6" in core  # lxml>=5.2 moved lxml.html.clean out; justext imports it


def test_the_lock_pins_what_pyproject_pins():
    lock = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            lock[_name(name)] = version.strip()
    for req in PYPROJECT["dependencies"]:
        if "==" in req:
            name, version = req.split("==", 1)
            assert lock.get(_name(name)) == version, req


def test_the_installed_environment_is_complete():
    assert missing_modules() == ()
    check_environment()


def test_a_missing_module_is_one_clear_error_with_the_install_command(monkeypatch):
    real = environment.importlib.util.find_spec
    monkeypatch.setattr(environment.importlib.util, "find_spec",
                        lambda name: None if name in ("lxml_html_clean", "warcio") else real(name))
    with pytest.raises(EnvironmentProblem) as e:
        check_environment()
    assert [r.module for r in e.value.missing] == ["lxml_html_clean", "warcio"]
    assert str(e.value) == ("storyline's environment is incomplete: lxml_html_clean, warcio not installed. "
                            "Install with: pip install 'lxml_html_clean==0.4.6' 'warcio==1.8.1'")


def test_the_cli_reports_a_missing_module_once_before_reading_input(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from storyline import cli, environment

    real = environment.importlib.util.find_spec
    monkeypatch.setattr(environment.importlib.util, "find_spec",
                        lambda name, *a: None if name == "lxml_html_clean" else real(name, *a))
    src = tmp_path / "a.txt"
    src.write_text("A ferry sank near Dunmere on Monday, officials said.\n")
    res = CliRunner().invoke(cli.app, ["ingest", str(src), "--db", str(tmp_path / "x.db")])
    assert res.exit_code == 1 and res.output.count("lxml_html_clean") >= 1
    assert "Traceback" not in res.output and not (tmp_path / "x.db").exists()
