"""The formats. Each takes a :class:`ReportView` and returns the whole output as text."""

from __future__ import annotations

import json

from generator.check.reporters.view import ReportView
from generator.escape import table_cell


def text(view: ReportView) -> str:
    """Compiler-style lines: ``file:line:col: error TR201 message``, then the fix hint."""
    lines = []
    hint_label = view.catalogue.label("hint")
    for item in view.problems:
        p = item.problem
        severity = view.catalogue.label(p.severity.value)
        lines.append(f"{p.where}: {severity} {p.code} {item.message}")
        if item.hint:
            cited = f" ({item.citation})" if item.citation else ""
            lines.append(f"    {hint_label}: {item.hint}{cited}")
    lines.append(view.summary())
    return "\n".join(lines) + "\n"


def json_report(view: ReportView) -> str:
    payload = {
        "files_checked": view.files_checked,
        "entries_checked": view.entries_checked,
        "problems": [item.as_dict() for item in view.problems],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(view: ReportView) -> str:
    """GitHub Actions workflow commands: one annotation per problem."""
    lines = []
    for item in view.problems:
        p = item.problem
        level = "error" if p.is_error else "warning"
        props = f"file={_escape_property(p.file)},line={p.line},col={p.column}"
        title = f"{p.code} {p.cell}" if p.cell else p.code
        props += f",title={_escape_property(title)}"
        message = f"{item.message} — {item.hint}" if item.hint else item.message
        lines.append(f"::{level} {props}::{_escape_data(message)}")
    lines.append(view.summary())
    return "\n".join(lines) + "\n"


def markdown(view: ReportView) -> str:
    lines = [view.summary(), ""]
    if view.problems:
        label = view.catalogue.label
        heads = [label(f"column_{name}") for name in ("file", "line", "code", "message", "hint")]
        lines += ["| " + " | ".join(heads) + " |", "|---|---|---|---|---|"]
        for item in view.problems:
            p = item.problem
            lines.append(
                f"| `{table_cell(p.file)}` | {table_cell(p.position)} | {p.code} "
                f"| {table_cell(item.message)} | {table_cell(item.hint)} |"
            )
    return "\n".join(lines) + "\n"
