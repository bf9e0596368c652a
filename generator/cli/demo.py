"""``treaty demo DIR``: build a demo repository with back-dated git history."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.options import repo_option
from generator.demo.build import demo_from
from generator.errors import EXIT_OK


@click.command()
@click.argument("target", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace TARGET if it already holds files.")
@repo_option
def demo(target: Path, force: bool, repo: Path) -> int:
    """Create a self-contained demo repository at TARGET from this repository's files,
    with realistic back-dated pull requests over 2025-2026 (some late, some missing, a
    correction after a deadline). The dates are planned in generator/demo/plan.yaml.

    Example: treaty demo build/demo-repo --force && treaty status --repo build/demo-repo
    """
    result = demo_from(repo, target, force)
    click.echo(f"{result.target}: {result.pull_requests} pull requests, {result.files} files")
    return EXIT_OK
