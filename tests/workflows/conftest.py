"""Real git repositories in tmp_path, recorded event payloads, and the fake GitHub API."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from generator.cli import main as cli_main
from testing.git import commit_all, git
from testing.github_fake import FakeGitHubApi
from testing.repo import REPO_ROOT, write

__all__ = ["commit_all", "git"]

FIXTURES = Path(__file__).parent / "fixtures"
ENERGY_FILE = "submissions/2025/energy/treaties-in-force.yaml"
WATER_FILE = "submissions/2025/water/treaties-in-force.yaml"
TEAMS = {
    "treaty-reports/energy": ["aigerim-energy"],
    "treaty-reports/water": ["water-clerk"],
    "treaty-reports/mfa": ["dana-mfa"],
}


def demo_file(rel: str) -> str:
    return (REPO_ROOT / rel).read_text(encoding="utf-8")


@pytest.fixture
def git_repo(repo: Path) -> Path:
    """The ``repo`` fixture as a git repository whose ``main`` holds schemas and registers."""
    git(repo, "init", "-q", "-b", "main")
    commit_all(repo, "Registers and schemas")
    return repo


def pr_branch(repo: Path, files: dict[str, str], when: str = "2026-01-09T09:00:00+05:00") -> str:
    """A branch off main with ``files`` written; returns its head commit."""
    git(repo, "checkout", "-q", "-b", "patch-1", "main")
    for rel, text in files.items():
        write(repo, rel, text)
    return commit_all(repo, "Submit", when)


def event(tmp_path: Path, name: str, base: str, head: str, **changes: Any) -> Path:
    """A recorded payload with the real base and head commits filled in."""
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    data["pull_request"]["base"]["sha"] = base
    data["pull_request"]["head"]["sha"] = head
    data["pull_request"].update(changes)
    path = tmp_path / f"event-{name}"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def api() -> FakeGitHubApi:
    return FakeGitHubApi(teams=TEAMS)


def run(args: list[str], api: FakeGitHubApi | None = None, **env: str) -> Result:
    """The ``treaty`` CLI, with the fake GitHub API in place of the real one."""
    runner = CliRunner()
    return runner.invoke(
        cli_main.cli, args, obj={"github_api": api}, env=env or None, standalone_mode=False
    )


def code(result: Result) -> int:
    """The command's exit code (commands return it; errors propagate as exceptions)."""
    if result.exception is not None:
        raise result.exception
    return int(result.return_value)
