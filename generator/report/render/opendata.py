"""Open data: one row per entry with flat columns (JSON, CSV, XLSX) and a Frictionless
``datapackage.json`` describing them.

Texts are given in the report's language; enumerated values stay codes (their labels are in
``schemas/forms/``). CSV and XLSX cells that a spreadsheet would run as a formula (starting
with = + - @, a tab or a carriage return) are prefixed with a single quote.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.check.project import Project
from generator.i18n import catalogue
from generator.law.cite import citer
from generator.report.context import Words
from generator.report.model import Consolidation, Entry
from generator.report.text import one_line, plain

FIXED = (
    "period", "body", "body_name", "form", "form_title", "annex", "table", "entry",
    "file", "treaty", "treaty_title", "treaty_area",
)  # fmt: skip
INTEGER = frozenset({"period", "annex", "entry", "received", "shown", "line", "column"})
SKIPPED = frozenset({"form", "period", "body", "treaty"})
TOTAL_COLUMNS = ("body", "body_name", "form", "form_title", "received", "shown", "excluded")
EXCLUDED_COLUMNS = ("file", "entry", "body", "line", "column", "code", "message")
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """A value a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(DANGEROUS):
        return "'" + value
    return value


@dataclass(frozen=True)
class OpenDataTable:
    name: str
    columns: tuple[str, ...]
    rows: tuple[Mapping[str, Any], ...]


def _content_columns(c: Consolidation, project: Project) -> list[str]:
    found: dict[str, None] = {}
    for kind in c.forms:
        form = project.forms.get(kind)
        for table in form.tables if form else ():
            for col in table.columns:
                if "." not in col.field and col.field not in SKIPPED:
                    found.setdefault(col.field, None)
    extra = sorted({k for e in c.entries for k in e.row if k not in SKIPPED and k not in found})
    return [*found, *extra]


def _entry_row(e: Entry, w: Words, content: Sequence[str]) -> dict[str, Any]:
    treaty = w.registry.treaties.get(e.treaty or "")
    row: dict[str, Any] = {
        "period": int(e.row.get("period") or 0) or None,
        "body": e.body, "body_name": w.body(e.body), "form": e.kind,
        "form_title": w.form_title(e.kind), "annex": e.annex, "table": e.table,
        "entry": e.index + 1, "file": e.path, "treaty": e.treaty or "",
        "treaty_title": w.treaty(e.treaty) if e.treaty else "",
        "treaty_area": treaty.area if treaty else "",
    }  # fmt: skip
    for name in content:
        row[name] = one_line(plain(e.row.get(name), w.lang))
    return row


def tables(
    c: Consolidation, project: Project, lang: str
) -> tuple[OpenDataTable, OpenDataTable, OpenDataTable]:
    w = Words.of(lang, project.forms, project.registry)
    content = _content_columns(c, project)
    entries = tuple({**_entry_row(e, w, content), "period": c.period} for e in c.entries)
    totals = tuple(
        {"body": r.body, "body_name": w.body(r.body), "form": r.kind,
         "form_title": w.form_title(r.kind), "received": r.received, "shown": r.shown,
         "excluded": r.excluded}
        for r in c.totals.rows
    )  # fmt: skip
    messages = catalogue(lang)
    excluded = tuple(
        {"file": x.path, "entry": x.entry, "body": x.body, "line": p.line, "column": p.column,
         "code": p.code, "message": messages.localize(p, project.forms, citer(lang)).message}
        for x in c.excluded
        for p in x.problems
    )  # fmt: skip
    return (
        OpenDataTable("entries", (*FIXED, *content), entries),
        OpenDataTable("totals", TOTAL_COLUMNS, totals),
        OpenDataTable("excluded", EXCLUDED_COLUMNS, excluded),
    )


def to_json(
    c: Consolidation,
    project: Project,
    lang: str,
    title: str,
    found: Sequence[OpenDataTable] | None = None,
) -> str:
    """The report's tables as one JSON document; ``found``: :func:`tables` if already made."""
    found = tables(c, project, lang) if found is None else found
    meta = {
        "period": c.period,
        "edition": c.edition,
        "lang": lang,
        "as_of": c.as_of.isoformat(),
        "title": title,
    }
    data: dict[str, Any] = {"report": meta}
    data |= {t.name: [dict(r) for r in t.rows] for t in found}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_csv(table: OpenDataTable) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow(
            [safe_cell("" if row.get(k) is None else row.get(k)) for k in table.columns]
        )
    return out.getvalue()


def schema(table: OpenDataTable) -> dict[str, Any]:
    fields = [{"name": k, "type": "integer" if k in INTEGER else "string"} for k in table.columns]
    return {"fields": fields, "missingValues": [""]}


def datapackage(
    name: str,
    title: str,
    resources: Iterable[tuple[OpenDataTable, str, str]],
    extra: Mapping[str, Any],
) -> str:
    """A Frictionless Data Package; ``resources`` are (table, path, format) triples."""
    described = []
    for table, path, fmt in resources:
        resource: dict[str, Any] = {
            "name": table.name,
            "type": "table",
            "path": path,
            "format": fmt,
        }
        resource["mediatype"] = "text/csv" if fmt == "csv" else "application/json"
        resource["encoding"] = "utf-8"
        if fmt == "json":
            resource["dialect"] = {"property": table.name, "itemType": "object"}
        resource["schema"] = schema(table)
        described.append(resource)
    package = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": name,
        "title": title,
        **extra,
        "resources": described,
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"
