"""The one lateness engine: a file's arrival, against its duty's due date, as problems.

Every place that says a report is late asks this module: ``treaty validate --as-of`` (files
not yet on main), ``treaty pr check`` (the files of a pull request), ``treaty status`` and the
site (every file on main, through the rows of :func:`generator.deadlines.status.build_status`).

- TR401 (warning): the file that first met the duty arrived after the due date; it carries
  the days late. A late report is accepted: the warning never blocks.
- TR402 (warning): a file already received was changed after the due date; the change is an
  amendment with its own date, and the first submission keeps its date.

A duty met by an act with its own date (point 48: consulted *before leaving*, ``met_on``)
is judged by that date, not by when its record reached the repository: after the due day,
TR404 with the days late; on the day itself, TR403 (the act may still have come first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.codes import CODES
from generator.deadlines.history import SubmissionHistory
from generator.deadlines.values import State, StatusRow
from generator.problems import Problem


@dataclass(frozen=True)
class Arrival:
    """One file reaching the main branch on ``day``: first (a submission) or an amendment."""

    path: str
    day: dt.date
    first: bool


def arrivals_of(history: SubmissionHistory, path: str, as_of: dt.date) -> list[Arrival]:
    """Every arrival of ``path`` on or before ``as_of``, oldest first."""
    first = history.arrival(path, as_of)
    if first is None:
        return []
    later = (Arrival(path, d, False) for d in history.amendments(path, as_of))
    return [Arrival(path, first, True), *later]


def arrival_problem(row: StatusRow, arrival: Arrival) -> Problem | None:
    """TR401 or TR402 for one arrival of one of ``row``'s files; None when in time."""
    if row.due is None or row.state == State.EXEMPT or arrival.day <= row.due:
        return None
    args = {"due": row.due.isoformat(), "submitted": arrival.day.isoformat(), "rule": row.rule}
    if not arrival.first:
        code = "TR402"
    elif row.submitted == arrival.day:  # this file, not an earlier one, met the duty
        code, args["days"] = "TR401", str((arrival.day - row.due).days)
    else:
        return None
    return Problem(arrival.path, 1, 1, "$", code, CODES[code].severity, args, rule=row.rule)


def met_problem(row: StatusRow, path: str) -> Problem | None:
    """TR404 or TR403 for a duty met by the date in one of its fields (``row.met_on``)."""
    if row.due is None or row.submitted is None or row.state == State.EXEMPT:
        return None
    args = {"due": row.due.isoformat(), "submitted": row.submitted.isoformat(),
            "rule": row.rule, "field": row.met_on}  # fmt: skip
    if row.state == State.LATE:
        code, args["days"] = "TR404", str(row.days_late or 0)
    elif row.submitted == row.due:
        code = "TR403"
    else:
        return None
    where = f"$.{row.met_on}"
    return Problem(path, 1, 1, where, code, CODES[code].severity, args, rule=row.rule)


def row_problems(
    row: StatusRow,
    history: SubmissionHistory,
    as_of: dt.date,
    arriving: Mapping[str, dt.date] | None = None,
) -> tuple[Problem, ...]:
    """The lateness problems of ``row``'s files.

    Without ``arriving``, every arrival in the history counts (status, site). With it, only
    the arrival of each named file on its day (a pull request, or files not yet on main).
    """
    found: list[Problem] = []
    for path in row.files:
        events = arrivals_of(history, path, as_of)
        if row.met_on:  # once for the file, on whichever arrival is being judged
            judged = events[:1] if arriving is None else events[-1:]
            if arriving is not None and (not judged or judged[0].day != arriving.get(path)):
                continue
            if judged and (problem := met_problem(row, path)) is not None:
                found.append(problem)
            continue
        if arriving is not None:
            day = arriving.get(path)
            events = [e for e in events[-1:] if e.day == day]
        found.extend(p for e in events if (p := arrival_problem(row, e)) is not None)
    return tuple(found)


def lateness_problems(
    rows: Iterable[StatusRow],
    history: SubmissionHistory,
    as_of: dt.date,
    arriving: Mapping[str, dt.date] | None = None,
) -> list[Problem]:
    """Every row's lateness problems (see :func:`row_problems`), in file order."""
    found = [p for row in rows for p in row_problems(row, history, as_of, arriving)]
    return sorted(found, key=Problem.sort_key)
