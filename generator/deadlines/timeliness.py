"""Lateness of files in an open pull request (``treaty validate --as-of DATE``).

Files not yet on the main branch count as submitted on ``as_of``: untracked files, and
files that differ between the working tree and ``base`` (by default the merge base of
HEAD and the main branch, so commits on the pull-request branch count too). A new file
that arrives after its due date gets a TR401 *warning* with the days late; a change to a
file already on main, after its due date, gets TR402 (an amendment; the first submission
keeps its date). Neither blocks: a late report must still be accepted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from generator.check.project import Project
from generator.check.validate import ValidationResult
from generator.codes import CODES
from generator.deadlines.duties import load_duties
from generator.deadlines.history import SubmissionHistory, git, main_ref, read_history
from generator.deadlines.status import State, StatusRow, build_status
from generator.problems import Problem

ROOTS = ("submissions",)


def base_commit(project: Project, base: str | None = None) -> str | None:
    """``base`` if given, else the merge base of HEAD and the main branch (None: no git)."""
    if base:
        return base
    ref = main_ref(project.root)
    if ref is None:
        return None
    found = git(project.root, "merge-base", "HEAD", ref)
    return found.strip() if found else ref


def _nul_list(output: str | None) -> set[str]:
    return {p for p in (output or "").split("\0") if p}


def pending_paths(project: Project, base: str | None) -> set[str]:
    """Submission files that have not reached the main branch as they are now."""
    root = project.root
    untracked = _nul_list(
        git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", *ROOTS)
    )
    if base is None:
        tracked = _nul_list(git(root, "ls-files", "-z", "--", *ROOTS))
        return untracked | tracked
    changed = git(root, "diff", "--name-only", "--no-renames", "-z", base, "--", *ROOTS)
    return untracked | _nul_list(changed)


def _problem(row: StatusRow, path: str, code: str) -> Problem:
    args = {"due": str(row.due), "submitted": str(row.submitted), "rule": row.rule}
    if code == "TR401":
        args["days"] = str(row.days_late)
    else:
        args["submitted"] = str(row.amended[-1]) if row.amended else str(row.submitted)
    return Problem(path, 1, 1, "$", code, CODES[code].severity, args)


def timeliness_problems(
    project: Project, paths: set[str], as_of: dt.date, base: str | None = None
) -> list[Problem]:
    """TR401/TR402 warnings for the ``paths`` (validated files) not yet on main."""
    base = base_commit(project, base)
    book = load_duties(project)
    history = read_history(project.root, base, book.timezone) if base else SubmissionHistory()
    arriving = pending_paths(project, base) & paths
    if not arriving:
        return []
    report = build_status(project, as_of, history=history.with_arrivals(arriving, as_of))
    found: list[Problem] = []
    for row in report.rows:
        for path in (p for p in row.files if p in arriving):
            is_new = history.arrival(path) is None
            if is_new and row.state == State.LATE and row.submitted == as_of:
                found.append(_problem(row, path, "TR401"))
            elif not is_new and row.due is not None and as_of > row.due:
                found.append(_problem(row, path, "TR402"))
    return found


def with_timeliness(
    project: Project, result: ValidationResult, as_of: dt.date, base: str | None = None
) -> ValidationResult:
    """``result`` with the lateness warnings of its files added."""
    extra = timeliness_problems(project, {f.rel for f in result.files}, as_of, base)
    merged = sorted((*result.problems, *extra), key=Problem.sort_key)
    files = tuple(
        replace(f, problems=tuple(sorted((*f.problems, *(p for p in extra if p.file == f.rel)),
                                         key=Problem.sort_key)))
        for f in result.files
    )  # fmt: skip
    return ValidationResult(files, tuple(merged))
