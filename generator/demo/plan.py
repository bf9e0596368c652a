"""The demo's history, planned from ``plan.yaml`` and the duty rules.

Each submission file gets the day its pull request is merged: a few days before its due
date (on time), or as the plan says (late, missing, amended). Which day is "due" comes from
:func:`build_status` on the source repository, so the demo follows the same rules the
status report applies to it.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from generator.check.project import Project
from generator.deadlines.duties import parse_offset
from generator.deadlines.history import SubmissionHistory
from generator.deadlines.sources import Filed, collect
from generator.deadlines.status import build_status
from generator.errors import ConfigurationError
from generator.load.yamlsafe import load_config_yaml

PLAN_FILE = "plan.yaml"


@dataclass(frozen=True)
class Amend:
    path: str
    days_after_due: int
    note: str


@dataclass(frozen=True)
class DemoPlan:
    setup_day: dt.date
    setup_paths: tuple[str, ...]
    setup_message: str
    until: dt.date
    tz: dt.tzinfo
    early_days: int
    hours: tuple[int, int]
    late: Mapping[str, int]
    missing: frozenset[str]
    amend: Mapping[str, Amend]
    companions: tuple[tuple[str, str], ...]
    people: Mapping[str, Mapping[str, str]]


@dataclass(frozen=True)
class Planned:
    """One file's arrival: the day, and the body whose pull request brings it."""

    path: str
    body: str
    day: dt.date
    amend: dt.date | None = None


def load_plan(text: str | None = None) -> DemoPlan:
    """The plan shipped with the package (or ``text``)."""
    try:
        if text is None:
            text = resources.files("generator.demo").joinpath(PLAN_FILE).read_text("utf-8")
    except OSError as error:
        raise ConfigurationError(f"cannot read the demo plan {PLAN_FILE}: {error}") from None
    raw: dict[str, Any] = load_config_yaml(text, f"generator/demo/{PLAN_FILE}")
    try:
        setup = raw["setup"]
        return DemoPlan(
            setup_day=dt.date.fromisoformat(str(setup["date"])),
            setup_paths=tuple(setup["paths"]),
            setup_message=str(setup["message"]),
            until=dt.date.fromisoformat(str(raw["until"])),
            tz=parse_offset(str(raw.get("timezone", "+05:00"))),
            early_days=int(raw.get("early_days", 7)),
            hours=(int(raw["hours"][0]), int(raw["hours"][1])),
            late={str(k): int(v) for k, v in (raw.get("late") or {}).items()},
            missing=frozenset(str(p) for p in raw.get("missing") or ()),
            amend={
                str(a["path"]): Amend(str(a["path"]), int(a["days_after_due"]), str(a["note"]))
                for a in raw.get("amend") or ()
            },
            companions=tuple((str(c["glob"]), str(c["with"])) for c in raw.get("companions") or ()),
            people=raw["people"],
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ConfigurationError(f"cannot read the demo plan {PLAN_FILE}: {error}") from None


def spread(key: str, size: int) -> int:
    """A number in ``range(size)`` that depends only on ``key`` (stable across runs)."""
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % max(size, 1)


def _dates_in(filed: Filed) -> list[dt.date]:
    return [d for name in filed.data if (d := filed.date(str(name))) is not None]


def _floor(filed: Filed, due: dt.date | None) -> dt.date:
    """The earliest realistic arrival: not before the file's own dates up to the due date."""
    dates = [d for d in _dates_in(filed) if due is None or d <= due]
    if filed.event_date and (due is None or filed.event_date <= due):
        dates.append(filed.event_date)
    return max(dates, default=dt.date(filed.period, 1, 1))


def arrival_day(filed: Filed, due: dt.date | None, plan: DemoPlan) -> dt.date:
    floor = _floor(filed, due)
    if due is None:
        return floor + dt.timedelta(days=1 + spread(filed.path, 4))
    if filed.path in plan.late:
        return max(due + dt.timedelta(days=plan.late[filed.path]), floor)
    early = due - dt.timedelta(days=1 + spread(filed.path, plan.early_days))
    return min(max(early, floor), due)


def plan_files(project: Project, plan: DemoPlan) -> tuple[Planned, ...]:
    """When each submission file reaches main; files never merged are left out."""
    report = build_status(project, plan.until, history=SubmissionHistory())
    due_of: dict[str, dt.date | None] = {}
    for row in report.rows:
        for path in row.files:
            due_of.setdefault(path, row.due)
    planned = []
    for filed in collect(project):
        if filed.path in plan.missing:
            continue
        due = due_of.get(filed.path)
        opened = plan.setup_day + dt.timedelta(days=1 + spread(filed.path, plan.early_days))
        day = max(arrival_day(filed, due, plan), opened)
        amend = plan.amend.get(filed.path)
        fix = due + dt.timedelta(days=amend.days_after_due) if amend and due else None
        if day <= plan.until:
            planned.append(Planned(filed.path, filed.body, day, fix))
    return tuple(planned)


def companions(root: Path, planned: tuple[Planned, ...], plan: DemoPlan) -> tuple[Planned, ...]:
    """Non-report files (attachments) that travel with a report of the same body and period."""
    by_path = {p.path: p for p in planned}
    found = []
    for path in walk(root, "submissions"):
        for pattern, owner in plan.companions:
            if fnmatch.fnmatch(path, pattern):
                parts = path.split("/")
                host = by_path.get("/".join([*parts[:3], owner]))
                if host is not None:
                    found.append(Planned(path, host.body, host.day))
    return tuple(found)


def walk(root: Path, top: str) -> list[str]:
    """Every file under ``root/top`` (or ``top`` itself), as sorted POSIX paths."""
    base = root / top
    if base.is_file():
        return [top]
    found = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if d not in ("__pycache__", ".git"))
        for name in filenames:
            found.append((Path(dirpath) / name).relative_to(root).as_posix())
    return sorted(found)
