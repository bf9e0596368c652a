"""Read a workbook made by :mod:`generator.sheets.book` back into a grid of values.

The file is a clerk's: its size (packed and unpacked) is bounded before openpyxl opens it,
openpyxl parses its XML through defusedxml, and no formula is ever evaluated (the workbook
is read without cached results, so a formula cell gives its text). Every cell with content
outside the form's columns is reported, never dropped in silence.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from generator.drafts.target import refuse
from generator.forms import FormSet
from generator.i18n import area_strings
from generator.sheets.book import FIRST_ROW, GENERAL_MARK, PATH_KEY, PRESENT_MARK
from generator.sheets.grid import Grid, empty
from generator.sheets.layout import Kind, Layout, Leaf, layout_of
from generator.sheets.values import from_cell

MAX_BYTES = 10 * 1_048_576
MAX_UNPACKED = 100 * 1_048_576
MAX_ROWS = 50_000

Row = Sequence[Any]


@dataclass
class TablePlace:
    title: str
    columns: dict[str, str]  # field key -> column letter
    rows: list[int] = field(default_factory=list)  # sheet row of each line


@dataclass
class Placement:
    """Where each value sat: general fields by key, each table's columns and lines."""

    general_title: str = ""
    general: dict[str, str] = field(default_factory=dict)  # key -> "Sheet!D5"
    tables: dict[str, TablePlace] = field(default_factory=dict)

    @property
    def file_cell(self) -> str:
        return f"{self.general_title}!D2"


@dataclass(frozen=True)
class Stray:
    """A cell with content in no column of the form."""

    cell: str
    label: str


@dataclass
class SheetRead:
    layout: Layout
    grid: Grid
    place: Placement
    path: str  # the file the workbook says it is ("" when it does not)
    strays: list[Stray]
    order: list[str] = field(default_factory=list)  # the sheets' titles, in the book's order
    lang: str = "kk"


def _guard(path: Path, lang: str) -> None:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise refuse(lang, "too_large", path=path.name, size=round(size / 1_048_576, 1),
                     limit=MAX_BYTES // 1_048_576)  # fmt: skip
    try:
        with zipfile.ZipFile(path) as packed:
            unpacked = sum(info.file_size for info in packed.infolist())
    except (zipfile.BadZipFile, OSError) as error:
        raise refuse(lang, "not_a_sheet", path=path.name, detail=str(error)) from None
    if unpacked > MAX_UNPACKED:
        raise refuse(lang, "too_large", path=path.name, size=round(unpacked / 1_048_576, 1),
                     limit=MAX_UNPACKED // 1_048_576)  # fmt: skip


def _rows(sheet: Any, name: str, lang: str) -> list[Row]:
    rows: list[Row] = []
    for row in sheet.iter_rows(min_row=1, min_col=1, values_only=True):
        rows.append(row)
        if len(rows) > MAX_ROWS:
            raise refuse(lang, "too_large", path=name, size="-", limit="-")
    return rows


def _at(row: Row, index: int) -> Any:
    return row[index] if index < len(row) else None


def read_sheets(path: Path, lang: str) -> dict[str, list[Row]]:
    """Every sheet's rows of values, by title (formulas as their text)."""
    _guard(path, lang)
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds on a broken file
        raise refuse(lang, "not_a_sheet", path=path.name, detail=type(error).__name__) from None
    try:
        return {sheet.title: _rows(sheet, path.name, lang) for sheet in book.worksheets}
    finally:
        book.close()


def _kind_of(forms: FormSet, sheets: dict[str, list[Row]]) -> tuple[str, list[Row]] | None:
    for title, rows in sheets.items():
        if rows and _at(rows[0], 0) == GENERAL_MARK:
            for row in rows[1:]:
                value = _at(row, 3)
                if _at(row, 0) == "form" and isinstance(value, str) and forms.get(value.strip()):
                    return title, rows
    return None


def _stray(title: str, row: int, column: int, label: Any, lang: str) -> Stray:
    letter = get_column_letter(column + 1)
    shown = area_strings("clerk", lang)("sheet.unknown_column", column=letter)
    return Stray(f"{title}!{letter}{row}", str(label) if not empty(label) else shown)


def _general(read: SheetRead, title: str, rows: list[Row]) -> None:
    leaves = {leaf.key: leaf for leaf in read.layout.general}
    read.place.general_title = title
    for number, row in enumerate(rows[1:], start=2):
        key, value = _at(row, 0), _at(row, 3)
        if key == PATH_KEY:
            read.path = str(from_cell(Kind.TEXT, value) or "")
        elif key in leaves:
            read.place.general[key] = f"{title}!D{number}"
            if not empty(value):
                read.grid.general[key] = from_cell(leaves[key].kind, value)
        elif not empty(value):
            read.strays.append(_stray(title, number, 3, _at(row, 1) or _at(row, 2), read.lang))
        for column in range(4, len(row)):
            if not empty(row[column]):
                read.strays.append(_stray(title, number, column, None, read.lang))


def _table_of(layout: Layout, rows: list[Row]) -> str | None:
    first = _at(rows[0], 0) if rows else None
    if not isinstance(first, str) or "[]." not in first:
        return None
    key = first.split("[].", 1)[0]
    return key if layout.table(key) else None


def _table(read: SheetRead, key: str, title: str, rows: list[Row]) -> None:
    table = read.layout.table(key)
    assert table is not None
    leaves: dict[str, Leaf] = {leaf.key: leaf for leaf in table.leaves}
    header = rows[0]
    columns = {i: str(name) for i, name in enumerate(header) if name in leaves}
    if PRESENT_MARK in header:
        read.grid.present.add(key)
    place = TablePlace(title, {name: get_column_letter(i + 1) for i, name in columns.items()})
    read.place.tables[key] = place
    lines = read.grid.tables.setdefault(key, [])
    for number, row in enumerate(rows[FIRST_ROW - 1 :], start=FIRST_ROW):
        line: dict[str, Any] = {}
        for i, value in enumerate(row):
            if i in columns:
                if not empty(value):
                    line[columns[i]] = from_cell(leaves[columns[i]].kind, value)
            elif not empty(value):
                label = _at(rows[1], i) if len(rows) > 1 else None
                read.strays.append(_stray(title, number, i, label, read.lang))
        lines.append(line)
        place.rows.append(number)


def read_book(path: Path, forms: FormSet, lang: str) -> SheetRead:
    """The workbook's values, where each sat, and what sat outside the form's columns."""
    sheets = read_sheets(path, lang)
    found = _kind_of(forms, sheets)
    if found is None:
        raise refuse(lang, "no_sheets", path=path.name)
    general_title, general_rows = found
    form_value = next(str(_at(r, 3)).strip() for r in general_rows[1:] if _at(r, 0) == "form")
    form = forms.forms[form_value]
    read = SheetRead(layout_of(forms, form), Grid(), Placement(), "", [], list(sheets), lang)
    _general(read, general_title, general_rows)
    for title, rows in sheets.items():
        key = _table_of(read.layout, rows)
        if key is None:
            continue
        if key in read.place.tables:  # a copy of a sheet: its cells are not the form's
            read.strays += [_stray(title, n, i, title, lang) for n, row in enumerate(rows[3:], 4)
                            for i, v in enumerate(row) if not empty(v)]  # fmt: skip
            continue
        _table(read, key, title, rows)
    return read
