"""``treaty validate``: check submissions and registries."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.options import lang_option, repo_option
from generator.errors import EXIT_OK, EXIT_PROBLEMS
from generator.i18n import catalogue
from generator.project import open_project
from generator.reporters import REPORTER_BY_NAME, ReportView
from generator.validate import validate as run_validation


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(REPORTER_BY_NAME)),
    default="text",
    show_default=True,
    help="Output format.",
)
@lang_option
@repo_option
def validate(paths: tuple[Path, ...], fmt: str, lang: str, repo: Path) -> int:
    """Check report files against their forms and the registers.

    With no PATH, checks every file under submissions/ and registry/.

    Example: treaty validate submissions/2025/energy --lang ru
    """
    project = open_project(repo)
    result = run_validation(project, [str(p) for p in paths])
    view = ReportView.of(result, catalogue(lang), project.forms)
    click.echo(REPORTER_BY_NAME[fmt](view), nl=False)
    return EXIT_PROBLEMS if result.errors else EXIT_OK
