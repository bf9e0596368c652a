"""Submission times: a platform merge's Received-At trailer wins, anyone else's is ignored."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from generator.deadlines.history import read_history
from tests.workflows.conftest import ENERGY_FILE, demo_file, git, git_repo, pr_branch

__all__ = ["git_repo"]

MESSAGE = "Merge pull request #17\n\nAnnexes 1-3\n\nReceived-At: 2026-01-09T04:12:33Z\n"


def _merge(repo: Path, name: str, email: str) -> None:
    git(repo, "checkout", "-q", "main")
    env = {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
        "GIT_AUTHOR_DATE": "2026-01-20T15:00:00+05:00",
        "GIT_COMMITTER_DATE": "2026-01-20T15:00:00+05:00",
        "PATH": "/usr/bin:/bin",
        "HOME": str(repo),
    }
    command = ["git", "-C", str(repo), "merge", "-q", "--no-ff", "-m", MESSAGE, "patch-1"]
    subprocess.run(command, env=env, check=True, capture_output=True)


def test_platform_merge_counts_from_when_the_pr_was_opened(git_repo: Path) -> None:
    pr_branch(git_repo, {ENERGY_FILE: demo_file(ENERGY_FILE)})
    _merge(git_repo, "GitHub", "noreply@github.com")
    assert read_history(git_repo).arrival(ENERGY_FILE) == dt.date(2026, 1, 9)


def test_a_merge_by_anyone_else_counts_from_the_merge(git_repo: Path) -> None:
    pr_branch(git_repo, {ENERGY_FILE: demo_file(ENERGY_FILE)})
    _merge(git_repo, "Clerk", "clerk@energo.example.kz")
    assert read_history(git_repo).arrival(ENERGY_FILE) == dt.date(2026, 1, 20)
