"""Submission times from real git history.

A file's submission time is the committer date of the first-parent commit on the main
branch that first brought it in (for a merged pull request: the merge commit), unless that
commit carries a verified receipt stamp for exactly the content it brings (see
:mod:`generator.deadlines.trailers`): then the stamp's time, when that content first
passed validation in the pull request. Every later first-parent commit that changes the
file is an *amendment* with its own date, by the same rule. A date written inside the
YAML, or typed into a pull request's description, never counts.

The whole history is read with one ``git log --first-parent --raw -z`` call (each change
with the id of the content it brings) and parsed here; with a stamp key, one more call
reads the messages of the commits that hold a stamp. Renames are not followed
(``--no-renames``): a file moved to a new path arrives at that path when the move reaches
the main branch.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.deadlines.trailers import TRAILER, receipt_key, receipts_of
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


@dataclass(frozen=True)
class _Commit:
    sha: str
    committed: dt.datetime
    parents: int
    changes: tuple[tuple[str, str, str], ...]  # (status, path, blob after the change)


def _commits(output: str) -> list[_Commit]:
    """Parse ``git log --format=%x1e%H %cI %P --raw --no-abbrev -z`` (oldest first)."""
    found = []
    for record in output.split(RECORD):
        header, _, body = record.partition("\0")
        words = header.split()
        if len(words) < 2:
            continue
        fields = [f for f in body.lstrip("\n").split("\0") if f]
        changes = []
        for meta, path in zip(fields[0::2], fields[1::2], strict=False):
            parts = meta.lstrip(":").split(" ")
            if len(parts) == 5:
                changes.append((parts[4], path, parts[3]))
        committed = dt.datetime.fromisoformat(words[1])
        found.append(_Commit(words[0], committed, len(words) - 2, tuple(changes)))
    return found


Receipts = Mapping[str, Mapping[tuple[str, str], dt.datetime]]


def parse_log(
    output: str, tz: dt.tzinfo = KAZAKHSTAN, receipts: Receipts | None = None
) -> dict[str, FileHistory]:
    """Each file's first arrival and amendments, from :func:`_commits`' output.

    ``receipts`` maps a commit to its verified stamps ((path, blob) -> time, see
    :func:`generator.deadlines.trailers.receipts_of`): a change whose exact content the
    commit's stamp names counts from the stamp, every other change from the commit."""
    files: dict[str, FileHistory] = {}
    for commit in _commits(output):
        stamped = (receipts or {}).get(commit.sha, {})
        for status, path, blob in commit.changes:
            moment = stamped.get((path, blob), commit.committed)
            day = moment.astimezone(tz).date()
            entry = files.get(path)
            if entry is None:
                files[path] = FileHistory(path, day, commit.sha)
            elif not status.startswith("D"):
                files[path] = replace(entry, amendments=(*entry.amendments, day))
    return files


def read_receipts(
    repo: Path, ref: str, key: bytes | None
) -> dict[str, Mapping[tuple[str, str], dt.datetime]]:
    """Every first-parent commit's verified stamps (one more ``git log``, only of commits
    whose message holds a stamp line, and only when there is a key to verify them)."""
    if not key:
        return {}
    output = git(
        repo, "log", "--first-parent", f"--grep=^{TRAILER}: #", "--format=%H%x00%cI%x00%B%x00", ref
    )
    fields = (output or "").split("\0")
    found: dict[str, Mapping[tuple[str, str], dt.datetime]] = {}
    for sha, iso, message in zip(fields[0::3], fields[1::3], fields[2::3], strict=False):
        sha = sha.strip()
        if sha and iso:
            stamps = receipts_of(message, key, dt.datetime.fromisoformat(iso))
            if stamps:
                found[sha] = stamps
    return found


def read_history(
    repo: Path, ref: str | None = None, tz: dt.tzinfo = KAZAKHSTAN, key: bytes | None = None
) -> SubmissionHistory:
    """Every file's submission time on the main branch; empty when there is no history.

    ``key`` verifies receipt stamps (default: ``TREATY_STAMP_KEY``; without one, every file
    counts from the commit that brought it)."""
    found = main_ref(repo, ref)
    if found is None:
        return SubmissionHistory({}, None)
    key = key if key is not None else receipt_key()
    output = git(
        repo,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--reverse",
        "--no-renames",
        "--root",
        "--format=%x1e%H %cI %P",
        "--raw",
        "--no-abbrev",
        "-z",
        found,
        "--",
        "submissions",
        "registry",
    )
    receipts = read_receipts(repo, found, key)
    return SubmissionHistory(parse_log(output or "", tz, receipts), found)
