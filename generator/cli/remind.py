"""``treaty remind``: open, escalate and close one reminder issue per duty per body."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.check.project import open_project
from generator.cli.github import comment_langs, github_api
from generator.cli.options import parse_day, repo_option
from generator.deadlines.status import build_status
from generator.errors import EXIT_OK
from generator.workflows.remind import OverdueDuty, ReminderText, assignees, plan, sync
from generator.workflows.remind_text import close_note, reminder_text


@click.command()
@click.option("--as-of", "as_of", help="Today's date (YYYY-MM-DD); default: the clock.")
@click.option("--period", type=int, help="Only this reporting period.")
@click.option("--lang", "extra", multiple=True, type=click.Choice(["en"]), help="Add English.")
@click.option("--dry-run", is_flag=True, help="Print what would be done; change nothing.")
@repo_option
@click.pass_context
def remind(
    ctx: click.Context,
    as_of: str | None,
    period: int | None,
    extra: tuple[str, ...],
    dry_run: bool,
    repo: Path,
) -> int:
    """Open or update one GitHub issue per overdue or upcoming duty, assigned to the body's
    maintainers; escalate at T-7, T-1 and T+1; close it when the report arrives.

    Running it twice on the same day changes nothing.

    Example: treaty remind --as-of 2026-01-05
    """
    day = parse_day(as_of, "--as-of") or dt.date.today()
    project = open_project(repo)
    duties = plan(build_status(project, day, period))
    if dry_run:
        for duty in duties:
            click.echo(f"{duty.stage}: {duty.row.body} {duty.row.kind} {duty.row.period}")
        return EXIT_OK
    api = github_api(ctx)
    langs = comment_langs([f"lang:{x}" for x in extra])
    unread: set[str] = set()

    def write(duty: OverdueDuty) -> ReminderText:
        body = project.registry.bodies.get(duty.row.body)
        logins, missed = assignees(body.maintainers if body else (), api)
        unread.update(missed)
        return reminder_text(project, duty, logins, langs)

    for duty, action in sync(api, duties, write, lambda d: close_note(d, langs)):
        click.echo(f"{action}: {duty.row.body} {duty.row.kind} {duty.row.period} ({duty.stage})")
    for team in sorted(unread):
        click.echo(f"warning: could not read the members of {team}; mentioned only", err=True)
    return EXIT_OK
