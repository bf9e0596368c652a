"""The receipt stamp of a pull request: which of its files pass, with which content.

Run by the privileged job (``receipt.yml``) with the base branch's code. The pull
request's files are only read, never run: the files of its head commit are taken out of
git (``git archive``) into a temporary folder, beside the base commit's ``schemas/`` and
``registry/``, and judged there. So a pull request cannot loosen the schemas or the
registers it is judged by, nor change the code that judges it.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import tarfile
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.check.project import Project, open_project
from generator.check.validate import validate
from generator.deadlines.duties import load_duties
from generator.deadlines.trailers import (
    Stamp,
    next_stamps,
    parse_stamps,
    receipt_key,
    verified_stamps,
    with_stamps,
)
from generator.errors import UsageError
from generator.github.event import PullRequest
from generator.workflows.changes import Change, changed_files, git
from generator.workflows.owners import structural

JUDGED_FROM_BASE = ("schemas", "registry")
SUBMITTED = "submissions"


@dataclass(frozen=True)
class StampUpdate:
    """The stamps after this push, and the description that carries them."""

    stamps: tuple[Stamp, ...]
    description: str
    passing: Mapping[str, str]
    refused: tuple[str, ...]


def _extract(repo: Path, revision: str, folders: Sequence[str], into: Path) -> None:
    """The ``folders`` of ``revision`` written under ``into`` (links and escapes refused)."""
    present = [f for f in folders if git(repo, "ls-tree", "--name-only", revision, f).strip()]
    if not present:
        return
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), "archive", "--format=tar", revision, "--", *present],
            capture_output=True, check=True,
        )  # fmt: skip
    except (OSError, subprocess.CalledProcessError) as error:
        raise UsageError(f"git archive {revision} failed: {error}") from None
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as archive:
        archive.extractall(into, filter=_plain_files)


def _plain_files(member: tarfile.TarInfo, into: str) -> tarfile.TarInfo | None:
    """Only folders and ordinary files that stay inside ``into``: a link (or anything
    else) is left out, so the file it stands for is missing and does not pass."""
    if not (member.isfile() or member.isdir()):
        return None
    try:
        return tarfile.data_filter(member, into)
    except tarfile.FilterError:
        return None


def _candidates(changes: Sequence[Change]) -> list[str]:
    """The changed report files that could be stamped: ordinary files under submissions/
    with a clean path (a name with a space is never a valid report anyway)."""
    return [
        c.path for c in changes
        if c.exists and c.path.startswith(f"{SUBMITTED}/") and structural(c) is None
        and not any(ch.isspace() for ch in c.path)
    ]  # fmt: skip


def passing_files(repo: Path, base: str, head: str) -> tuple[dict[str, str], list[str]]:
    """(path -> blob of each changed report that passes, paths that do not)."""
    paths = _candidates(changed_files(repo, base, head))
    if not paths:
        return {}, []
    with tempfile.TemporaryDirectory(prefix="treaty-judge-") as folder:
        tree = Path(folder)
        _extract(repo, head, [SUBMITTED], tree)
        _extract(repo, base, JUDGED_FROM_BASE, tree)
        (tree / SUBMITTED).mkdir(exist_ok=True)
        result = validate(open_project(tree), paths)
    valid = {f.rel for f in result.files if f.valid and f.place is not None}
    passing = {p: git(repo, "rev-parse", f"{head}:{p}").strip() for p in paths if p in valid}
    return passing, [p for p in paths if p not in passing]


def stamp_update(
    repo: Path,
    base: str,
    head: str,
    number: int,
    description: str,
    key: bytes,
    now: dt.datetime,
) -> StampUpdate:
    """The stamps of pull request ``number`` after its push of ``head``."""
    passing, refused = passing_files(repo, base, head)
    stamps = next_stamps(parse_stamps(description), passing, key, number, now)
    return StampUpdate(tuple(stamps), with_stamps(description, stamps), passing, tuple(refused))


def stamped_days(
    project: Project, pr: PullRequest, head: str, key: bytes | None = None
) -> dict[str, dt.date]:
    """The receipt day of each file whose content at ``head`` has a verified stamp in the
    pull request's description (none without the key: the unprivileged job has none)."""
    key = key if key is not None else receipt_key()
    stamps = verified_stamps(pr.body, key, pr.number)
    if not stamps:
        return {}
    tz = load_duties(project).timezone
    found = {}
    for stamp in stamps:
        try:
            blob = git(project.root, "rev-parse", "--verify", "-q", f"{head}:{stamp.path}")
        except UsageError:
            continue  # the stamped file is no longer in the pull request
        if blob.strip() == stamp.blob:
            found[stamp.path] = stamp.moment.astimezone(tz).date()
    return found
