"""Which event report answers which MFA report request (point 46), found once per status.

A request names the body it asks; its report is that body's report found, in this order:
by file name (the request's ``file_field``), by back-reference (the report's ``back_field``
names the request's file name or path), then by end date (the report's ``match_field``
equals the request's ``after`` field). Among several, the first in file order wins.

:class:`Answers` indexes the reports once by body and by the value each test compares, so
matching every request is one look-up each instead of a scan of every report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.deadlines.duties import OnRequest
from generator.deadlines.sources import Filed


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


@dataclass
class _BodyReports:
    """One body's reports in file order, with the first position of each compared value."""

    spec: OnRequest
    reports: list[Filed] = field(default_factory=list)
    names: dict[str, int] = field(default_factory=dict)
    backs: dict[str, int] = field(default_factory=dict)
    ends: dict[Hashable, int] = field(default_factory=dict)

    def _end(self, report: Filed) -> Any:
        return report.data.get(self.spec.match_field) if self.spec.match_field else None

    def add(self, report: Filed) -> None:
        position = len(self.reports)
        self.reports.append(report)
        self.names.setdefault(report.name, position)
        back = report.data.get(self.spec.back_field) if self.spec.back_field else None
        if isinstance(back, str):  # only a string equals a file name or path
            self.backs.setdefault(back, position)
        end = self._end(report)
        if _hashable(end):  # an unhashable value (list, mapping) equals no hashable one
            self.ends.setdefault(end, position)

    def by_end(self, value: object) -> int | None:
        """The first report whose end equals ``value`` (a scan only for a list or mapping)."""
        if _hashable(value):
            return self.ends.get(value)
        return next((i for i, r in enumerate(self.reports) if self._end(r) == value), None)


def _first(*positions: int | None) -> int | None:
    return min((p for p in positions if p is not None), default=None)


@dataclass(frozen=True)
class Answers:
    """Every request's report (None when unanswered), and the reports some request found."""

    report_of: Mapping[str, Filed | None]
    answered: frozenset[str]


def _index(reports: Iterable[Filed], spec: OnRequest) -> dict[str, _BodyReports]:
    index: dict[str, _BodyReports] = defaultdict(lambda: _BodyReports(spec))
    for report in reports:
        index[report.body].add(report)
    return dict(index)


def _find(
    request: Filed, index: Mapping[str, _BodyReports], spec: OnRequest, after: str | None
) -> Filed | None:
    mine = index.get(str(request.data.get(spec.body_field, "")))
    if mine is None:
        return None
    wanted = request.data.get(spec.file_field) if spec.file_field else None
    tests = (
        lambda: mine.names.get(wanted) if isinstance(wanted, str) else None,
        lambda: _first(mine.backs.get(request.name), mine.backs.get(request.path))
        if spec.back_field is not None else None,
        lambda: mine.by_end(request.data.get(after))
        if spec.match_field is not None and after is not None else None,
    )  # fmt: skip
    for test in tests:
        position = test()
        if position is not None:
            return mine.reports[position]
    return None


def answers(
    requests: Iterable[Filed], reports: Iterable[Filed], spec: OnRequest, after: str | None
) -> Answers:
    """Match every request to its report, indexing ``reports`` (in file order) once."""
    index = _index(reports, spec)
    report_of = {q.path: _find(q, index, spec, after) for q in requests}
    return Answers(report_of, frozenset(r.path for r in report_of.values() if r is not None))
