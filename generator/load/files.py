"""Find the files to check and read them as UTF-8 text, refusing what is unsafe."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.codes import CODES
from generator.problems import Problem

MAX_BYTES = 1_048_576
# The registers grow with the country's treaties (thousands of entries); a report does not.
REGISTRY_MAX_BYTES = 16 * MAX_BYTES
CHECKED_ROOTS = ("submissions", "registry")
YAML_SUFFIXES = (".yaml", ".yml")
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class SourceFile:
    """A file to check: its path relative to the repository root, in POSIX form."""

    rel: str
    path: Path


def problem(rel: str, code: str, line: int = 1, column: int = 1, **args: str) -> Problem:
    return Problem(rel, line, column, "$", code, CODES[code].severity, dict(args))


def _relative(repo: Path, raw: Path) -> str | None:
    """The path relative to the repository root.

    A relative path is read from the repository root when it exists there, otherwise from
    the current folder (so ``--repo DIR submissions/...`` works from anywhere).
    """
    absolute = raw
    if not raw.is_absolute():
        inside = repo / raw
        absolute = inside if inside.exists() or inside.is_symlink() else Path.cwd() / raw
    try:
        return Path(os.path.normpath(absolute)).relative_to(repo).as_posix()
    except ValueError:
        return None


def _has_symlink(repo: Path, rel: str) -> bool:
    """Whether the named path, or a folder on the way to it, is a symbolic link."""
    current = repo
    for part in Path(rel).parts:
        current = current / part
        if current.is_symlink():
            return True
    return False


def _entries(folder: str) -> list[os.DirEntry[str]]:
    """The folder's entries sorted by name; none when it cannot be listed (as os.walk)."""
    try:
        with os.scandir(folder) as listing:
            return sorted(listing, key=lambda e: e.name)
    except OSError:
        return []


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # a link to a folder counts as a folder, as in os.walk
    except OSError:
        return False


def _walk_folder(repo: Path, folder: str, linked: bool) -> Iterator[tuple[str, bool]]:
    """Like ``os.walk`` (top-down, sorted, links never followed), one listing per folder.

    Yields each YAML file and each link with whether a link is on its path: ``linked``
    (the checked root was one) or the entry itself. A folder walked into is known not to
    be a link, so no file needs its parents checked again."""
    entries = _entries(folder)
    rel = Path(folder).relative_to(repo).as_posix()
    folders = [e for e in entries if _is_dir(e)]
    for entry in (e for e in entries if not _is_dir(e)):
        link = entry.is_symlink()
        if link or entry.name.lower().endswith(YAML_SUFFIXES):
            yield f"{rel}/{entry.name}", linked or link
    links = [e for e in folders if e.is_symlink()]
    yield from ((f"{rel}/{e.name}", True) for e in links)
    for entry in folders:
        if not entry.is_symlink():
            yield from _walk_folder(repo, entry.path, linked)


def _walk(repo: Path) -> Iterator[tuple[str, bool]]:
    """Every candidate under the checked roots, with whether a link is on its path."""
    for root in CHECKED_ROOTS:
        base = repo / root
        if base.is_dir():
            yield from _walk_folder(repo, str(base), base.is_symlink())


def _named(repo: Path, paths: Sequence[str]) -> tuple[dict[str, bool], list[Problem]]:
    """The named files and folders' candidates, each with whether a link is on its path."""
    problems: list[Problem] = []
    found: dict[str, bool] = {}
    walked: list[tuple[str, bool]] | None = None  # the whole walk, made once for all folders
    for raw in paths:
        rel = _relative(repo, Path(raw))
        if rel is None or rel.split("/", 1)[0] not in CHECKED_ROOTS:
            problems.append(problem(rel or raw, "TR005"))
        elif (repo / rel).is_dir() and not _has_symlink(repo, rel):
            walked = list(_walk(repo)) if walked is None else walked
            prefix = rel.rstrip("/") + "/"
            for candidate, linked in walked:
                if candidate.startswith(prefix):
                    found.setdefault(candidate, linked)
        elif rel not in found:
            found[rel] = _has_symlink(repo, rel)
    return found, problems


def discover(repo: Path, paths: Sequence[str]) -> tuple[list[SourceFile], list[Problem]]:
    """The files to check (all of ``submissions/`` and ``registry/`` by default).

    A symbolic link anywhere on a file's path (the file or a folder) is refused (TR004)."""
    repo = repo.resolve()
    if paths:
        candidates, problems = _named(repo, paths)
    else:
        candidates, problems = dict(_walk(repo)), []
    files: list[SourceFile] = []
    for rel, linked in candidates.items():
        if linked:
            problems.append(problem(rel, "TR004"))
        elif not rel.endswith(YAML_SUFFIXES):
            problems.append(problem(rel, "TR008"))
        else:
            files.append(SourceFile(rel, repo / rel))
    return files, problems


def _bad_byte(raw: bytes, error: UnicodeDecodeError) -> tuple[int, int]:
    before = raw[: error.start]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    column = len(before[start:].decode("utf-8", errors="replace")) + 1
    return line, column


def read_text(source: SourceFile) -> str | Problem:
    """The file as text, or the problem that stops us reading it."""
    try:
        status = source.path.stat()
        if not stat.S_ISREG(status.st_mode):
            return problem(source.rel, "TR009", detail="not-a-file")
        size = status.st_size
        limit = REGISTRY_MAX_BYTES if source.rel.startswith("registry/") else MAX_BYTES
        if size > limit:
            mb = f"{size / 1_048_576:.1f}"
            return problem(source.rel, "TR003", size=mb, limit=str(limit // 1_048_576))
        raw = source.path.read_bytes()
    except OSError as error:
        return problem(source.rel, "TR009", detail=error.strerror or str(error))
    if raw.startswith(BOM):
        return problem(source.rel, "TR002")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _bad_byte(raw, error)
        return problem(source.rel, "TR001", line, column, byte=f"0x{raw[error.start]:02X}")
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return problem(source.rel, "TR007")
    return text
