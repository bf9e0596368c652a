"""Write a workbook (openpyxl): the read-me, the general fields, one sheet per table.

Each table sheet: row 1 (hidden) names each column's field; rows 2 and 3 label the
columns in Kazakh and Russian; the entries start on row 4. The general sheet: column A
(hidden) names the field, B and C label it in Kazakh and Russian, D holds the value.
Lists of allowed values live on a hidden sheet and feed the cells' dropdowns.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.dimensions import ColumnDimension
from openpyxl.worksheet.worksheet import Worksheet

from generator.errors import UsageError
from generator.forms import FormSet
from generator.i18n import area_strings
from generator.model import Text
from generator.sheets.grid import Grid
from generator.sheets.labels import LABEL_LANGS, leaf_label, sheet_titles
from generator.sheets.layout import Kind, Layout, Leaf
from generator.sheets.values import HOSTILE, to_cell

GENERAL_MARK = "#general"
PATH_KEY = "@path"
PRESENT_MARK = "#present"
FIRST_ROW = 4  # of a table's entries
SPARE_ROWS = 1000  # rows with dropdowns below the last entry
MAX_CELL = 32_767  # characters a cell holds
DATE_FORMAT = "yyyy-mm-dd"
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class BookSpec:
    """What the workbook is about, and the lists its dropdowns offer."""

    forms: FormSet
    layout: Layout
    rel: str
    title: Text  # the form's
    body: Text  # the body's name
    period: int
    lang: str
    name: str  # the workbook's file name, shown in the read-me
    treaties: Sequence[tuple[str, str]]  # (id, title), the body's own first
    bodies: Sequence[str]


class _Lists:
    """The hidden sheet of allowed values: one column per list, reused by every cell."""

    def __init__(self, sheet: Worksheet, spec: BookSpec) -> None:
        self.sheet = sheet
        self.spec = spec
        self.ranges: dict[tuple[Any, ...], str] = {}

    def range_of(self, values: tuple[Any, ...]) -> str:
        if values not in self.ranges:
            column = len(self.ranges) + 1
            for row, value in enumerate(values, start=1):
                self.sheet.cell(row=row, column=column, value=value)
            letter = get_column_letter(column)
            title = self.sheet.title
            self.ranges[values] = f"'{title}'!${letter}$1:${letter}${max(len(values), 1)}"
        return self.ranges[values]

    def validation(self, leaf: Leaf) -> DataValidation | None:
        if leaf.kind is Kind.BOOL:
            return DataValidation(type="list", formula1='"TRUE,FALSE"', allow_blank=True,
                                  showErrorMessage=True)  # fmt: skip
        if leaf.values:
            return DataValidation(type="list", formula1=self.range_of(leaf.values),
                                  allow_blank=True, showErrorMessage=True)  # fmt: skip
        lookup = {"treaties": tuple(t for t, _ in self.spec.treaties),
                  "bodies": tuple(self.spec.bodies)}.get(leaf.lookup)  # fmt: skip
        if lookup:
            # Other ids stay possible (a warning, not a refusal): the register may lag.
            return DataValidation(type="list", formula1=self.range_of(lookup), allow_blank=True,
                                  errorStyle="warning", showErrorMessage=True)  # fmt: skip
        return None


def _put(cell: Cell, leaf: Leaf, value: Any, spec: BookSpec) -> None:
    """The value into the cell as the field's kind; a text is never taken for a formula."""
    shown = to_cell(leaf.kind, value)
    say = area_strings("clerk", spec.lang)
    if isinstance(shown, str) and len(shown) > MAX_CELL:
        raise UsageError(say("usage.too_long", path=spec.rel, where=leaf.key, limit=MAX_CELL))
    try:
        cell.value = shown
    except IllegalCharacterError:
        bad = ILLEGAL_CHARACTERS_RE.search(str(shown))
        code = f"U+{ord(bad.group()):04X}" if bad else "?"
        raise UsageError(
            say("usage.bad_character", path=spec.rel, where=leaf.key, code=code)
        ) from None
    if isinstance(shown, str):
        cell.data_type = "s"
        cell.quotePrefix = shown.startswith(HOSTILE)
    _style(cell, leaf)


def _style(cell: Cell | ColumnDimension, leaf: Leaf) -> None:
    if leaf.kind is Kind.DATE:
        cell.number_format = DATE_FORMAT
    elif leaf.kind is Kind.TEXT:
        cell.number_format = "@"
        cell.alignment = WRAP


def _note(cell: Cell, leaf: Leaf, value: Any, titles: Mapping[str, str]) -> None:
    if leaf.lookup == "treaties" and isinstance(value, str) and value in titles:
        cell.comment = Comment(titles[value], "treaty-reports")


