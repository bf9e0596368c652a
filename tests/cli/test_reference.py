"""The generated CLI reference is current, and every command explains itself."""

from __future__ import annotations

import click
import pytest

from generator.cli.main import cli
from generator.cli.reference import commands, reference
from testing.repo import REPO_ROOT

DOC = REPO_ROOT / "docs" / "cli.md"


def test_docs_cli_md_is_generated_from_the_current_help() -> None:
    assert DOC.read_text(encoding="utf-8") == reference(cli), (
        "docs/cli.md is stale: run `make docs`"
    )


@pytest.mark.parametrize("path", [p for p, c, _ in commands(cli) if not isinstance(c, click.Group)])
def test_every_command_has_an_example(path: str) -> None:
    command = next(c for p, c, _ in commands(cli) if p == path)
    assert "Example:" in (command.help or ""), f"{path}: add 'Example: …' to its docstring"


def test_every_option_is_in_the_reference() -> None:
    text = reference(cli)
    for path, command, _ in commands(cli):
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    assert opt in text, f"{path} {opt} is missing from docs/cli.md"
