"""Unit tests: conservation, formula-injection safety, Markdown escaping."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.errors import ConservationError
from generator.escape import pandoc_escape as md_escape
from generator.report.document import Cell, Document, Para, Section, TableBlock
from generator.report.model import Entry, freeze
from generator.report.render.html import to_html
from generator.report.render.markdown import to_markdown
from generator.report.render.opendata import OpenDataTable, safe_cell, to_csv
from generator.report.render.xlsx import to_xlsx
from generator.report.totals import totals


def _entry(uid: str) -> Entry:
    return Entry(uid, "f.yaml", "water", "treaties-in-force", "annex1", 0, 1, "t", freeze({}))


def test_totals_balance_when_every_entry_is_shown_once() -> None:
    a, b = _entry("a"), _entry("b")
    result = totals(
        ("treaties-in-force",), Counter({("water", "treaties-in-force"): 2}), [a, b], [a, b]
    )
    assert result.balanced and result.received == result.shown == 2


@pytest.mark.parametrize("shown", [["a"], ["a", "b", "b"]])
def test_totals_refuse_a_lost_or_duplicated_entry(shown: list[str]) -> None:
    entries = [_entry("a"), _entry("b")]
    placed = [next(e for e in entries if e.uid == u) for u in shown]
    with pytest.raises(ConservationError):
        totals(
            ("treaties-in-force",), Counter({("water", "treaties-in-force"): 2}), entries, placed
        )


@pytest.mark.parametrize("value", ["=1+1", "+7", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_dangerous_cells_are_quoted(value: str) -> None:
    assert safe_cell(value) == "'" + value
    table = OpenDataTable("entries", ("a", "n"), ({"a": value, "n": -3},))
    row = list(csv.reader(io.StringIO(to_csv(table), newline="")))[1]
    assert row == ["'" + value, "-3"]
    book = load_workbook(io.BytesIO(to_xlsx((table,), dt.datetime(2026, 1, 1), "t")))
    cell = book["entries"]["A2"]  # text as written, no visible apostrophe, never a formula
    shown = value.replace("\r", "<U+000D>")
    assert (cell.data_type, cell.value, cell.quotePrefix) == ("s", shown, True)
    assert book["entries"]["B2"].value == -3


def test_safe_values_are_left_alone() -> None:
    assert safe_cell("Astana") == "Astana" and safe_cell(5) == 5


def _doc(text: str) -> Document:
    table = TableBlock("cap", ("h",), ((Cell(text),),))
    section = Section("s", text, 2, (Para(text), table))
    return Document("kk", "T", "S", (), (), (section,), {"toc": "Мазмұны"})


def test_markdown_cannot_be_injected() -> None:
    evil = "| # <script>alert(1)</script> [x](http://e) *b* $m$ @c"
    md = to_markdown(_doc(evil))
    assert "<script>" not in md and "\\|" in md and "\\[x\\]" in md
    assert md_escape("a|b") == "a\\|b"


def test_html_is_escaped(tmp_path: Path) -> None:
    html = to_html(_doc("<script>alert(1)</script>"))
    assert "<script>alert" not in html and "&lt;script&gt;" in html
