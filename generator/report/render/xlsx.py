"""The open-data tables as one XLSX workbook (openpyxl), safe against formula injection.

Every text is a text cell (type ``s``), so nothing a ministry wrote becomes a formula.
A text that a spreadsheet would read as a formula if someone edited the cell (it starts
with ``= + - @``, a tab or a carriage return) also gets the "quote prefix" style: shown
exactly as written, with no visible apostrophe, and kept as text on editing. Characters
XML cannot hold (NUL, ESC, ``U+FFFE``…) and invisible bidirectional controls are written
out as ``<U+XXXX>``; validation refuses them in reports (TR110), so only text from
elsewhere (a register) can bring one here, and it must not stop the workbook.
"""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from generator.check.characters import visible
from generator.report.render.opendata import DANGEROUS, OpenDataTable


def _cell(sheet: Worksheet, value: object) -> Cell | object:
    """What to append for ``value``: a text cell for any text, the value otherwise."""
    if not isinstance(value, str):
        return value
    cell = Cell(sheet)
    cell.value = visible(value)
    cell.data_type = "s"  # never a formula, whatever the first character
    if value.startswith(DANGEROUS):
        cell.quotePrefix = True
    return cell


def to_xlsx(found: tuple[OpenDataTable, ...], when: dt.datetime, title: str) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for table in found:
        sheet = book.create_sheet(table.name)
        sheet.append([_cell(sheet, c) for c in table.columns])
        for row in table.rows:
            sheet.append([_cell(sheet, row.get(k)) for k in table.columns])
        sheet.freeze_panes = "A2"
    stamp = when.replace(tzinfo=None)
    book.properties.created = book.properties.modified = stamp
    book.properties.title = visible(title)
    book.properties.creator = "treaty-reports"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
