"""Which files a pull request changes, from git (``git diff base...head``)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.errors import UsageError


@dataclass(frozen=True)
class Change:
    path: str
    status: str  # A added, M modified, D deleted, T type changed

    @property
    def exists(self) -> bool:
        return self.status != "D"


def git(repo: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
        )
    except FileNotFoundError:
        raise UsageError("git is not installed") from None
    except subprocess.CalledProcessError as error:
        detail = error.stderr.strip().splitlines()[-1:] or [""]
        raise UsageError(f"git {' '.join(args[:2])} failed: {detail[0]}") from None
    return done.stdout


def changed_files(repo: Path, base: str, head: str = "HEAD") -> list[Change]:
    """Every file changed between the merge base of ``base`` and ``head``, and ``head``.

    Renames count as a deletion plus an addition, so both places are checked.
    """
    out = git(repo, "diff", "--name-status", "--no-renames", "-z", f"{base}...{head}")
    parts = [p for p in out.split("\0") if p]
    return [Change(path, status[0]) for status, path in zip(parts[::2], parts[1::2], strict=True)]
