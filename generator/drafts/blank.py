"""The data of a new file: every required field, ``''`` where the clerk must write.

A treaty table (Annex 1 of treaties-in-force, Annex 4 of domestic-procedures) gets one row
per treaty that the register assigns to the body and that is in force (or signed and not
yet in force) in the period: the same selection the validator applies (TR304, TR305, and
TR318, TR319 for a treaty left out: :func:`generator.registry.treaties_for`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from generator.check.schema import inline_refs
from generator.forms import FormSet
from generator.model import Form, Treaty
from generator.registry import fits, treaties_for

HEADER = ("form", "period", "body")
__all__ = ["fits", "treaties_for"]  # the register's selection, shared with the checks


def form_schema(forms: FormSet, form: Form) -> Mapping[str, Any]:
    """The form's JSON Schema with its references to shared definitions written out."""
    return inline_refs(forms.schemas[form.schema_file], forms.schemas, form.schema_file)


def is_text(node: Mapping[str, Any]) -> bool:
    """A multilingual text (``common.schema.json#/$defs/text``): kk, ru and en."""
    props = node.get("properties")
    return (
        node.get("type") == "object" and isinstance(props, Mapping) and {"kk", "ru"} <= set(props)
    )


def blank(node: Mapping[str, Any]) -> Any:
    """The blank value of a schema node: required fields only, one item in a list."""
    if "const" in node:
        return node["const"]
    if is_text(node):
        return {"kk": "", "ru": ""}
    if node.get("type") == "object":
        required = set(node.get("required") or ())
        props: Mapping[str, Any] = node.get("properties") or {}
        return {name: blank(sub) for name, sub in props.items() if name in required}
    if node.get("type") == "array":
        items = node.get("items")
        return [blank(items)] if isinstance(items, Mapping) else []
    return ""


def treaty_table(form: Form) -> str | None:
    """The table whose rows are the body's treaties (the form's first), if the form has one."""
    return form.treaty_table


def _row(items: Mapping[str, Any], treaty_id: str) -> dict[str, Any]:
    row = blank(items)
    return {"treaty": treaty_id, **{k: v for k, v in row.items() if k != "treaty"}}


def optional_fields(schema: Mapping[str, Any]) -> list[str]:
    """Top-level fields a new file leaves out (optional, and not a table)."""
    required = set(schema.get("required") or ())
    props: Mapping[str, Any] = schema.get("properties") or {}
    return [n for n, s in props.items() if n not in required and s.get("type") != "array"]


def blank_data(
    schema: Mapping[str, Any],
    form: Form,
    body: str,
    period: int,
    treaties: list[Treaty],
    event_date: dt.date | None = None,
) -> dict[str, Any]:
    """The new file's data, fields in the schema's order."""
    header: dict[str, Any] = {"form": form.kind, "period": period, "body": body}
    table = treaty_table(form)
    required = set(schema.get("required") or ())
    data: dict[str, Any] = {}
    for name, node in (schema.get("properties") or {}).items():
        if name in header:
            data[name] = header[name]
        elif name == form.date_field and event_date is not None:
            data[name] = event_date.isoformat()
        elif name == table:
            data[name] = [_row(node.get("items") or {}, t.id) for t in treaties]
        elif name in required:
            data[name] = blank(node)
        elif node.get("type") == "array":
            data[name] = []
    return data
