"""Every subcommand beyond ``validate``, gathered in one list."""

from __future__ import annotations

import click


def all_commands() -> list[click.Command]:
    commands: list[click.Command] = []
    from generator.cli.demo import demo
    from generator.cli.status import status

    commands.extend([status, demo])
    from generator.cli.rules import rules

    commands.append(rules)
    from generator.cli.owners import owners
    from generator.cli.pr import pr
    from generator.cli.remind import remind
    from generator.cli.request import request

    commands.extend([pr, owners, remind, request])
    from generator.cli.report import report

    commands.append(report)
    from generator.cli.site import site

    commands.append(site)
    return commands
