"""``treaty pr``: the pull-request check that GitHub Actions runs (see .github/workflows)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from generator.check.project import open_project
from generator.check.reporters import ReportView
from generator.check.reporters.formats import github
from generator.cli.github import comment_langs, event_option, github_api
from generator.cli.options import lang_option, repo_option
from generator.deadlines.trailers import stamp
from generator.errors import EXIT_OK, EXIT_PROBLEMS
from generator.github.event import pull_request, read_event
from generator.i18n import catalogue
from generator.law.cite import citer
from generator.workflows.check import run_check
from generator.workflows.render import render
from generator.workflows.sticky import MARKER, upsert_sticky
from generator.workflows.view import sections


def site_address(explicit: str | None) -> str:
    if explicit:
        return explicit.rstrip("/")
    repository = os.environ.get("GITHUB_REPOSITORY", "")
    if "/" not in repository:
        return ""
    owner, name = repository.split("/", 1)
    return f"https://{owner}.github.io/{name}/latest"


@click.group()
def pr() -> None:
    """Pull-request checks for GitHub Actions."""


@pr.command()
@event_option
@click.option("--base", help="Base revision (default: the pull request's base commit).")
@click.option("--head", help="Head revision (default: the pull request's head commit).")
@click.option(
    "--summary",
    "summary_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="GITHUB_STEP_SUMMARY",
    help="Append the Markdown job summary here (default: $GITHUB_STEP_SUMMARY).",
)
@click.option("--comment/--no-comment", default=False, help="Create or edit the PR comment.")
@click.option("--site-url", envvar="TREATY_SITE_URL", help="The published site, for links.")
@lang_option
@repo_option
@click.pass_context
def check(
    ctx: click.Context,
    event_path: Path,
    base: str | None,
    head: str | None,
    summary_path: Path | None,
    comment: bool,
    site_url: str | None,
    lang: str,
    repo: Path,
) -> int:
    """Check what a pull request changes: annotations, job summary, one sticky comment.

    Late files are warnings (with the days late); only errors make the check fail.

    Example: treaty pr check --event "$GITHUB_EVENT_PATH" --comment
    """
    project = open_project(repo)
    request = pull_request(read_event(event_path))
    outcome = run_check(project, request, base, head or request.head_sha)
    view = ReportView.of(outcome.result, catalogue(lang), project.forms, citer(lang))
    click.echo(github(view), nl=False)
    texts = sections(project, outcome, comment_langs(request.labels), site_address(site_url))
    if summary_path is not None:
        with summary_path.open("a", encoding="utf-8") as out:
            out.write(render("summary.md.j2", sections=texts))
    if comment:
        body = render("comment.md.j2", marker=MARKER, sections=texts)
        done = upsert_sticky(github_api(ctx), request.number, body)
        click.echo(f"comment: {done}")
    return EXIT_PROBLEMS if outcome.errors else EXIT_OK


@pr.command("stamp")
@event_option
@click.pass_context
def stamp_command(ctx: click.Context, event_path: Path) -> int:
    """Record when the pull request was opened as a ``Received-At:`` line in its description.

    GitHub copies the description into the merge commit (repository setting "Pull request
    title and description"), where ``treaty status`` reads it. A changed or forged line is
    put back to the true time.

    Example: treaty pr stamp --event "$GITHUB_EVENT_PATH"
    """
    request = pull_request(read_event(event_path))
    wanted = stamp(request.body, request.created_at)
    if wanted == request.body:
        click.echo("Received-At: unchanged")
        return EXIT_OK
    api = github_api(ctx)
    api.update_issue(request.number, body=wanted)
    click.echo(f"Received-At: {request.created_at.isoformat()}")
    return EXIT_OK