def _readme(sheet: Worksheet, spec: BookSpec) -> None:
    names = ("title", "where", "sheets", "subrows", "texts", "lists", "hidden", "formulas",
             "import")  # fmt: skip
    for column, lang in enumerate(("kk", "ru", "en"), start=1):
        say = area_strings("clerk", lang)
        args = {"title": spec.title.get(lang), "body": spec.body.get(lang), "period": spec.period,
                "path": spec.rel, "name": spec.name}  # fmt: skip
        for row, name in enumerate(names, start=1):
            cell = sheet.cell(
                row=row, column=column, value=say(f"sheet.readme_lines.{name}", **args)
            )
            cell.alignment = WRAP
            cell.data_type = "s"
        sheet.column_dimensions[get_column_letter(column)].width = 60
    sheet.cell(row=1, column=1).font = BOLD


def _general(
    sheet: Worksheet, spec: BookSpec, grid: Grid, lists: _Lists, notes: Mapping[str, str]
) -> None:
    say = {lang: area_strings("clerk", lang) for lang in LABEL_LANGS}
    head = [GENERAL_MARK, *(say[lang]("sheet.field") for lang in LABEL_LANGS),
            " / ".join(say[lang]("sheet.value") for lang in LABEL_LANGS)]  # fmt: skip
    sheet.append(head)
    path_row = [PATH_KEY, *(say[lang]("sheet.file") for lang in LABEL_LANGS)]
    sheet.append(path_row)
    sheet.cell(row=2, column=4).value = spec.rel
    sheet.cell(row=2, column=4).data_type = "s"
    for row, leaf in enumerate(spec.layout.general, start=3):
        sheet.cell(row=row, column=1, value=leaf.key)
        for column, lang in enumerate(LABEL_LANGS, start=2):
            sheet.cell(row=row, column=column, value=leaf_label(spec.forms, leaf, lang))
        cell = sheet.cell(row=row, column=4)
        value = grid.general.get(leaf.key)
        if value is not None:
            _put(cell, leaf, value, spec)
            _note(cell, leaf, value, notes)
        else:
            _style(cell, leaf)
        check = lists.validation(leaf)
        if check is not None:
            sheet.add_data_validation(check)
            check.add(cell)
    for cell in sheet[1]:
        cell.font = BOLD
    sheet.column_dimensions["A"].hidden = True
    for letter, width in (("B", 40), ("C", 40), ("D", 60)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "D3"


def _table(
    sheet: Worksheet, spec: BookSpec, key: str, grid: Grid, lists: _Lists, notes: Mapping[str, str]
) -> None:
    table = spec.layout.table(key)
    assert table is not None
    leaves = table.leaves
    lines = grid.tables.get(key, [])
    sheet.append([leaf.key for leaf in leaves] + ([PRESENT_MARK] if key in grid.present else []))
    for lang in LABEL_LANGS:
        sheet.append([leaf_label(spec.forms, leaf, lang) for leaf in leaves])
    last = FIRST_ROW + len(lines) + SPARE_ROWS - 1
    for column, leaf in enumerate(leaves, start=1):
        for number, line in enumerate(lines):
            cell = sheet.cell(row=FIRST_ROW + number, column=column)
            value = line.get(leaf.key)
            if value is not None:
                _put(cell, leaf, value, spec)
                _note(cell, leaf, value, notes)
        letter = get_column_letter(column)
        _style(sheet.column_dimensions[letter], leaf)  # what is typed below takes the format
        check = lists.validation(leaf)
        if check is not None:
            sheet.add_data_validation(check)
            check.add(f"{letter}{FIRST_ROW}:{letter}{last}")
        sheet.column_dimensions[letter].width = (
            40 if leaf.kind is Kind.TEXT and not leaf.values else 16
        )
    for row in (2, 3):
        for cell in sheet[row]:
            cell.font = BOLD
            cell.alignment = WRAP
    sheet.row_dimensions[1].hidden = True
    sheet.freeze_panes = f"A{FIRST_ROW}"


def workbook(spec: BookSpec, grid: Grid, when: dt.datetime) -> bytes:
    """The workbook's bytes (``when`` is its creation time, for reproducible files)."""
    titles = sheet_titles(spec.forms, spec.layout, spec.lang)
    book = Workbook()
    readme = book.active
    readme.title = titles["readme"]
    _readme(readme, spec)
    general = book.create_sheet(titles["general"])
    tables = [(t.key, book.create_sheet(titles[t.key])) for t in spec.layout.tables]
    hidden = book.create_sheet(titles["lists"])
    hidden.sheet_state = "hidden"
    lists = _Lists(hidden, spec)
    notes = dict(spec.treaties)
    _general(general, spec, grid, lists, notes)
    for key, sheet in tables:
        _table(sheet, spec, key, grid, lists, notes)
    stamp = when.replace(tzinfo=None)
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = "treaty-reports"
    book.properties.title = spec.title.get(spec.lang)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
