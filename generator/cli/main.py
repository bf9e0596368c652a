"""The ``treaty`` entry point and the one place where exceptions become exit codes."""

from __future__ import annotations

from collections.abc import Sequence

import click

from generator import __version__
from generator.cli.commands import LazyGroup
from generator.cli.validate import validate
from generator.errors import EXIT_INTERNAL, EXIT_USAGE, TreatyError


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="treaty")
def cli() -> None:
    """Treaty Reports: check, track and publish Kazakhstan's treaty reporting."""


cli.add_command(validate)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit code (0, 1 problems, 2 usage, 3 internal)."""
    try:
        result = cli.main(
            args=list(argv) if argv is not None else None, prog_name="treaty", standalone_mode=False
        )
    except click.exceptions.Exit as done:
        return int(done.exit_code)
    except click.exceptions.Abort:
        click.echo("treaty: aborted", err=True)
        return EXIT_USAGE
    except click.ClickException as error:
        error.show()
        return int(error.exit_code)
    except TreatyError as error:
        click.echo(f"treaty: {error}", err=True)
        return error.exit_code
    except Exception as error:
        click.echo(f"treaty: internal error ({type(error).__name__}): {error}", err=True)
        return EXIT_INTERNAL
    return result if isinstance(result, int) else 0
