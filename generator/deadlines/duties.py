"""Duty rules as data: ``registry/duties.yaml`` read into immutable values.

Each :class:`Duty` cites its point of the Rules, names the kinds of submission that meet
it, who owes it, and how its due date is found (:class:`Due`). :class:`Exemption` values
carry point 50. The file is checked against ``schemas/registry-duties.schema.json`` here
(a broken file stops the command) and by ``treaty validate``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.check.project import Project
from generator.deadlines.calendar import WorkingCalendar, adjustments_from_data
from generator.errors import ConfigurationError
from generator.load.yamlsafe import load_config_yaml
from generator.model import Body, Text

DUTIES_FILE = "registry/duties.yaml"
DUTIES_SCHEMA = "registry-duties.schema.json"
ROLL_FORWARD = "roll-forward"


@dataclass(frozen=True)
class OnRequest:
    """The duty arises when another submission (a request) asks for it."""

    kind: str
    body_field: str
    file_field: str | None = None
    back_field: str | None = None
    match_field: str | None = None


@dataclass(frozen=True)
class LateRequest:
    """How the term runs when a request comes after the term it triggers had passed."""

    working_days: int
    after: str
    reading: str


@dataclass(frozen=True)
class Due:
    """How a due date is found; exactly one of the four ways is set."""

    fixed: tuple[int, int, str] | None = None  # (month, day, "period" | "next")
    working_days: int | None = None
    after: str | None = None
    on_request: OnRequest | None = None
    before: str | None = None
    no_term: bool = False
    met_on: str | None = None  # the field holding the day the duty was met (with before)
    late_request: LateRequest | None = None

    @property
    def per_file(self) -> bool:
        return self.fixed is None


@dataclass(frozen=True)
class Duty:
    id: str
    rule: str
    kinds: tuple[str, ...]
    categories: tuple[str, ...]
    codes: tuple[str, ...]
    due: Due
    match: Mapping[str, Any]
    when: Mapping[str, Any]
    reading: str | None = None
    reading_unless: Mapping[str, Any] = field(default_factory=dict)

    def owed_by(self, body: Body) -> bool:
        return body.code in self.codes or body.category in self.categories

    @property
    def point(self) -> str:
        return self.rule.split(".", 1)[0]


@dataclass(frozen=True)
class Exemption:
    citation: str
    points: tuple[str, ...]
    categories: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    field: str | None = None
    values: frozenset[str] = frozenset()

    def covers(self, duty: Duty) -> bool:
        kind_ok = not self.kinds or any(k in self.kinds for k in duty.kinds)
        return duty.point in self.points and kind_ok

    def lifts_body(self, duty: Duty, body: Body | None) -> bool:
        return body is not None and self.covers(duty) and body.category in self.categories

    def lifts_file(self, duty: Duty, data: Mapping[str, Any]) -> bool:
        if self.field is None or not self.covers(duty):
            return False
        return str(data.get(self.field)) in self.values


@dataclass(frozen=True)
class DutyBook:
    """Every duty, the exemptions, and the calendar they are counted on."""

    duties: tuple[Duty, ...]
    exemptions: tuple[Exemption, ...]
    calendar: WorkingCalendar
    timezone: dt.tzinfo
    # The repository's readings of the Rules, by id (kk/ru/en explanations).
    readings: Mapping[str, Text] = field(default_factory=dict)

    def exempting_body(self, duty: Duty, body: Body | None) -> Exemption | None:
        return next((e for e in self.exemptions if e.lifts_body(duty, body)), None)

    def exempting_file(self, duty: Duty, data: Mapping[str, Any]) -> Exemption | None:
        return next((e for e in self.exemptions if e.lifts_file(duty, data)), None)

    def data_kinds(self) -> frozenset[str]:
        """The kinds whose content some rule reads. A fixed-date duty with no ``match``
        looks only at the path (who filed, for which period), so the big annual annex
        files need not be parsed to judge it."""
        kinds: set[str] = set()
        for duty in self.duties:
            if duty.due.fixed is None or duty.match:
                kinds.update(duty.kinds)
            if duty.due.on_request is not None:
                kinds.add(duty.due.on_request.kind)
        return frozenset(kinds)


def _due(raw: Mapping[str, Any]) -> Due:
    fixed = raw.get("fixed")
    request = raw.get("on_request")
    late = raw.get("late_request")
    return Due(
        fixed=(int(fixed["month"]), int(fixed["day"]), str(fixed["year"])) if fixed else None,
        working_days=raw.get("working_days"),
        after=raw.get("after"),
        on_request=OnRequest(**request) if request else None,
        before=raw.get("before"),
        no_term=bool(raw.get("no_term", False)),
        met_on=raw.get("met_on"),
        late_request=LateRequest(int(late["working_days"]), str(late["after"]),
                                 str(late["reading"])) if late else None,
    )  # fmt: skip


def _duty(raw: Mapping[str, Any]) -> Duty:
    owed = raw.get("owed_by") or {}
    return Duty(
        id=str(raw["id"]),
        rule=str(raw["rule"]),
        kinds=tuple(raw["kinds"]),
        categories=tuple(owed.get("categories") or ()),
        codes=tuple(owed.get("codes") or ()),
        due=_due(raw["due"]),
        match=dict(raw.get("match") or {}),
        when=dict(raw.get("when") or {}),
        reading=(raw.get("reading") or {}).get("id"),
        reading_unless=dict((raw.get("reading") or {}).get("unless") or {}),
    )


def _exemption(raw: Mapping[str, Any], project: Project) -> Exemption:
    values = {str(v) for v in raw.get("values") or ()}
    source = raw.get("values_from_form")
    if source:
        form = project.forms.get(str(source["kind"]))
        listed = form.extra.get(str(source["key"])) if form else None
        values.update(str(v) for v in listed or ())
    return Exemption(
        citation=str(raw["citation"]),
        points=tuple(str(p) for p in raw["points"]),
        categories=tuple(raw.get("categories") or ()),
        kinds=tuple(raw.get("kinds") or ()),
        field=raw.get("field"),
        values=frozenset(values),
    )


def parse_offset(text: str) -> dt.tzinfo:
    sign = -1 if text.startswith("-") else 1
    hours, minutes = text[1:].split(":")
    return dt.timezone(sign * dt.timedelta(hours=int(hours), minutes=int(minutes)))


def book_from_data(data: Mapping[str, Any], project: Project) -> DutyBook:
    calendar = data["calendar"]
    rolls = calendar.get("interpretation") == ROLL_FORWARD
    return DutyBook(
        duties=tuple(_duty(d) for d in data["duties"]),
        exemptions=tuple(_exemption(e, project) for e in data.get("exemptions") or ()),
        calendar=WorkingCalendar(
            str(calendar["country"]), rolls, adjustments_from_data(calendar.get("adjustments"))
        ),
        timezone=parse_offset(str(calendar.get("timezone", "+05:00"))),
        readings={str(k): Text.from_data(v) for k, v in (data.get("readings") or {}).items()},
    )


def load_duties(project: Project) -> DutyBook:
    """The duty rules of ``project``, read and checked once per project."""
    return project.derived("duties", _read_duties)


def _read_duties(project: Project) -> DutyBook:
    """Read and check ``registry/duties.yaml``; a missing or broken file is fatal."""
    path = project.root / DUTIES_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigurationError(f"cannot read {DUTIES_FILE}: {error}") from None
    data = load_config_yaml(text, DUTIES_FILE)
    if not project.checker.has(DUTIES_SCHEMA):
        raise ConfigurationError(f"schemas/{DUTIES_SCHEMA} is missing")
    findings = project.checker.check(DUTIES_SCHEMA, data)
    if findings:
        first = findings[0]
        path_text = "/".join(str(p) for p in first.parts) or "(top)"
        raise ConfigurationError(
            f"{DUTIES_FILE} does not match its schema at {path_text} ({first.code}); "
            "run `treaty validate registry/duties.yaml`"
        )
    return book_from_data(data, project)


def written_due(duty: Duty, period: int) -> dt.date | None:
    """The date the Rules write for a fixed-date duty of ``period``."""
    if duty.due.fixed is None:
        return None
    month, day, year = duty.due.fixed
    return dt.date(period + (1 if year == "next" else 0), month, day)


def fixed_due(duty: Duty, period: int, calendar: WorkingCalendar) -> dt.date | None:
    """The due date of a fixed-date duty for ``period``, rolled forward under the reading."""
    written = written_due(duty, period)
    return calendar.roll_forward(written) if written is not None else None
