"""One value into a cell and out of it, by the kind of its field.

Out of a cell nothing is ever evaluated: a formula (``=SUM(A1)``) is taken as its text, and
so is any text starting with ``=``, ``+``, ``-`` or ``@``. Into a cell, such a text is
written as text (never as a formula) and marked so that Excel keeps it text when edited.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from generator.sheets.layout import Kind

HOSTILE = ("=", "+", "-", "@")
WHOLE = re.compile(r"^[0-9]+$")
TRUE = frozenset({"true", "иә", "да", "yes"})
FALSE = frozenset({"false", "жоқ", "нет", "no"})


def to_cell(kind: Kind, value: Any) -> Any:
    """What the cell holds for a field's value (a date becomes a date)."""
    if kind is Kind.DATE and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value) if len(value) == 10 else value
        except ValueError:
            return value
    return value


def _number(kind: Kind, value: float) -> Any:
    whole = int(value) if float(value).is_integer() else None
    if kind is Kind.TEXT:
        return str(whole) if whole is not None else str(value)
    if kind is Kind.INT and whole is not None:
        return whole
    return value


def _text(kind: Kind, value: str) -> Any:
    if kind is Kind.INT and WHOLE.match(value):
        return int(value)
    if kind is Kind.BOOL and value.strip().lower() in TRUE | FALSE:
        return value.strip().lower() in TRUE
    return value


def from_cell(kind: Kind, value: Any) -> Any:
    """A field's value from what a cell holds; a formula or anything unusual is its text."""
    if value is None or isinstance(value, str):
        return _text(kind, value) if isinstance(value, str) else None
    if isinstance(value, bool):
        return value if kind is Kind.BOOL else str(value).lower()
    if isinstance(value, int | float):
        return _number(kind, value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    text = getattr(value, "text", None)  # openpyxl's ArrayFormula and DataTableFormula
    return str(text if isinstance(text, str) else value)
