"""The CLI reference, generated from the commands' own ``--help`` (``docs/cli.md``).

``make docs`` writes it; ``tests/cli/test_reference.py`` fails when the committed file is
stale, so the reference can never drift from the code (the sqlite-utils habit).
"""

from __future__ import annotations

from collections.abc import Iterator

import click

WIDTH = 100
HEADER = (
    "# The `treaty` command\n\n"
    "Generated from `treaty … --help` by `make docs` (`python -m generator.cli.reference`);\n"
    "do not edit by hand: a test fails when this file and the commands disagree.\n"
)


def _walk(
    command: click.Command, ctx: click.Context
) -> Iterator[tuple[str, click.Command, click.Context]]:
    yield ctx.command_path, command, ctx
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                child = click.Context(sub, info_name=name, parent=ctx, max_content_width=WIDTH,
                                      **sub.context_settings)  # fmt: skip
                yield from _walk(sub, child)


def commands(root: click.Command) -> list[tuple[str, click.Command, click.Context]]:
    """Every command below ``root`` (``root`` first), with its context."""
    ctx = click.Context(root, info_name="treaty", max_content_width=WIDTH, terminal_width=WIDTH,
                        **root.context_settings)  # as `treaty --help` makes it  # fmt: skip
    return list(_walk(root, ctx))


def reference(root: click.Command) -> str:
    """The Markdown reference: one section per command, its ``--help`` verbatim."""
    parts = [HEADER]
    for path, command, ctx in commands(root):
        level = "#" * min(2 + path.count(" "), 4)
        parts.append(f"\n{level} `{path}`\n\n```text\n{command.get_help(ctx)}\n```\n")
    return "".join(parts)


if __name__ == "__main__":  # pragma: no cover - `make docs`
    from generator.cli.main import cli

    click.echo(reference(cli), nl=False)
