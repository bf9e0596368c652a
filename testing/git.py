"""The one git helper of the tests: real repositories in tmp_path, with dates we choose."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

from testing.repo import make_repo, write

IDENTITY = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.kz",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.kz",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(repo: Path, *args: str, when: str | None = None, input_text: str | None = None) -> str:
    """Run git in ``repo`` as a neutral test identity; ``when`` (ISO 8601 with offset)
    dates the commit (author and committer); ``input_text`` is its standard input.
    Returns stdout; a failure raises."""
    env = {**os.environ, **IDENTITY}
    if when is not None:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    done = subprocess.run(
        ["git", "-C", str(repo), "-c", "commit.gpgsign=false", *args],
        env=env, capture_output=True, text=True, encoding="utf-8", check=True, input=input_text,
    )  # fmt: skip
    return done.stdout


def commit_all(repo: Path, message: str, when: str = "2025-12-01T10:00:00+05:00") -> str:
    """Commit everything in the working tree on ``when``; returns the commit."""
    git(repo, "add", "-A", when=when)
    git(repo, "commit", "-q", "-m", message, when=when)
    return git(repo, "rev-parse", "HEAD").strip()


class GitRepo:
    """A throwaway repository (real schemas and registries) with a main branch."""

    def __init__(self, root: Path) -> None:
        self.root = make_repo(root)
        self.prs = 0
        self.git("init", "-q", "-b", "main")
        self.git("add", "schemas", "registry")
        self.git("commit", "-q", "-m", "setup", when="2024-12-02T10:00:00+05:00")

    def git(self, *args: str, when: str | None = None) -> str:
        return git(self.root, *args, when=when)

    def put(self, files: Mapping[str, str]) -> None:
        for rel, text in files.items():
            write(self.root, rel, text)

    def commit_main(self, files: Mapping[str, str], when: str) -> None:
        """A commit straight on main, dated ``when`` (ISO 8601 with offset)."""
        self.put(files)
        self.git("add", *files)
        self.git("commit", "-q", "-m", "direct", when=when)

    def branch(self, files: Mapping[str, str], authored: str) -> str:
        """A pull-request branch off main with ``files`` committed on ``authored``; the
        working tree stays on it. Returns the branch name."""
        self.prs += 1
        name = f"pr-{self.prs}"
        self.git("checkout", "-q", "-b", name, "main")
        self.put(files)
        self.git("add", *files)
        self.git("commit", "-q", "-m", f"submit {name}", when=authored)
        return name

    def merge(self, branch: str, when: str) -> None:
        """Merge ``branch`` into main with a merge commit dated ``when``."""
        self.git("checkout", "-q", "main")
        self.git("merge", "-q", "--no-ff", "-m", f"Merge {branch}", branch, when=when)

    def merge_pr(self, files: Mapping[str, str], when: str, authored: str | None = None) -> None:
        """A pull request: a branch commit dated ``authored``, merged --no-ff on ``when``."""
        self.merge(self.branch(files, authored or "2024-12-03T09:00:00+05:00"), when)
