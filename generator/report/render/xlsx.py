"""The open-data tables as one XLSX workbook (openpyxl), safe against formula injection."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook

from generator.report.render.opendata import OpenDataTable, safe_cell


def to_xlsx(found: tuple[OpenDataTable, ...], when: dt.datetime, title: str) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for table in found:
        sheet = book.create_sheet(table.name)
        sheet.append(list(table.columns))
        for row in table.rows:
            sheet.append([safe_cell(row.get(k)) for k in table.columns])
        sheet.freeze_panes = "A2"
    stamp = when.replace(tzinfo=None)
    book.properties.created = book.properties.modified = stamp
    book.properties.title = title
    book.properties.creator = "treaty-reports"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
