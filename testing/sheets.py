"""Spreadsheet test helpers: find a workbook's cells by the field keys the sheets carry."""

from __future__ import annotations

import datetime as dt

from openpyxl.worksheet.worksheet import Worksheet

WHEN = dt.datetime(2026, 1, 5, 9, 0)


def column(sheet: Worksheet, key: str) -> str:
    """The letter of the column whose (hidden) first-row key is ``key``."""
    for cell in sheet[1]:
        if cell.value == key:
            return str(cell.column_letter)
    raise AssertionError(f"no column {key} on {sheet.title}")


def general_row(sheet: Worksheet, key: str) -> int:
    """The row of the general sheet that holds field ``key`` (its value is in column D)."""
    for cell in sheet["A"]:
        if cell.value == key:
            return int(cell.row)
    raise AssertionError(f"no field {key} on {sheet.title}")


def row_of(sheet: Worksheet, key: str, value: object) -> int:
    """The first row of a table sheet whose ``key`` column holds ``value``."""
    letter = column(sheet, key)
    for cell in sheet[letter]:
        if cell.value == value:
            return int(cell.row)
    raise AssertionError(f"no {value!r} in {key} on {sheet.title}")
