"""Submission times from real git history.

A file's submission time is the committer date of the first-parent commit on the main
branch that first brought it in (for a merged pull request: the merge commit). Every later
first-parent commit that changes the file is an *amendment* with its own date. A date
written inside the YAML never counts.

The whole history is read with ONE ``git log --first-parent --name-status -z`` call and
parsed here. Renames are not followed (``--no-renames``): a file moved to a new path arrives
at that path when the move reaches the main branch.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.deadlines.trailers import TRAILER, received_at
from generator.errors import ConfigurationError

RECORD = "\x1e"
MAIN_CANDIDATES = ("main", "origin/main", "master", "origin/master", "HEAD")
KAZAKHSTAN = dt.timezone(dt.timedelta(hours=5))


@dataclass(frozen=True)
class FileHistory:
    """When one file first reached the main branch, and when it was changed afterwards."""

    path: str
    first: dt.date
    commit: str
    amendments: tuple[dt.date, ...] = ()


@dataclass(frozen=True)
class SubmissionHistory:
    files: Mapping[str, FileHistory] = field(default_factory=dict)
    ref: str | None = None

    def arrival(self, path: str, as_of: dt.date | None = None) -> dt.date | None:
        """The day ``path`` was submitted, or None if it had not arrived by ``as_of``."""
        entry = self.files.get(path)
        if entry is None or (as_of is not None and entry.first > as_of):
            return None
        return entry.first

    def amendments(self, path: str, as_of: dt.date | None = None) -> tuple[dt.date, ...]:
        entry = self.files.get(path)
        if entry is None:
            return ()
        return tuple(d for d in entry.amendments if as_of is None or d <= as_of)

    def with_arrivals(self, paths: Iterable[str], day: dt.date) -> SubmissionHistory:
        """This history as if ``paths`` reached the main branch on ``day`` (a pull request)."""
        files = dict(self.files)
        for path in paths:
            entry = files.get(path)
            if entry is None:
                files[path] = FileHistory(path, day, "")
            else:
                files[path] = replace(entry, amendments=(*entry.amendments, day))
        return SubmissionHistory(files, self.ref)


def git(repo: Path, *args: str) -> str | None:
    """Run git in ``repo``; None when git fails (no repository, unknown ref)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
    except OSError as error:
        raise ConfigurationError(f"cannot run git: {error}") from None
    return done.stdout if done.returncode == 0 else None


def main_ref(repo: Path, preferred: str | None = None) -> str | None:
    """The main branch: ``preferred`` if given, else main, origin/main, master, HEAD."""
    candidates = (preferred,) if preferred else MAIN_CANDIDATES
    for ref in candidates:
        if ref and git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"):
            return ref
    return None


def _day(iso: str, tz: dt.tzinfo) -> dt.date:
    return dt.datetime.fromisoformat(iso).astimezone(tz).date()


def _arrival(header: str, tz: dt.tzinfo) -> tuple[str, dt.date]:
    """The commit and its day: a trusted ``Received-At:`` trailer (see
    :mod:`generator.deadlines.trailers`) wins over the committer date."""
    meta, _, rest = header.partition("\x1f")
    commit, _, when = meta.partition(" ")
    iso, _, email = when.partition(" ")
    name, _, values = rest.partition("\x1f")
    committed = dt.datetime.fromisoformat(iso)
    trailer = f"{TRAILER}: {values.split()[-1]}" if values.split() else ""
    received = received_at(trailer, email, name or None, committed)
    return commit, (received or committed).astimezone(tz).date()


def parse_log(output: str, tz: dt.tzinfo = KAZAKHSTAN) -> dict[str, FileHistory]:
    """Parse ``git log --reverse --format=%x1e%H %cI --name-status -z`` (oldest first)."""
    files: dict[str, FileHistory] = {}
    for record in output.split(RECORD):
        header, _, body = record.partition("\0")
        if not header.strip():
            continue
        commit, day = _arrival(header.strip(), tz)
        fields = [f for f in body.lstrip("\n").split("\0") if f]
        for status, path in zip(fields[0::2], fields[1::2], strict=False):
            entry = files.get(path)
            if entry is None:
                files[path] = FileHistory(path, day, commit)
            elif not status.startswith("D"):
                files[path] = replace(entry, amendments=(*entry.amendments, day))
    return files


def read_history(
    repo: Path, ref: str | None = None, tz: dt.tzinfo = KAZAKHSTAN
) -> SubmissionHistory:
    """Every file's submission time on the main branch; empty when there is no history."""
    found = main_ref(repo, ref)
    if found is None:
        return SubmissionHistory({}, None)
    output = git(
        repo,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--reverse",
        "--no-renames",
        "--root",
        f"--format=%x1e%H %cI %ce%x1f%cn%x1f%(trailers:key={TRAILER},valueonly,separator=%x20)",
        "--name-status",
        "-z",
        found,
        "--",
        "submissions",
        "registry",
    )
    return SubmissionHistory(parse_log(output or "", tz), found)
