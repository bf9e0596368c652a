"""Turn one duty and one period into status rows.

- fixed-date duties (points 2.1, 2.2, 4, 5, 45, annual 46): one row per body that owes it;
- per-file duties (points 44, 48, 49): one row per file, due from the file's own dates;
- duties on request (point 46 event reports): one row per MFA request, matched to the
  report it asked for; an event report nobody asked for is shown with no due date.

A body that point 50 exempts gets one ``exempt`` row per per-file duty and period.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property

from generator.deadlines.duties import (
    ROLL_FORWARD,
    Duty,
    DutyBook,
    Exemption,
    OnRequest,
    fixed_due,
    written_due,
)  # fmt: skip
from generator.deadlines.history import SubmissionHistory
from generator.deadlines.lateness import row_problems
from generator.deadlines.requests import Answers, answers
from generator.deadlines.sources import Filed
from generator.deadlines.values import State, StatusRow, judge
from generator.model import Body

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Moved:
    """A due date a reading of the repository moved away from what the Rules write."""

    written: dt.date | None
    readings: tuple[str, ...]


def moved(written: dt.date | None, due: dt.date | None, reading: str) -> Moved | None:
    return Moved(written, (reading,)) if written != due else None


@dataclass(frozen=True)
class Context:
    book: DutyBook
    history: SubmissionHistory
    as_of: dt.date
    bodies: Mapping[str, Body]
    filed: tuple[Filed, ...]
    _answers: dict[tuple[object, ...], Answers] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @cached_property
    def _by_kind(self) -> Mapping[tuple[str, int | None], list[Filed]]:
        """The files of each kind, and of each kind and period, in ``filed`` order."""
        index: dict[tuple[str, int | None], list[Filed]] = defaultdict(list)
        for f in self.filed:
            index[(f.kind, None)].append(f)
            index[(f.kind, f.period)].append(f)
        return index

    def files_of_kind(self, kind: str, period: int | None = None) -> list[Filed]:
        return list(self._by_kind.get((kind, period), ()))

    def answers(self, duty: Duty, spec: OnRequest) -> Answers:
        """Every request matched to its report, once per duty (not once per period)."""
        key = (duty.id, duty.kinds, spec, duty.due.after)
        if key not in self._answers:
            requests = self.files_of_kind(spec.kind)
            self._answers[key] = answers(requests, self.files_of(duty), spec, duty.due.after)
        return self._answers[key]

    def files_of(self, duty: Duty, period: int | None = None) -> list[Filed]:
        if len(duty.kinds) == 1:  # one look-up instead of a scan per duty and period
            return self.files_of_kind(duty.kinds[0], period)
        return [
            f for f in self.filed
            if f.kind in duty.kinds and (period is None or f.period == period)
        ]  # fmt: skip

    def row(
        self, duty: Duty, body: str, period: int, due: dt.date | None,
        files: Iterable[Filed], event: str | None = None, moved: Moved | None = None,
    ) -> StatusRow:  # fmt: skip
        filed = sorted(files, key=lambda f: f.path)
        paths = tuple(f.path for f in filed)
        arrivals = [d for p in paths if (d := self.history.arrival(p, self.as_of))]
        submitted = min(arrivals) if arrivals else None
        met_on = duty.due.met_on or ""
        if met_on and submitted is not None:  # the act the Rules require, by its own date
            submitted = min((d for f in filed if (d := f.date(met_on))), default=None)
        changed: dict[dt.date, list[str]] = defaultdict(list)
        for path in paths:
            for day in dict.fromkeys(self.history.amendments(path, self.as_of)):
                changed[day].append(path)
        amended = tuple(sorted(changed))
        state, days = judge(due, submitted, self.as_of)
        readings = (*(moved.readings if moved else ()), *self._duty_reading(duty, filed))
        row = StatusRow(body, duty.kinds[0], period, due, submitted, state.value, days,
                        paths, duty.rule, duty.id, amended, event,
                        written_due=moved.written if moved else None,
                        readings=readings, met_on=met_on,
                        amended_files=tuple((d, tuple(changed[d])) for d in amended))  # fmt: skip
        return replace(row, problems=row_problems(row, self.history, self.as_of))

    def _duty_reading(self, duty: Duty, files: list[Filed]) -> tuple[str, ...]:
        if duty.reading is None or any(
            f.matches(duty.reading_unless) for f in files if duty.reading_unless
        ):
            return ()
        return (duty.reading,)

    def exempt_row(
        self, duty: Duty, body: str, period: int, files: Iterable[Filed],
        exemption: Exemption, event: str | None = None,
    ) -> StatusRow:  # fmt: skip
        paths = tuple(sorted(f.path for f in files))
        arrivals = [d for p in paths if (d := self.history.arrival(p, self.as_of))]
        return StatusRow(body, duty.kinds[0], period, None, min(arrivals, default=None),
                         State.EXEMPT.value, None, paths, duty.rule, duty.id, (), event,
                         exemption.citation)  # fmt: skip

    def exemption(self, duty: Duty, body: str, filed: Filed | None = None) -> Exemption | None:
        found = self.book.exempting_body(duty, self.bodies.get(body))
        if found is None and filed is not None:
            found = self.book.exempting_file(duty, filed.data)
        return found


def rows_for(duty: Duty, period: int, context: Context) -> list[StatusRow]:
    if duty.due.fixed is not None:
        return fixed_rows(duty, period, context)
    rows = exempt_body_rows(duty, period, context)
    if duty.due.on_request is not None:
        return rows + request_rows(duty, duty.due.on_request, period, context)
    return rows + [r for f in context.files_of(duty, period) if (r := file_row(duty, f, context))]


def fixed_rows(duty: Duty, period: int, context: Context) -> list[StatusRow]:
    files = [f for f in context.files_of(duty, period) if f.matches(duty.match)]
    owing = {code for code, body in context.bodies.items() if duty.owed_by(body)}
    rows = []
    for body in sorted(owing | {f.body for f in files}):
        mine = [f for f in files if f.body == body]
        exemption = context.exemption(duty, body)
        if exemption is not None:
            rows.append(context.exempt_row(duty, body, period, mine, exemption))
        else:
            due = fixed_due(duty, period, context.book.calendar)
            written = written_due(duty, period)
            rows.append(context.row(duty, body, period, due, mine,
                                    moved=moved(written, due, ROLL_FORWARD)))  # fmt: skip
    return rows


def exempt_body_rows(duty: Duty, period: int, context: Context) -> list[StatusRow]:
    """One ``exempt`` row for each body exempt from a per-file duty that filed nothing."""
    filed = {f.body for f in context.files_of(duty, period)}
    rows = []
    for code, body in sorted(context.bodies.items()):
        exemption = context.book.exempting_body(duty, body)
        if duty.owed_by(body) and exemption is not None and code not in filed:
            rows.append(context.exempt_row(duty, code, period, (), exemption))
    return rows


def file_due(duty: Duty, filed: Filed, context: Context) -> dt.date | None:
    due = duty.due
    if due.working_days is not None:
        start = filed.date(due.after)
        return context.book.calendar.add_working_days(start, due.working_days) if start else None
    if due.before is not None:
        limit = filed.date(due.before)
        if limit is None or due.met_on:  # met on a day of its own: before the limit's day
            return limit
        return limit - ONE_DAY
    return None


def request_due(
    duty: Duty, request: Filed, context: Context
) -> tuple[dt.date | None, Moved | None]:
    """The due date of the report a request asks for; never before the request itself
    (when the request comes after the term had passed, the duty's ``late_request``)."""
    due = file_due(duty, request, context)
    late = duty.due.late_request
    asked = request.date(late.after) if late else None
    if late is None or due is None or asked is None or asked <= due:
        return due, None
    later = context.book.calendar.add_working_days(asked, late.working_days)
    return later, Moved(due, (late.reading,))


def file_row(duty: Duty, filed: Filed, context: Context) -> StatusRow | None:
    if not filed.matches(duty.when):
        return None
    exemption = context.exemption(duty, filed.body, filed)
    if exemption is not None:
        return context.exempt_row(duty, filed.body, filed.period, [filed], exemption, filed.stem)
    due = file_due(duty, filed, context)
    return context.row(duty, filed.body, filed.period, due, [filed], filed.stem)


def request_rows(duty: Duty, spec: OnRequest, period: int, context: Context) -> list[StatusRow]:
    found = context.answers(duty, spec)
    rows = []
    for request in context.files_of_kind(spec.kind, period):
        body = request.data.get(spec.body_field)
        if not isinstance(body, str):
            continue
        report = found.report_of[request.path]
        files = [report] if report else []
        exemption = context.exemption(duty, body, report)
        if exemption is not None:
            rows.append(context.exempt_row(duty, body, period, files, exemption, request.stem))
            continue
        due, shift = request_due(duty, request, context)
        rows.append(context.row(duty, body, period, due, files, request.stem, shift))
    for report in context.files_of(duty, period):
        if report.path not in found.answered:
            rows.append(_unrequested(duty, report, context))
    return rows


def _unrequested(duty: Duty, report: Filed, context: Context) -> StatusRow:
    exemption = context.exemption(duty, report.body, report)
    if exemption is not None:
        return context.exempt_row(
            duty, report.body, report.period, [report], exemption, report.stem
        )
    return context.row(duty, report.body, report.period, None, [report], report.stem)
