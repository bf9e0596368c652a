"""The pull-request check: validate what a PR changes, and judge its timeliness."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.check.project import Project
from generator.check.validate import ValidationResult, validate
from generator.github.event import PullRequest
from generator.load.files import CHECKED_ROOTS
from generator.paths import FilePlace, place_of
from generator.problems import Problem, Severity
from generator.registry import BODIES_FILE
from generator.workflows.changes import Change, changed_files
from generator.workflows.timeliness import Timeliness, received_day, timeliness


@dataclass(frozen=True)
class CheckOutcome:
    """What the check found: the changes, the validation result and each file's timeliness."""

    pull_request: PullRequest
    received: dt.date
    changes: tuple[Change, ...]
    result: ValidationResult
    timeliness: Mapping[str, Timeliness]

    @property
    def errors(self) -> int:
        return self.result.errors

    def checked(self) -> list[str]:
        """Changed files that the check validated, in order."""
        return [c.path for c in self.changes if _checked(c)]

    def problems_of(self, path: str) -> list[Problem]:
        return [p for p in self.result.problems if p.file == path]

    def late(self) -> list[Timeliness]:
        return [t for t in self.timeliness.values() if t.state == "late"]


def _checked(change: Change) -> bool:
    return change.exists and change.path.split("/", 1)[0] in CHECKED_ROOTS


def kind_of(project: Project, path: str) -> str | None:
    place = place_of(path, project.forms, set(project.forms.schemas))
    return place.kind if isinstance(place, FilePlace) else None


def run_check(
    project: Project, pr: PullRequest, base: str | None = None, head: str | None = None
) -> CheckOutcome:
    """Validate the changed files (and the registers, which every file depends on)."""
    base = base or pr.base_sha
    changes = tuple(changed_files(project.root, base, head or "HEAD"))
    paths = [c.path for c in changes if _checked(c)]
    if (project.root / BODIES_FILE).is_file() and BODIES_FILE not in paths:
        paths.append(BODIES_FILE)
    absolute = [str(Path(project.root, p)) for p in paths]
    result = validate(project, absolute) if absolute else ValidationResult((), ())
    received = received_day(project, pr.created_at)
    judged = timeliness(project, paths, received, base)
    return CheckOutcome(pr, received, changes, with_late(result, judged.values()), judged)


def late_problem(item: Timeliness) -> Problem:
    """A TR401 warning: accepted, but late by ``days`` days."""
    args = {
        "due": item.due.isoformat() if item.due else "",
        "submitted": item.received.isoformat(),
        "days": str(item.days_late or 0),
        "rule": item.rule,
    }
    return Problem(item.file, 1, 1, "$", "TR401", Severity.WARNING, args)


def with_late(result: ValidationResult, judged: Iterable[Timeliness]) -> ValidationResult:
    """``result`` plus a TR401 warning for each late file that lacks one."""
    flagged = {p.file for p in result.problems if p.code == "TR401"}
    late = [late_problem(t) for t in judged if t.state == "late" and t.file not in flagged]
    if not late:
        return result
    problems = sorted((*result.problems, *late), key=Problem.sort_key)
    return ValidationResult(result.files, tuple(problems))
