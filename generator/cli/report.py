"""``treaty report``: the MFA's consolidated Annex 6 report in one format."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from generator.check.project import Project, open_project
from generator.check.validate import validate
from generator.cli.options import lang_option, parse_day, repo_option
from generator.deadlines.status import build_status
from generator.errors import EXIT_OK, UsageError
from generator.model import EDITIONS
from generator.report import FORMATS, build_report
from generator.report.timeliness import StatusRowLike


def _when() -> dt.datetime:
    """The documents' creation time: SOURCE_DATE_EPOCH if set, else now."""
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    try:
        return dt.datetime.fromtimestamp(int(raw), dt.UTC)
    except ValueError:
        raise UsageError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {raw!r}"
        ) from None


def _status(project: Project, as_of: dt.date, period: int) -> list[StatusRowLike]:
    """Rows of ``treaty status`` for the period (timeliness for the annex per body)."""
    return list(build_status(project, as_of=as_of, period=period).rows)


def _period(value: str, periods: list[int]) -> int:
    if value == "latest" and periods:
        return periods[-1]
    if not value.isdigit():
        raise click.BadParameter(
            f"{value!r} is not a year (e.g. 2025) or 'latest'", param_hint="--period"
        )
    return int(value)


def _folders(repo: Path) -> list[str]:
    """Year folders under submissions/ (a period whose files are all invalid still counts)."""
    base = repo / "submissions"
    return (
        [p.name for p in base.iterdir() if p.is_dir() and p.name.isdigit()] if base.is_dir() else []
    )


@click.command()
@click.option(
    "--period",
    "period_arg",
    required=True,
    help="The reporting year, e.g. 2025, or 'latest' for the newest year with submissions.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True)
@click.option(
    "-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), required=True
)
@click.option("--edition", type=click.Choice(EDITIONS), default="public", show_default=True)
@click.option("--as-of", "as_of", help="Timeliness as of this day (YYYY-MM-DD); default today.")
@lang_option
@repo_option
def report(
    period_arg: str, fmt: str, out: Path, edition: str, as_of: str | None, lang: str, repo: Path
) -> int:
    """Build the consolidated Annex 6 report for a period.

    Fails (exit 1) if an entry of a valid submission would be lost or shown twice.

    Example: treaty report --period 2025 --format pdf --lang kk -o build/report-2025.pdf
    """
    project = open_project(repo)
    day = parse_day(as_of, "--as-of") or dt.date.today()
    periods = sorted(int(p) for p in _folders(project.root))
    period = _period(period_arg, periods)
    if period not in periods:
        known = ", ".join(str(p) for p in periods) or "-"
        raise click.BadParameter(
            f"nothing was submitted for {period}; periods in the repository: {known}",
            param_hint="--period",
        )
    # Only the period's own folder and the registers: a report never reads other years.
    result = validate(project, [f"submissions/{period}", "registry"])
    found, paths = build_report(
        project, result, period=period, fmt=fmt, lang=lang, out=out, as_of=day,
        when=_when(), edition=edition,  # type: ignore[arg-type]
        status=_status(project, day, period),
    )  # fmt: skip
    totals = found.totals
    click.echo(
        f"treaty report: {totals.shown}/{totals.received} entries, "
        f"{len(found.excluded)} file(s) excluded; wrote {', '.join(str(p) for p in paths)}",
        err=True,
    )
    return EXIT_OK
