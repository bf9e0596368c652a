"""Every subcommand beyond ``validate``, loaded only when it is called.

Loading lazily keeps ``treaty validate`` (run by pre-commit on every commit) fast, and
lets a ministry install the package without the report and site extras: a command whose
optional packages are missing says which extra to install instead of failing at start-up.
"""

from __future__ import annotations

import importlib

import click

from generator.errors import UsageError

#: command name → (module, attribute, the pip extra it needs, or "")
COMMANDS: dict[str, tuple[str, str, str]] = {
    "status": ("generator.cli.status", "status", ""),
    "demo": ("generator.cli.demo", "demo", ""),
    "new": ("generator.cli.new", "new", ""),
    "rules": ("generator.cli.rules", "rules", ""),
    "pr": ("generator.cli.pr", "pr", ""),
    "owners": ("generator.cli.owners", "owners", ""),
    "remind": ("generator.cli.remind", "remind", ""),
    "request": ("generator.cli.request", "request", ""),
    "report": ("generator.cli.report", "report", "report"),
    "site": ("generator.cli.site", "site", "site"),
    "sheet": ("generator.cli.sheet", "sheet", "report"),
}


def load_command(name: str) -> click.Command | None:
    """Import one command; a missing optional package is a usage error naming the extra."""
    if name not in COMMANDS:
        return None
    module_name, attribute, extra = COMMANDS[name]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if not extra or (error.name or "").startswith("generator"):
            raise
        raise UsageError(
            f"'treaty {name}' needs the package {error.name!r}: "
            f"pip install 'treaty-reports[{extra}]'"
        ) from None
    command = getattr(module, attribute)
    assert isinstance(command, click.Command)
    return command


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        return command if command is not None else load_command(cmd_name)
