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
from generator.errors import EXIT_OK, EXIT_PROBLEMS, UsageError
from generator.i18n import catalogue
from generator.model import EDITIONS
from generator.report import FORMATS, MissingPart, build_report
from generator.report.labels import report_labels
from generator.report.timeliness import StatusRowLike

ATTACH_FORMATS = ("pdf", "docx")


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


def _refusal(missing: tuple[MissingPart, ...], lang: str, period: int) -> str:
    """Why a final report was not built, in the report's language: one missing part a line."""
    t = report_labels(lang)
    head = t("final_refused", file=f"submissions/{period}/mfa/assessment.yaml")
    messages = catalogue(lang)
    lines = []
    for part in missing:
        lines.append(f"  - {t(f'missing.{part.key}', detail=part.detail)}")
        for problem in part.problems:
            found = messages.localize(problem)
            where = t("reason", line=problem.line, column=problem.column, code=problem.code,
                      message=found.message)  # fmt: skip
            lines.append(f"      {where}")
    return "\n".join([f"treaty report: {head}", *lines])


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
@click.option(
    "--final",
    is_flag=True,
    help="The document to sign: no draft watermark; refused (exit 1), naming what is missing, "
    "while a part the MFA writes (assessment, commentary, number, date, signatory) is missing.",
)
@click.option(
    "--attach",
    is_flag=True,
    help="Append the copies of the recommendations (section V) to the PDF; the DOCX lists them.",
)
@lang_option
@repo_option
def report(
    period_arg: str,
    fmt: str,
    out: Path,
    edition: str,
    as_of: str | None,
    final: bool,
    attach: bool,
    lang: str,
    repo: Path,
) -> int:
    """Build the consolidated Annex 6 report for a period, with its covering letter.

    Without --final the report is a draft: every page carries a watermark (ЖОБА, ПРОЕКТ,
    DRAFT) and what the MFA has not yet written is marked where it belongs.

    Fails (exit 1) if an entry of a valid submission would be lost or shown twice.

    Example: treaty report --period 2025 --format pdf --lang kk --final --attach -o a6.pdf
    """
    if attach and fmt not in ATTACH_FORMATS:
        raise click.BadParameter(
            f"copies are appended to a PDF and listed in a DOCX, not in {fmt}",
            param_hint="--attach",
        )
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
    result = validate(project, [f"submissions/{period}", "registry"], documents=True)
    built = build_report(
        project, result, period=period, fmt=fmt, lang=lang, out=out, as_of=day,
        when=_when(), edition=edition,  # type: ignore[arg-type]
        status=_status(project, day, period), final=final, attach=attach,
    )  # fmt: skip
    if final and built.missing:
        click.echo(_refusal(built.missing, lang, period), err=True)
        return EXIT_PROBLEMS
    found, paths = built.consolidation, built.paths
    totals = found.totals
    draft = "" if final else f"; a draft, {len(built.missing)} part(s) the MFA has still to write"
    files = sum(1 for x in found.excluded if not x.entry)
    left = f" ({totals.excluded} entries excluded)" if totals.excluded else ""
    click.echo(
        f"treaty report: {totals.shown}/{totals.received} entries{left}, "
        f"{files} file(s) excluded{draft}; wrote {', '.join(str(p) for p in paths)}",
        err=True,
    )
    return EXIT_OK
