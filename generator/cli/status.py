"""``treaty status``: every body's duties, on time, late, missing, pending or exempt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.check.project import open_project
from generator.cli.options import lang_option, parse_day, repo_option
from generator.deadlines.ics import write_calendars
from generator.deadlines.render import FORMATS, UPCOMING_FORMATS, view_of
from generator.deadlines.status import build_status
from generator.errors import EXIT_OK


@click.command()
@click.option("--period", type=int, default=None, help="Only this reporting period (year).")
@click.option(
    "--as-of", "as_of", default=None, help="Judge on this day (YYYY-MM-DD); default today."
)
@click.option(
    "--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
    help="Output format; json is the stable contract.",
)  # fmt: skip
@click.option("--upcoming", type=click.IntRange(min=0), default=None, metavar="N",
              help="Only what falls due in the next N days, per body.")  # fmt: skip
@click.option("--ics", "ics_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also write one iCalendar file per body into this folder.")  # fmt: skip
@lang_option
@repo_option
def status(
    period: int | None, as_of: str | None, fmt: str, upcoming: int | None,
    ics_dir: Path | None, lang: str, repo: Path,
) -> int:  # fmt: skip
    """Show every body's duties for each period, with due dates from the Rules and
    submission times from the main branch's git history.

    Example: treaty status --period 2025 --as-of 2026-01-20 --format markdown
    """
    day = parse_day(as_of, "--as-of") or dt.date.today()
    project = open_project(repo)
    report = build_status(project, day, period)
    view = view_of(report, project, lang)
    if ics_dir is not None:
        written = write_calendars(view, ics_dir)
        click.echo(view.label("ics_written", count=len(written), dir=ics_dir), err=True)
    if upcoming is not None:
        soon = view_of(report.upcoming(upcoming), project, lang)
        click.echo(UPCOMING_FORMATS[fmt](soon, upcoming), nl=False)
    else:
        click.echo(FORMATS[fmt](view), nl=False)
    return EXIT_OK
