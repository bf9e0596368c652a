"""Which files a pull request changes, from git (``git diff base...head``)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.errors import UsageError

# An ordinary file; 120000 is a link, 160000 a submodule.
REGULAR_MODES = frozenset({"100644", "100755"})


@dataclass(frozen=True)
class Change:
    path: str
    status: str  # A added, M modified, D deleted, T type changed
    mode: str = "100644"  # the tree entry's mode after the change (before it, if deleted)

    @property
    def exists(self) -> bool:
        return self.status != "D"

    @property
    def regular(self) -> bool:
        """Whether the tree entry is an ordinary file (not a link, submodule or folder)."""
        return self.mode in REGULAR_MODES


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

    Renames count as a deletion plus an addition, so both places are checked. Paths are
    exactly as the trees hold them (``git diff --raw``): a hand-made tree can hold names
    such as ``..``, which the checks must see, not a cleaned-up path.
    """
    out = git(repo, "diff", "--raw", "--no-renames", "--no-abbrev", "-z", f"{base}...{head}")
    parts = [p for p in out.split("\0") if p]
    changes = []
    for meta, path in zip(parts[::2], parts[1::2], strict=True):
        old_mode, new_mode, _old, _new, status = meta.lstrip(":").split(" ")
        mode = old_mode if status.startswith("D") else new_mode
        changes.append(Change(path, status[0], mode))
    return changes
