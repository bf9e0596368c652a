"""Is a file in a pull request late? The deadlines engine, as if the PR were merged on the
day it was opened (the submission time that counts)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from generator.check.project import Project
from generator.deadlines.duties import load_duties
from generator.deadlines.history import read_history
from generator.deadlines.status import StatusRow, build_status


@dataclass(frozen=True)
class Timeliness:
    file: str
    state: str
    due: dt.date | None
    days_late: int | None
    rule: str
    received: dt.date


def received_day(project: Project, moment: dt.datetime) -> dt.date:
    """The calendar day of ``moment`` in the deadlines' time zone (Kazakhstan)."""
    return moment.astimezone(load_duties(project).timezone).date()


def _row_for(path: str, rows: Sequence[StatusRow]) -> StatusRow | None:
    return next((r for r in rows if path in r.files), None)


def timeliness(
    project: Project, paths: Sequence[str], received: dt.date, base: str | None
) -> dict[str, Timeliness]:
    """The state of each submission in ``paths`` had it arrived on ``received``.

    ``base`` is the main branch before the pull request; files already there count as
    amendments and keep their first arrival.
    """
    wanted = [p for p in paths if p.startswith("submissions/")]
    if not wanted:
        return {}
    tz = load_duties(project).timezone
    history = read_history(project.root, ref=base, tz=tz).with_arrivals(wanted, received)
    report = build_status(project, as_of=received, history=history)
    found: dict[str, Timeliness] = {}
    for path in wanted:
        row = _row_for(path, report.rows)
        if row is not None:
            found[path] = Timeliness(path, row.state, row.due, row.days_late, row.rule, received)
    return found
