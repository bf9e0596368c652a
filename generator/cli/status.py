"""``treaty status``: every body's duties, on time, late, missing, pending or exempt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.check.project import Project, open_project
from generator.check.validate import ValidationResult, validate
from generator.cli.options import lang_option, parse_day, repo_option
from generator.cli.progress import progress
from generator.deadlines.ics import write_calendars
from generator.deadlines.render import FORMATS, UPCOMING_FORMATS, view_of
from generator.deadlines.status import State, build_status
from generator.errors import EXIT_OK


def _checked(project: Project, period: int | None) -> ValidationResult:
    """The submission files checked (of ``period`` only, when given)."""
    folder = f"submissions/{period}"
    if period is not None and not (project.root / folder).is_dir():
        return ValidationResult((), ())
    return validate(project, (folder,) if period is not None else ())


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
@click.option("--state", "states", multiple=True, type=click.Choice([str(s) for s in State]),
              help="Only rows in this state (repeat for several), e.g. --state late.")  # fmt: skip
@click.option("--body", "bodies", multiple=True, metavar="CODE",
              help="Only this body's rows (repeat for several), e.g. --body energy.")  # fmt: skip
@click.option("--check/--no-check", "check", default=True, show_default=True,
              help="Also check the files, and list what the report and the site leave out "
                   "until it is corrected (--no-check: faster, not listed).")  # fmt: skip
@lang_option
@repo_option
def status(
    period: int | None, as_of: str | None, fmt: str, upcoming: int | None,
    ics_dir: Path | None, states: tuple[str, ...], bodies: tuple[str, ...], check: bool,
    lang: str, repo: Path,
) -> int:  # fmt: skip
    """Show every body's duties for each period, with due dates from the Rules and
    submission times from the main branch's git history. The totals come first.

    Example: treaty status --period 2025 --state late --state missing --body energy
    """
    day = parse_day(as_of, "--as-of") or dt.date.today()
    project = open_project(repo)
    unknown = sorted(set(bodies) - set(project.registry.bodies))
    if unknown:
        raise click.BadParameter(
            f"{', '.join(unknown)}: not in registry/bodies.yaml", param_hint="--body"
        )
    with progress("treaty status"):
        checked = _checked(project, period) if check else None
        report = build_status(project, day, period, checked=checked).only(states, bodies)
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
