"""Real git repositories with back-dated commits, for the deadline tests."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

from testing.repo import make_repo, write


class GitRepo:
    """A throwaway repository (real schemas and registries) with a main branch."""

    def __init__(self, root: Path) -> None:
        self.root = make_repo(root)
        self.prs = 0
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.name", "Test Officer")
        self.git("config", "user.email", "officer@example.org")
        self.git("config", "commit.gpgsign", "false")
        self.git("add", "schemas", "registry")
        self.git("commit", "-q", "-m", "setup", when="2024-12-02T10:00:00+05:00")

    def git(self, *args: str, when: str | None = None) -> str:
        env = dict(os.environ)
        if when is not None:
            env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
        done = subprocess.run(["git", "-C", str(self.root), *args], env=env,
                              capture_output=True, text=True, check=True)  # fmt: skip
        return done.stdout

    def put(self, files: Mapping[str, str]) -> None:
        for rel, text in files.items():
            write(self.root, rel, text)

    def commit_main(self, files: Mapping[str, str], when: str) -> None:
        """A commit straight on main, dated ``when`` (ISO 8601 with offset)."""
        self.put(files)
        self.git("add", *files)
        self.git("commit", "-q", "-m", "direct", when=when)

    def merge_pr(self, files: Mapping[str, str], when: str, authored: str | None = None) -> None:
        """A pull request: a branch commit dated ``authored``, merged --no-ff on ``when``."""
        self.prs += 1
        branch = f"pr-{self.prs}"
        self.git("checkout", "-q", "-b", branch, "main")
        self.put(files)
        self.git("add", *files)
        self.git(
            "commit", "-q", "-m", f"submit {branch}", when=authored or "2024-12-03T09:00:00+05:00"
        )
        self.git("checkout", "-q", "main")
        self.git("merge", "-q", "--no-ff", "-m", f"Merge {branch}", branch, when=when)


def head(kind: str, period: int, body: str) -> str:
    return f"form: {kind}\nperiod: {period}\nbody: {body}\n"


def annual(kind: str, period: int, body: str, extra: str = "") -> dict[str, str]:
    return {f"submissions/{period}/{body}/{kind}.yaml": head(kind, period, body) + extra}


def event(folder: str, kind: str, period: int, body: str, name: str, extra: str) -> dict[str, str]:
    return {f"submissions/{period}/{body}/{folder}/{name}.yaml": head(kind, period, body) + extra}
