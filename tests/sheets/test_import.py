"""``treaty sheet import``: every problem at its cell, formulas and hostile cells as text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.check.project import Project
from generator.cli.main import main
from generator.errors import UsageError
from generator.load.yamlsafe import load_yaml
from generator.sheets.files import export, import_book
from testing.sheets import WHEN, column, general_row, row_of

REL = "submissions/2025/energy/treaties-in-force.yaml"


@pytest.fixture
def book(demo: Project, tmp_path: Path) -> Path:
    """The energy ministry's 2025 treaties-in-force file as a workbook (English names)."""
    path = tmp_path / "F.xlsx"
    path.write_bytes(export(demo, demo.root / REL, "en", path.name, WHEN))
    return path


def test_ten_seeded_mistakes_give_their_problems_at_their_cells(demo: Project, book: Path) -> None:
    assert import_book(demo, book, "F.xlsx", "en").result.problems == ()
    wb = load_workbook(book)
    general, a1, a2, a3 = wb["General"], wb["Annex 1"], wb["Annex 2"], wb["Annex 3"]
    ect = row_of(a1, "annex1[].treaty", "ect-1994-energy-charter-treaty")
    pipe = row_of(a1, "annex1[].treaty", "kz-cn-2004-atasu-alashankou-pipeline")
    paris = row_of(a1, "annex1[].treaty", "un-2015-paris-agreement")
    date, status = column(a1, "annex1[].measures[].date"), column(a1, "annex1[].status")
    treaty, duty = column(a1, "annex1[].treaty"), column(a1, "annex1[].obligations.kk")
    seeded = {
        f"Annex 1!{status}{ect}": "TR203",  # not one of the statuses
        f"Annex 1!{date}{ect}": "TR210",  # no 13th month
        f"Annex 1!{date}{ect + 1}": "TR205",  # the second measure, day.month.year
        f"Annex 1!{treaty}{pipe}": "TR303",  # no such treaty
        "Annex 1!A4": "TR318",  # ... so the pipeline treaty the register assigns is left out
        f"Annex 1!{duty}{paris}": "TR201",  # obligations cleared in every language
        f"General!D{general_row(general, 'period')}": "TR202",  # a formula, taken as text
        f"General!D{general_row(general, 'prepared_by.email')}": "TR205",
        f"Annex 2!{column(a2, 'annex2[].proposal_type')}4": "TR203",
        f"Annex 3!{column(a3, 'annex3[].meetings[].place.kk')}4": "TR201",  # place cleared
        f"Annex 1!M{paris}": "TR204",  # a note outside the form's columns
    }
    a1[f"{status}{ect}"] = "done"
    a1[f"{date}{ect}"] = "2025-13-01"
    a1[f"{date}{ect + 1}"] = "12.06.2025"
    a1[f"{treaty}{pipe}"] = "kz-cn-2004-atasu-pipeline"
    for lang in ("kk", "ru", "en"):
        a1[f"{column(a1, f'annex1[].obligations.{lang}')}{paris}"] = None
        a3[f"{column(a3, f'annex3[].meetings[].place.{lang}')}4"] = None
    general[f"D{general_row(general, 'period')}"] = "=2024+1"
    general[f"D{general_row(general, 'prepared_by.email')}"] = "not-an-email"
    a2[f"{column(a2, 'annex2[].proposal_type')}4"] = "amend"
    a1[f"M{paris}"] = "see the letter of 3 March"
    wb.save(book)
    found = import_book(demo, book, "F.xlsx", "en").result.problems
    assert {p.cell: p.code for p in found} == seeded
    assert len(found) == 11 and all(p.file == "F.xlsx" for p in found)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _break_status(book: Path) -> str:
    wb = load_workbook(book)
    sheet = wb["Annex 1"]
    cell = f"{column(sheet, 'annex1[].status')}4"
    sheet[cell] = "done"
    wb.save(book)
    return f"Annex 1!{cell}"


