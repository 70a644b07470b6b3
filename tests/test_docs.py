"""Every command and option of the CLI is documented in docs/cli.md."""
from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from storyline.cli import app

DOCS = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
GROUP = typer.main.get_command(app)


@pytest.mark.parametrize("name", sorted(GROUP.commands))
def test_command_is_documented(name):
    assert f"## {name}\n" in DOCS


@pytest.mark.parametrize("name, option", sorted(
    (name, opt) for name, cmd in GROUP.commands.items() for p in cmd.params for opt in p.opts
    if opt.startswith("--") and opt != "--help"))
def test_option_is_documented(name, option):
    section = DOCS.split(f"## {name}\n", 1)[1].split("\n## ", 1)[0]
    assert option in section, f"{option} of `storyline {name}` is not in docs/cli.md"
