"""Files arriving now: what a pull request (or a working tree) would bring to main.

``treaty validate --as-of DATE`` counts the files not yet on the main branch as submitted on
``DATE``: untracked files, and files that differ between the working tree and ``base`` (by
default the merge base of HEAD and the main branch, so commits on a pull-request branch count
too). ``treaty pr check`` counts the pull request's files as submitted on its receipt day.
Both then ask the one lateness engine (:mod:`generator.deadlines.lateness`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.check.project import Project
from generator.deadlines.duties import load_duties
from generator.deadlines.history import SubmissionHistory, git, main_ref, read_history
from generator.deadlines.lateness import lateness_problems
from generator.deadlines.status import StatusReport, StatusRow, build_status
from generator.problems import Problem

ROOTS = ("submissions",)


@dataclass(frozen=True)
class ArrivalJudgement:
    """The duties' status had the files arrived on ``day``, and their lateness problems."""

    day: dt.date
    report: StatusReport
    problems: tuple[Problem, ...]

    def row_of(self, path: str) -> StatusRow | None:
        return next((r for r in self.report.rows if path in r.files), None)

    def rows(self, paths: Iterable[str]) -> dict[str, StatusRow]:
        return {p: row for p in paths if (row := self.row_of(p)) is not None}


def received_day(project: Project, moment: dt.datetime) -> dt.date:
    """The calendar day of ``moment`` in the deadlines' time zone (Kazakhstan)."""
    return moment.astimezone(load_duties(project).timezone).date()


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


def judge_arrivals(
    project: Project,
    paths: Iterable[str],
    day: dt.date,
    base: str | None,
    received: Mapping[str, dt.date] | None = None,
) -> ArrivalJudgement:
    """Lateness of ``paths`` arriving on ``day`` on top of the main branch at ``base``;
    a path in ``received`` arrives on its own day there instead (a receipt stamp).

    A file already at ``base`` arrives as an amendment and keeps its first date.
    """
    wanted = sorted({p for p in paths if p.split("/", 1)[0] in ROOTS})
    if not wanted:
        return ArrivalJudgement(day, StatusReport(day, ()), ())
    arriving = {p: (received or {}).get(p, day) for p in wanted}
    day = max(arriving.values())
    tz = load_duties(project).timezone
    history = read_history(project.root, base, tz) if base else SubmissionHistory()
    for when in sorted(set(arriving.values())):
        history = history.with_arrivals([p for p, d in arriving.items() if d == when], when)
    report = build_status(project, day, history=history)
    found = lateness_problems(report.rows, history, day, arriving)
    return ArrivalJudgement(day, report, tuple(found))


def pending_lateness(
    project: Project, paths: Iterable[str], as_of: dt.date, base: str | None = None
) -> tuple[Problem, ...]:
    """TR401/TR402 warnings for the ``paths`` (validated files) not yet on main."""
    base = base_commit(project, base)
    arriving = pending_paths(project, base) & set(paths)
    return judge_arrivals(project, arriving, as_of, base).problems


__all__ = ["ArrivalJudgement", "judge_arrivals", "pending_lateness", "received_day"]
