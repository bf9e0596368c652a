"""The pull-request check: validate what a PR changes, and judge its timeliness."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.check.project import Project
from generator.check.validate import ValidationResult, validate
from generator.deadlines.arrivals import judge_arrivals, received_day
from generator.deadlines.status import StatusRow
from generator.github.event import PullRequest
from generator.load.files import CHECKED_ROOTS
from generator.paths import FilePlace, place_of
from generator.problems import Problem
from generator.registry import BODIES_FILE
from generator.workflows.changes import Change, changed_files
from generator.workflows.receipt import stamped_days


@dataclass(frozen=True)
class CheckOutcome:
    """What the check found: the changes, the validation result (lateness included) and
    the duty row each changed submission meets."""

    pull_request: PullRequest
    received: dt.date
    changes: tuple[Change, ...]
    result: ValidationResult
    rows: Mapping[str, StatusRow]

    @property
    def errors(self) -> int:
        return self.result.errors

    def checked(self) -> list[str]:
        """Changed files that the check validated, in order."""
        return [c.path for c in self.changes if _checked(c)]

    def problems_of(self, path: str) -> list[Problem]:
        return [p for p in self.result.problems if p.file == path]

    def late(self) -> list[Problem]:
        """The TR401 warnings: files that arrive after their due date."""
        return [p for p in self.result.problems if p.code == "TR401"]


def _checked(change: Change) -> bool:
    return change.exists and change.path.split("/", 1)[0] in CHECKED_ROOTS


def kind_of(project: Project, path: str) -> str | None:
    place = place_of(path, project.forms, set(project.forms.schemas))
    return place.kind if isinstance(place, FilePlace) else None


def run_check(
    project: Project,
    pr: PullRequest,
    base: str | None,
    head: str | None,
    now: dt.datetime,
) -> CheckOutcome:
    """Validate the changed files (and the registers, which every file depends on), then
    judge each as arriving when it was received: its verified receipt stamp if its content
    has one, else ``now`` (this check; not when the pull request was opened)."""
    base = base or pr.base_sha
    changes = tuple(changed_files(project.root, base, head or "HEAD"))
    paths = [c.path for c in changes if _checked(c)]
    if (project.root / BODIES_FILE).is_file() and BODIES_FILE not in paths:
        paths.append(BODIES_FILE)
    absolute = [str(Path(project.root, p)) for p in paths]
    result = validate(project, absolute) if absolute else ValidationResult((), ())
    received = received_day(project, now)
    stamped = stamped_days(project, pr, head or "HEAD")
    judged = judge_arrivals(project, paths, received, base, stamped)
    received = judged.day
    outcome = result.with_problems(judged.problems)
    return CheckOutcome(pr, received, changes, outcome, judged.rows(paths))
