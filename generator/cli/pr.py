"""``treaty pr``: the pull-request check that GitHub Actions runs (see .github/workflows)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from generator.check.project import open_project
from generator.check.reporters import ReportView
from generator.check.reporters.formats import github
from generator.cli.github import comment_langs, event_option, github_api
from generator.cli.options import lang_option, repo_option
from generator.deadlines.trailers import KEY_ENV, receipt_key
from generator.errors import EXIT_OK, EXIT_PROBLEMS
from generator.github.event import parse_time, pull_request, read_event
from generator.i18n import catalogue
from generator.law.cite import citer
from generator.workflows.check import run_check
from generator.workflows.doctor import merge_kinds, settings_checks
from generator.workflows.messages import messages
from generator.workflows.receipt import stamp_update
from generator.workflows.render import render
from generator.workflows.sticky import BOT_LOGIN, MARKER, upsert_sticky
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
@click.option(
    "--bot-login",
    envvar="TREATY_BOT_LOGIN",
    default=BOT_LOGIN,
    show_default=True,
    help="The login the workflow's token writes as; only its comment is edited.",
)
@click.option("--site-url", envvar="TREATY_SITE_URL", help="The published site, for links.")
@click.option(
    "--now", "now_arg", help="Judge unstamped files as received at this time (default: now)."
)
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
    bot_login: str,
    site_url: str | None,
    now_arg: str | None,
    lang: str,
    repo: Path,
) -> int:
    """Check what a pull request changes: annotations, job summary, one sticky comment.

    Late files are warnings (with the days late); only errors make the check fail.

    Example: treaty pr check --event "$GITHUB_EVENT_PATH" --comment
    """
    project = open_project(repo)
    request = pull_request(read_event(event_path))
    now = parse_time(now_arg) if now_arg else dt.datetime.now(dt.UTC)
    outcome = run_check(project, request, base, head or request.head_sha, now)
    view = ReportView.of(outcome.result, catalogue(lang), project.forms, citer(lang))
    click.echo(github(view), nl=False)
    texts = sections(project, outcome, comment_langs(request.labels), site_address(site_url))
    if summary_path is not None:
        with summary_path.open("a", encoding="utf-8") as out:
            out.write(render("summary.md.j2", sections=texts))
    if comment:
        body = render("comment.md.j2", marker=MARKER, sections=texts)
        done = upsert_sticky(github_api(ctx), request.number, body, bot=bot_login)
        click.echo(f"comment: {done}")
    return EXIT_PROBLEMS if outcome.errors else EXIT_OK


@pr.command("stamp")
@event_option
@click.option(
    "--now",
    "now_arg",
    help="The time of this push's check, ISO 8601 with a zone (default: the clock).",
)
@repo_option
@click.pass_context
def stamp_command(ctx: click.Context, event_path: Path, now_arg: str | None, repo: Path) -> int:
    """Stamp each file of the pull request that passes with when its content first passed.

    Runs in the privileged job with the base branch's code; REPO is a clone holding the
    pull request's head and base commits, whose files are only read. Each passing file gets
    a `Received-At:` line (pull request, path, content id, time, HMAC under
    TREATY_STAMP_KEY) at the end of the description; a file unchanged since its stamp keeps
    it, changed content that passes is stamped now, and every other `Received-At:` line
    (typed, forged, or of content that no longer passes) is removed. GitHub copies the
    description into the merge commit, where `treaty status` verifies the lines.

    Example: treaty pr stamp --event "$GITHUB_EVENT_PATH" --repo submitted
    """
    request = pull_request(read_event(event_path))
    now = parse_time(now_arg) if now_arg else dt.datetime.now(dt.UTC)
    key = receipt_key()
    if key is None:
        click.echo(
            f"::warning::{KEY_ENV} is not set: no receipt stamps; files count from the merge"
        )
        return EXIT_OK
    api = github_api(ctx)
    current = api.get_issue(request.number).body
    update = stamp_update(
        repo, request.base_sha, request.head_sha, request.number, current, key, now
    )
    for stamp in update.stamps:
        click.echo(f"{stamp.path}: received {stamp.time}")
    for path in update.refused:
        click.echo(f"{path}: not stamped (it does not pass validation)")
    if update.description == current:
        click.echo("Received-At: unchanged")
        return EXIT_OK
    api.update_issue(request.number, body=update.description)
    click.echo("Received-At: updated")
    return EXIT_OK


@pr.command("doctor")
@click.option("--ref", default="main", show_default=True, help="The branch whose history counts.")
@lang_option
@repo_option
@click.pass_context
def doctor_command(ctx: click.Context, ref: str, lang: str, repo: Path) -> int:
    """Check that the repository keeps what receipt stamps need: its merge settings through
    the API (merge commits with the pull request's description, no rebase merging) and
    what kind of commits reached REF (merges, squash merges, others counted from
    themselves). Fails (exit 1) when a setting must change.

    Example: GITHUB_TOKEN=… GITHUB_REPOSITORY=owner/name treaty pr doctor
    """
    text = messages(lang)
    checks = settings_checks(github_api(ctx).repository_settings())
    for check in checks:
        mark = text("doctor_ok") if check.ok else text("doctor_fix")
        click.echo(f"[{mark}] {text(check.key, **check.args)}")
    if receipt_key() is not None:
        click.echo(f"[{text('doctor_ok')}] {text('doctor_key')}")
    counts = merge_kinds(repo, ref)
    click.echo(text("doctor_history", ref=ref, **{k: str(v) for k, v in counts.items()}))
    return EXIT_OK if all(c.ok for c in checks) else EXIT_PROBLEMS
