"""``treaty owners``: who may change which folder, and the CODEOWNERS file built from it."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.github import LazyTeams
from generator.cli.options import lang_option, repo_option
from generator.errors import EXIT_OK, EXIT_PROBLEMS, UsageError
from generator.github.annotate import annotation
from generator.load.yamlsafe import YamlProblem, load_yaml
from generator.registry import BODIES_FILE, Registry, load_registry, registry_from_data
from generator.workflows.changes import changed_files, git
from generator.workflows.messages import messages
from generator.workflows.owners import Membership, OwnershipProblem, check_ownership, codeowners

CODEOWNERS_FILE = ".github/CODEOWNERS"


@click.group()
def owners() -> None:
    """Ownership of each body's folder (registry/bodies.yaml maintainers)."""


def registry_at(repo: Path, revision: str) -> Registry:
    """The register of bodies as it was at ``revision``: a pull request cannot grant
    itself rights by editing the register it is checked against."""
    text = git(repo, "show", f"{revision}:{BODIES_FILE}")
    try:
        return registry_from_data(load_yaml(text), None)
    except YamlProblem as problem:
        raise UsageError(f"{BODIES_FILE}:{problem.line} at {revision} is not valid YAML") from None


def _message(problem: OwnershipProblem, author: str, registry: Registry, lang: str) -> str:
    return messages(lang)(
        f"owner_{problem.reason}",
        file=problem.file,
        body=problem.body,
        body_name=registry.body_name(problem.body, lang),
        author=author,
    )


@owners.command("check")
@click.option("--author", required=True, help="The GitHub login of the pull request's author.")
@click.option("--base", default="origin/main", show_default=True, help="The base revision.")
@click.option("--head", default="HEAD", show_default=True, help="The head revision.")
@click.option("--format", "fmt", type=click.Choice(["text", "github"]), default="text")
@lang_option
@repo_option
@click.pass_context
def check(
    ctx: click.Context, author: str, base: str, head: str, fmt: str, lang: str, repo: Path
) -> int:
    """Pass when every file changed since BASE lies in a body AUTHOR maintains.

    Members of a consolidator body (the MFA) may change everything. Maintainers are read
    from registry/bodies.yaml as it is at BASE.

    Example: treaty owners check --author aigerim-energy --base origin/main
    """
    author = author.removeprefix("@")
    registry = registry_at(repo, base)
    changes = changed_files(repo, base, head)
    found = check_ownership(changes, registry, author, Membership(LazyTeams(ctx)))
    hint = messages(lang)("owner_hint")
    for problem in found:
        text = _message(problem, author, registry, lang)
        if fmt == "github":
            click.echo(annotation("error", f"{text} {hint}", problem.file, "owners"))
        else:
            click.echo(text)
    if not found:
        click.echo(messages(lang)("owners_ok", author=author))
        return EXIT_OK
    click.echo(hint)
    return EXIT_PROBLEMS


@owners.command("codeowners")
@click.option("--check", "check_only", is_flag=True, help="Fail when the file is stale.")
@repo_option
def codeowners_command(check_only: bool, repo: Path) -> int:
    """Write .github/CODEOWNERS from registry/bodies.yaml (or, with --check, compare).

    Example: treaty owners codeowners --check
    """
    wanted = codeowners(load_registry(repo))
    target = repo / CODEOWNERS_FILE
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if check_only:
        if current != wanted:
            click.echo(f"{CODEOWNERS_FILE} is stale: run `treaty owners codeowners`", err=True)
            return EXIT_PROBLEMS
        click.echo(f"{CODEOWNERS_FILE} is up to date")
        return EXIT_OK
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(wanted, encoding="utf-8")
    click.echo(f"wrote {CODEOWNERS_FILE}")
    return EXIT_OK
