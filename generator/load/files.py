"""Find the files to check and read them as UTF-8 text, refusing what is unsafe."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.codes import CODES
from generator.problems import Problem

MAX_BYTES = 1_048_576
# The registers grow with the country's treaties (thousands of entries); a report does not.
REGISTRY_MAX_BYTES = 16 * MAX_BYTES
CHECKED_ROOTS = ("submissions", "registry")
YAML_SUFFIXES = (".yaml", ".yml")
REPORT_SUFFIX = ".yaml"  # the one spelling a report file may have
FILE, LINK, UNREADABLE = "file", "link", "unreadable"
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
        absolute = inside if _present(inside) else Path.cwd() / raw
    try:
        return Path(os.path.normpath(absolute)).relative_to(repo).as_posix()
    except ValueError:
        return None


def _quiet(check: Callable[[], bool]) -> bool:
    """A path test that answers False instead of raising (a folder we may not enter)."""
    try:
        return check()
    except OSError:
        return False


def _present(path: Path) -> bool:
    """Whether ``path`` exists (or is a link); True when a folder on the way hides it."""
    try:
        return path.exists() or path.is_symlink()
    except OSError:
        return True


def _has_symlink(repo: Path, rel: str) -> bool:
    """Whether the named path, or a folder on the way to it, is a symbolic link."""
    current = repo
    for part in Path(rel).parts:
        current = current / part
        if _quiet(current.is_symlink):
            return True
    return False


def _entries(folder: str) -> list[os.DirEntry[str]] | None:
    """The folder's entries sorted by name; None when it cannot be listed."""
    try:
        with os.scandir(folder) as listing:
            return sorted(listing, key=lambda e: e.name)
    except OSError:
        return None


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # a link to a folder counts as a folder, as in os.walk
    except OSError:
        return False


def _walk_folder(repo: Path, folder: str, linked: bool) -> Iterator[tuple[str, str]]:
    """Like ``os.walk`` (top-down, sorted, links never followed), one listing per folder.

    Yields every entry that is not a folder walked into, with its state: ``link`` when a
    link is on its path (``linked``: the checked root was one; or the entry itself),
    ``unreadable`` for a folder that cannot be listed, else ``file``. Nothing under the
    checked roots is passed over in silence. A folder walked into is known not to be a
    link, so no file needs its parents checked again."""
    rel = Path(folder).relative_to(repo).as_posix()
    entries = _entries(folder)
    if entries is None:
        yield rel, UNREADABLE
        return
    folders = [e for e in entries if _is_dir(e)]
    for entry in (e for e in entries if not _is_dir(e)):
        yield f"{rel}/{entry.name}", LINK if linked or entry.is_symlink() else FILE
    yield from ((f"{rel}/{e.name}", LINK) for e in folders if e.is_symlink())
    for entry in folders:
        if not entry.is_symlink():
            yield from _walk_folder(repo, entry.path, linked)


def _walk(repo: Path) -> Iterator[tuple[str, str]]:
    """Every entry under the checked roots, with its state (see :func:`_walk_folder`)."""
    for root in CHECKED_ROOTS:
        base = repo / root
        if _quiet(base.is_dir):
            yield from _walk_folder(repo, str(base), _quiet(base.is_symlink))


def _named(repo: Path, paths: Sequence[str]) -> tuple[dict[str, str], list[Problem]]:
    """The named files and folders' entries, each with its state."""
    problems: list[Problem] = []
    found: dict[str, str] = {}
    walked: list[tuple[str, str]] | None = None  # the whole walk, made once for all folders
    for raw in paths:
        rel = _relative(repo, Path(raw))
        if rel is None or rel.split("/", 1)[0] not in CHECKED_ROOTS:
            problems.append(problem(rel or raw, "TR005"))
        elif _quiet((repo / rel).is_dir) and not _has_symlink(repo, rel):
            walked = list(_walk(repo)) if walked is None else walked
            prefix = rel.rstrip("/") + "/"
            for candidate, state in walked:
                if candidate.startswith(prefix) or candidate == rel:
                    found.setdefault(candidate, state)
        elif rel not in found:
            found[rel] = LINK if _has_symlink(repo, rel) else FILE
    return found, problems


def name_problem(rel: str) -> Problem | None:
    """TR008 when the file's name is not a report's name (``<name>.yaml``, as written).

    ``.yml``, ``.YAML``, a space at either end of the name and any other ending are
    refused, so one report has exactly one file; the fix names the file to rename to."""
    folder, _, name = rel.rpartition("/")
    clean = name.strip()
    if clean != name:
        fixed = _yaml_name(clean) or clean
        return problem(rel, "TR008", detail="name-space", suggestion=f"{folder}/{fixed}")
    if name.endswith(REPORT_SUFFIX):
        return None
    renamed = _yaml_name(name)
    if renamed is not None:
        detail = "ext-yml" if name.lower().endswith(".yml") else "ext-case"
        return problem(rel, "TR008", detail=detail, suggestion=f"{folder}/{renamed}")
    return problem(rel, "TR008", detail="not-yaml")


def _yaml_name(name: str) -> str | None:
    """``name`` ending in ``.yaml`` when it ends in any spelling of .yaml or .yml."""
    stem, dot, suffix = name.rpartition(".")
    if dot and f".{suffix.lower()}" in YAML_SUFFIXES:
        return f"{stem}{REPORT_SUFFIX}"
    return None


def is_attachment_candidate(problem_: Problem) -> bool:
    """A refused non-YAML file under ``submissions/``: fine if a report attaches it."""
    return (
        problem_.code == "TR008"
        and problem_.args.get("detail") == "not-yaml"
        and problem_.file.startswith("submissions/")
    )


def discover(repo: Path, paths: Sequence[str]) -> tuple[list[SourceFile], list[Problem]]:
    """The files to check (all of ``submissions/`` and ``registry/`` by default).

    Every entry is either a file to check or a problem: a symbolic link anywhere on a
    file's path (TR004), a folder that cannot be listed (TR009), a name that is not a
    report's (TR008; a document a report attaches is let through by the caller)."""
    repo = repo.resolve()
    if paths:
        candidates, problems = _named(repo, paths)
    else:
        candidates, problems = dict(_walk(repo)), []
    files: list[SourceFile] = []
    for rel, state in candidates.items():
        if state == LINK:
            problems.append(problem(rel, "TR004"))
        elif state == UNREADABLE:
            problems.append(problem(rel, "TR009", detail="unreadable-folder"))
        elif (refused := name_problem(rel)) is not None:
            problems.append(refused)
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
