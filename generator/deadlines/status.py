"""The status of every duty: one row per body × duty × period (per event for event duties).

:func:`build_status` is the one entry point the CLI, the report and the site call. It reads
the duty rules, the submissions in the working tree and the git history (one git call), and
judges each duty on the day ``as_of``: arrivals after ``as_of`` have not happened yet.

States:

- ``on-time``: arrived on or before the due date (``days_late`` 0), or a duty with no term
  that arrived (``due`` and ``days_late`` None: point 44 says "afterwards");
- ``late``: arrived after the due date; ``days_late`` counts calendar days;
- ``missing``: past due (``as_of`` after the due date) and nothing arrived; ``days_late``
  counts the calendar days overdue so far;
- ``pending``: not yet due and nothing arrived yet;
- ``exempt``: point 50 lifts the duty (``due`` None).
"""

from __future__ import annotations

import datetime as dt

from generator.check.project import Project
from generator.check.validate import ValidationResult
from generator.deadlines.duties import load_duties
from generator.deadlines.excluded import excluded_files
from generator.deadlines.history import SubmissionHistory, read_history
from generator.deadlines.rows import Context, rows_for
from generator.deadlines.sources import collect, periods_on_disk
from generator.deadlines.values import JSON_KEYS, State, StatusReport, StatusRow, judge

__all__ = ["JSON_KEYS", "State", "StatusReport", "StatusRow", "build_status", "judge"]


def build_status(
    project: Project,
    as_of: dt.date,
    period: int | None = None,
    history: SubmissionHistory | None = None,
    checked: ValidationResult | None = None,
) -> StatusReport:
    """Every duty's state on ``as_of``, for ``period`` or for every period with a folder
    under ``submissions/`` plus the year of ``as_of``. With ``checked`` (the files'
    validation), the report also lists what the report and the site leave out."""
    book = load_duties(project)
    if history is None:
        history = read_history(project.root, tz=book.timezone)
    periods = (period,) if period else tuple(sorted({*periods_on_disk(project), as_of.year}))
    filed = collect(project, book.data_kinds())
    context = Context(book, history, as_of, project.registry.bodies, filed)
    rows = [row for duty in book.duties for p in periods for row in rows_for(duty, p, context)]
    excluded = None
    if checked is not None:
        excluded = excluded_files(checked, project.forms, period)
    return StatusReport(as_of, tuple(sorted(rows, key=StatusRow.sort_key)), excluded)