def test_problems_come_in_every_format_of_treaty_validate(
    demo: Project, book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cell = _break_status(book)
    out = tmp_path / "out.yaml"
    args = ["sheet", "import", str(book), "-o", str(out), "--repo", str(demo.root), "--lang", "en"]
    code, text, err = run(capsys, *args)
    assert code == 1 and f"{book}:{cell}: error TR203 " in text and str(out) in err
    assert load_yaml(out.read_text(encoding="utf-8"))["annex1"][0]["status"] == "done"
    _, raw, _ = run(capsys, *args, "--format", "json")
    problem = json.loads(raw)["problems"][0]
    assert problem["cell"] == cell and problem["code"] == "TR203"
    _, gh, _ = run(capsys, *args, "--format", "github")
    assert f"title=TR203 {cell}" in gh
    _, md, _ = run(capsys, *args, "--format", "markdown", "--lang", "kk")
    assert f"| {cell} | TR203 |" in md


def test_formulas_and_hostile_cells_import_as_text(demo: Project, book: Path) -> None:
    wb = load_workbook(book)
    a1, general = wb["Annex 1"], wb["General"]
    kk, doc = column(a1, "annex1[].obligations.kk"), column(a1, "annex1[].measures[].document")
    hostile = {
        f"{kk}4": '=HYPERLINK("http://example.com","click")',
        f"{kk}5": "+7 7172 00 00 00",
        f"{kk}6": "@SUM(A1)",
        f"{kk}7": "-1+2",
        f"{doc}4": "=1+1",
    }
    for cell, value in hostile.items():
        a1[cell] = value  # openpyxl stores the "=" ones as formulas
    general[f"D{general_row(general, 'prepared_by.phone')}"] = "=2+2"
    wb.save(book)
    back = import_book(demo, book, "F.xlsx", "en")
    data = load_yaml(back.text)
    rows = data["annex1"]
    link = '=HYPERLINK("http://example.com","click")'
    expected = [link, "+7 7172 00 00 00", "@SUM(A1)", "-1+2"]
    assert [rows[i]["obligations"]["kk"] for i in range(4)] == expected
    assert rows[0]["measures"][0]["document"] == "=1+1"
    assert data["prepared_by"]["phone"] == "=2+2"  # not 4


def test_hostile_text_is_written_as_text_and_comes_back(demo: Project, tmp_path: Path) -> None:
    source = (demo.root / REL).read_text(encoding="utf-8")
    text = source.replace("document: № 12-04/1611", "document: '=cmd|'' /C calc''!A0'")
    rel = "submissions/2025/energy/treaties-in-force.yaml"
    repo_file = tmp_path / "treaties-in-force.yaml"
    repo_file.write_text(text, encoding="utf-8")
    book = tmp_path / "x.xlsx"
    book.write_bytes(export(demo, repo_file, "en", book.name, WHEN))
    wb = load_workbook(book)
    sheet = wb["Annex 1"]
    cell = sheet[f"{column(sheet, 'annex1[].measures[].document')}4"]
    assert cell.data_type == "s" and cell.value == "=cmd|' /C calc'!A0" and cell.quotePrefix
    back = import_book(demo, book, "x.xlsx", "en")
    assert back.rel == rel and load_yaml(back.text) == load_yaml(text)


def test_dates_are_date_cells(demo: Project, book: Path) -> None:
    sheet = load_workbook(book)["Annex 1"]
    cell = sheet[f"{column(sheet, 'annex1[].measures[].date')}4"]
    assert cell.value == dt.datetime(2025, 6, 12) and cell.number_format == "yyyy-mm-dd"
    wb = load_workbook(book)
    wb["Annex 1"][cell.coordinate] = dt.date(2025, 6, 13)  # the clerk picks another day
    wb.save(book)
    data = load_yaml(import_book(demo, book, "F.xlsx", "en").text)
    assert data["annex1"][0]["measures"][0]["date"] == "2025-06-13"


def test_what_is_not_a_workbook_is_refused_in_words(
    demo: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "F.xlsx"
    fake.write_text("name,status\n", encoding="utf-8")
    code, _, err = run(capsys, "sheet", "import", str(fake), "--repo", str(demo.root),
                       "--lang", "ru")  # fmt: skip
    assert code == 2 and "не читается как книга Excel" in err and "Traceback" not in err
    from openpyxl import Workbook

    Workbook().save(fake)
    code, _, err = run(capsys, "sheet", "import", str(fake), "--repo", str(demo.root),
                       "--lang", "en")  # fmt: skip
    assert code == 2 and "treaty sheet template" in err


def test_a_file_written_elsewhere_in_the_repository_is_checked_there(
    demo: Project, book: Path
) -> None:
    other = demo.root / "submissions/2025/water/treaties-in-force.yaml"
    back = import_book(demo, book, "F.xlsx", "en", other)
    assert back.rel == "submissions/2025/water/treaties-in-force.yaml"
    wb = load_workbook(book)
    body = f"General!D{general_row(wb['General'], 'body')}"
    assert ("TR301", body) in {(p.code, p.cell) for p in back.result.problems}


def test_a_workbook_that_does_not_say_its_place_needs_one(demo: Project, tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    rel = "submissions/2024/energy/event-reports/2024-05-14-kz-eu-energy-dialogue.yaml"
    path.write_bytes(export(demo, demo.root / rel, "en", path.name, WHEN))
    wb = load_workbook(path)
    wb["General"]["D2"] = "../../etc/passwd"  # a place outside submissions/ is never used
    wb.save(path)
    with pytest.raises(UsageError, match="-o"):
        import_book(demo, path, path.name, "en", tmp_path / "out.yaml")
    back = import_book(demo, path, path.name, "en", demo.root / rel)
    assert back.rel == rel and back.result.problems == ()
