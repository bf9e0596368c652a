"""Every subcommand beyond ``validate``, gathered in one list."""

from __future__ import annotations

import click


def all_commands() -> list[click.Command]:
    commands: list[click.Command] = []
    from generator.cli.status import status

    commands.append(status)
    from generator.cli.rules import rules

    commands.append(rules)
    return commands
