"""The values ``treaty status`` produces: states, rows and the report (see ``status``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from generator.problems import Problem


class State(StrEnum):
    ON_TIME = "on-time"
    LATE = "late"
    MISSING = "missing"
    PENDING = "pending"
    EXEMPT = "exempt"


JSON_KEYS = (
    "body", "kind", "period", "due", "submitted", "state", "days_late", "files", "rule", "codes",
    "written_due", "readings", "amended",
)  # fmt: skip


@dataclass(frozen=True)
class StatusRow:
    body: str
    kind: str
    period: int
    due: dt.date | None
    submitted: dt.date | None
    state: str
    days_late: int | None
    files: tuple[str, ...]
    rule: str
    duty: str = ""
    amended: tuple[dt.date, ...] = ()
    event: str | None = None
    exempt_by: str | None = None
    # TR401/TR402 of the row's files, from :mod:`generator.deadlines.lateness`.
    problems: tuple[Problem, ...] = ()
    # The date the Rules write, when a reading of the repository moved it to ``due``.
    written_due: dt.date | None = None
    # The repository's readings applied to this row (ids in registry/duties.yaml).
    readings: tuple[str, ...] = ()
    # The field whose date met the duty ("" = the day the file reached main).
    met_on: str = ""
    # Each amendment day with the files changed that day (``amended`` holds the days).
    amended_files: tuple[tuple[dt.date, tuple[str, ...]], ...] = ()

    def amendments_json(self) -> list[dict[str, Any]]:
        """``[{date, files, days_after_due}]``: when the report was changed after it was
        received, which files, and how many days after the due date (0: not after it;
        None: the duty has no due date)."""
        found = []
        for day, files in self.amended_files:
            after = None if self.due is None else max(0, (day - self.due).days)
            found.append({"date": day.isoformat(), "files": list(files), "days_after_due": after})
        return found

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(p.code for p in self.problems)

    def as_json(self) -> dict[str, Any]:
        """Exactly the contract's keys, dates as ``YYYY-MM-DD``."""
        return {
            "body": self.body,
            "kind": self.kind,
            "period": self.period,
            "due": self.due.isoformat() if self.due else None,
            "submitted": self.submitted.isoformat() if self.submitted else None,
            "state": self.state,
            "days_late": self.days_late,
            "files": list(self.files),
            "rule": self.rule,
            "codes": list(self.codes),
            "written_due": self.written_due.isoformat() if self.written_due else None,
            "readings": list(self.readings),
            "amended": self.amendments_json(),
        }

    def sort_key(self) -> tuple[int, str, dt.date, str, str, str]:
        return (self.period, self.body, self.due or dt.date.max, self.rule, self.duty,
                self.event or "")  # fmt: skip


@dataclass(frozen=True)
class ExcludedFile:
    """A received file of which the report and the site leave something out: the whole
    file (``entries`` empty), or those entries ("annex1[3]"), for ``problems``."""

    path: str
    problems: tuple[Problem, ...]
    entries: tuple[str, ...] = ()
    kind: str = ""  # the file's form ("" when no form fits its path)

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.path,
            "entries": list(self.entries),
            "problems": [
                {"line": p.line, "column": p.column, "code": p.code} for p in self.problems
            ],
        }


@dataclass(frozen=True)
class StatusReport:
    as_of: dt.date
    rows: tuple[StatusRow, ...]
    # What the report and the site leave out (None: the files were not checked).
    excluded: tuple[ExcludedFile, ...] | None = None

    def as_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "as_of": self.as_of.isoformat(),
            "rows": [r.as_json() for r in self.rows],
        }
        if self.excluded is not None:
            found["excluded"] = [x.as_json() for x in self.excluded]
        return found

    def excluded_of(self, paths: Collection[str]) -> tuple[ExcludedFile, ...]:
        return tuple(x for x in self.excluded or () if x.path in paths)

    def bodies(self) -> tuple[str, ...]:
        return tuple(sorted({r.body for r in self.rows}))

    def for_body(self, body: str) -> tuple[StatusRow, ...]:
        return tuple(r for r in self.rows if r.body == body)

    def only(self, states: Collection[str] = (), bodies: Collection[str] = ()) -> StatusReport:
        """The rows in one of ``states`` and of one of ``bodies`` (empty: any)."""
        kept = tuple(
            r for r in self.rows
            if (not states or r.state in states) and (not bodies or r.body in bodies)
        )  # fmt: skip
        excluded = self.excluded
        if excluded is not None and (states or bodies):
            excluded = self.excluded_of({p for r in kept for p in r.files})
        return StatusReport(self.as_of, kept, excluded)

    def upcoming(self, days: int) -> StatusReport:
        """Only what is still pending and falls due within the next ``days`` days."""
        until = self.as_of + dt.timedelta(days=days)
        kept = (
            r for r in self.rows
            if r.state == State.PENDING and r.due is not None and self.as_of <= r.due <= until
        )  # fmt: skip
        return StatusReport(self.as_of, tuple(sorted(kept, key=lambda r: (r.body, r.due))))


def judge(
    due: dt.date | None, submitted: dt.date | None, as_of: dt.date
) -> tuple[State, int | None]:
    """The state of a non-exempt duty and its days late (see the module docstring)."""
    if submitted is not None:
        if due is None:
            return State.ON_TIME, None
        late = (submitted - due).days
        return (State.LATE, late) if late > 0 else (State.ON_TIME, 0)
    if due is None or as_of <= due:
        return State.PENDING, None
    return State.MISSING, (as_of - due).days
