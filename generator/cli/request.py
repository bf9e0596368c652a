"""``treaty request``: the MFA's request for an event report (point 46), from an issue."""

from __future__ import annotations

from pathlib import Path

import click

from generator.check.project import open_project
from generator.check.reporters import REPORTER_BY_NAME, ReportView
from generator.check.validate import ValidationResult, check_text
from generator.cli.github import LazyTeams, event_option
from generator.cli.options import lang_option, repo_option
from generator.deadlines.duties import load_duties
from generator.errors import EXIT_OK, EXIT_PROBLEMS
from generator.github.event import issue, read_event
from generator.i18n import catalogue
from generator.law.cite import citer
from generator.workflows.owners import Membership, consolidators, is_consolidator


@click.group()
def request() -> None:
    """The MFA's requests for event reports."""


@request.command("from-issue")
@event_option
@click.option("--dry-run", is_flag=True, help="Print the file instead of writing it.")
@lang_option
@repo_option
@click.pass_context
def from_issue(ctx: click.Context, event_path: Path, dry_run: bool, lang: str, repo: Path) -> int:
    """Turn a "report request" issue into submissions/<year>/mfa/report-requests/<date>-<slug>.yaml.

    The request date is the day the issue was opened; only members of the MFA (a
    consolidator body) may request. The file is checked against its form before it is
    written.

    Example: treaty request from-issue --event "$GITHUB_EVENT_PATH"
    """
    from generator.workflows.request import report_request

    project = open_project(repo)
    opened = issue(read_event(event_path))
    if not is_consolidator(project.registry, opened.author, Membership(LazyTeams(ctx))):
        click.echo(f"@{opened.author} is not a maintainer of the MFA: request refused", err=True)
        return EXIT_PROBLEMS
    mfa = consolidators(project.registry)[0].code
    made = report_request(opened, load_duties(project).timezone, mfa)
    checked = check_text(project, made.path, made.text)
    if not checked.valid:
        result = ValidationResult((checked,), checked.problems)
        view = ReportView.of(result, catalogue(lang), project.forms, citer(lang))
        click.echo(REPORTER_BY_NAME["text"](view), nl=False, err=True)
        return EXIT_PROBLEMS
    if dry_run:
        click.echo(made.text, nl=False)
        return EXIT_OK
    target = project.root / made.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(made.text, encoding="utf-8")
    click.echo(made.path)
    return EXIT_OK
