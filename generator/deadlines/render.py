"""Format a :class:`StatusReport`: text, Markdown, JSON (the contract) and CSV.

Text and Markdown come from Jinja templates under ``generator/templates/deadlines/``;
labels come from ``generator/catalogues/deadlines.<lang>.yaml``, form titles from the forms
and body names from the registry.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby

from generator.check.project import Project
from generator.deadlines.values import JSON_KEYS, ExcludedFile, State, StatusReport, StatusRow
from generator.i18n import Catalogue, area_catalogue, catalogue
from generator.law.cite import citer
from generator.problems import Problem
from generator.templating import environment

AREA = "deadlines"


@dataclass(frozen=True)
class RowView:
    row: StatusRow
    body_name: str
    kind_name: str
    state_label: str
    rule: str
    note: str


@dataclass(frozen=True)
class BodyGroup:
    body: str
    body_name: str
    rows: tuple[RowView, ...]


@dataclass(frozen=True)
class ExcludedView:
    """A file of which something is left out, its problems in the view's language."""

    item: ExcludedFile
    body_name: str
    reasons: tuple[str, ...]  # "line 3, column 7 (TR205): …", one per problem


@dataclass(frozen=True)
class StatusView:
    report: StatusReport
    labels: Catalogue
    rows: tuple[RowView, ...]
    excluded: tuple[ExcludedView, ...] = ()

    def label(self, key: str, **args: object) -> str:
        return self.labels.label(key, **args)

    def summary(self) -> str:
        counts = {s.name.lower(): sum(1 for r in self.rows if r.row.state == s) for s in State}
        return self.label("summary", rows=len(self.rows), **counts)

    def groups(self) -> tuple[BodyGroup, ...]:
        """The rows per body, in body order (for ``--upcoming``)."""
        found = []
        for code, items in groupby(self.rows, key=lambda v: v.row.body):
            views = tuple(items)
            found.append(BodyGroup(code, views[0].body_name, views))
        return tuple(found)


def _note(
    row: StatusRow, labels: Catalogue, cite: Callable[[str], str],
    left_out: tuple[ExcludedFile, ...] = (),
) -> str:  # fmt: skip
    parts = []
    if row.state == State.LATE:
        parts.append(labels.label("late_by", days=row.days_late))
    elif row.state == State.MISSING:
        parts.append(labels.label("overdue", days=row.days_late))
    elif row.state == State.EXEMPT:
        parts.append(labels.label("exempt_by", citation=cite(row.exempt_by or "50")))
    elif row.due is None:
        parts.append(labels.label("no_term"))
    if row.amended:
        parts.append(labels.label("amended", dates=amendment_dates(row, labels)))
    if row.problems:  # the codes the lateness engine gave, as validate and the PR check show
        parts.append(", ".join(dict.fromkeys(row.codes)))
    parts.extend(reading_notes(row, labels))
    if left_out:
        parts.append(labels.label("excluded_note", count=len(left_out)))
    return "; ".join(parts)


def amendment_dates(row: StatusRow, labels: Catalogue) -> str:
    """Each day the report was changed after it was received; those after the due date say
    by how many days ("2026-02-18, 39 days after the due date")."""
    shown = []
    for item in row.amendments_json():
        after = item["days_after_due"]
        key = "amended_after" if after else "amended_on"
        shown.append(labels.label(key, date=item["date"], days=after))
    return ", ".join(shown)


def reading_notes(row: StatusRow, labels: Catalogue) -> list[str]:
    """What each of the repository's readings did to the row, beside the Rules' own date."""
    written = row.written_due.isoformat() if row.written_due else ""
    rule = citer(labels.lang)(row.rule) if row.readings else ""  # with its status (a draft)
    return [labels.label(f"reading.{r}", written=written, rule=rule) for r in row.readings]


def view_of(report: StatusReport, project: Project, lang: str) -> StatusView:
    labels = area_catalogue(AREA, lang)
    cite = citer(lang)  # the Rules' citations, with their status (a draft point says so)

    def kind_name(kind: str) -> str:
        form = project.forms.get(kind)
        return form.short(lang) if form else kind

    rows = tuple(
        RowView(
            row=r,
            body_name=project.registry.body_name(r.body, lang),
            kind_name=kind_name(r.kind),
            state_label=labels.label(f"state.{r.state}"),
            rule=cite(r.rule),
            note=_note(r, labels, cite, report.excluded_of(r.files)),
        )
        for r in report.rows
    )
    messages = catalogue(lang)

    def reason(problem: Problem) -> str:
        said = messages.localize(problem, project.forms, cite)
        where = labels.label("where", line=problem.line, column=problem.column, code=problem.code)
        return f"{where}: {said.message}"

    excluded = tuple(
        ExcludedView(x, _body_name(project, x.path, lang), tuple(reason(p) for p in x.problems))
        for x in report.excluded or ()
    )
    return StatusView(report, labels, rows, excluded)


def _body_name(project: Project, path: str, lang: str) -> str:
    parts = path.split("/")
    return project.registry.body_name(parts[2], lang) if len(parts) > 3 else ""


def _template(name: str, view: StatusView, **extra: object) -> str:
    return environment(AREA).get_template(name).render(view=view, **extra)


def text(view: StatusView) -> str:
    return _template("status.txt.j2", view)


def markdown(view: StatusView) -> str:
    return _template("status.md.j2", view)


def json_contract(view: StatusView) -> str:
    """The contract: ``as_of``, ``rows`` and, when the files were checked, ``excluded``
    (each problem with its message in the view's language)."""
    data = view.report.as_json()
    for found, shown in zip(data.get("excluded", ()), view.excluded, strict=True):
        for problem, message in zip(found["problems"], shown.reasons, strict=True):
            problem["message"] = message
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def csv_rows(view: StatusView) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(JSON_KEYS)
    for data in view.report.as_json()["rows"]:
        values = [data[k] for k in JSON_KEYS]
        writer.writerow([_csv_value(v) for v in values])
    return out.getvalue()


def _csv_value(value: object) -> object:
    """A list as ``a;b``; an amendment as its date (and ``+N`` days after the due date)."""
    if isinstance(value, list):
        return ";".join(_csv_item(v) for v in value)
    return "" if value is None else value


def _csv_item(item: object) -> str:
    if isinstance(item, dict):
        after = item.get("days_after_due")
        return f"{item['date']} (+{after})" if after else str(item["date"])
    return str(item)


def upcoming_text(view: StatusView, days: int) -> str:
    return _template("upcoming.txt.j2", view, days=days)


def upcoming_markdown(view: StatusView, days: int) -> str:
    return _template("upcoming.md.j2", view, days=days)


FORMATS: dict[str, Callable[[StatusView], str]] = {
    "text": text,
    "markdown": markdown,
    "json": json_contract,
    "csv": csv_rows,
}
UPCOMING_FORMATS: dict[str, Callable[[StatusView, int], str]] = {
    "text": upcoming_text,
    "markdown": upcoming_markdown,
    "json": lambda view, _days: json_contract(view),
    "csv": lambda view, _days: csv_rows(view),
}
