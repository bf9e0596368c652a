"""``treaty sheet template``: the form as a workbook, with the rows ``treaty new`` prefills."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.check.project import Project
from generator.cli.main import main
from generator.drafts import make_draft, resolve_target
from generator.load.yamlsafe import load_yaml
from generator.model import Cadence
from generator.sheets.files import import_book, template
from generator.sheets.layout import Kind, layout_of
from testing.sheets import WHEN, column, general_row

TODAY = dt.date(2026, 1, 5)


def _filer(demo: Project, kind: str) -> str:
    form = demo.forms.forms[kind]
    codes = [c for c, b in demo.registry.bodies.items() if form.allows(b)]
    return "energy" if "energy" in codes else codes[0]


@pytest.mark.parametrize(
    "kind", ["activity-plan", "assessment", "domestic-procedures", "transmittal",
             "treaties-in-force"],
)  # fmt: skip
def test_a_template_per_annual_form(demo: Project, tmp_path: Path, kind: str) -> None:
    body = "mfa" if kind == "domestic-procedures" else _filer(demo, kind)  # mfa has one signed
    target = resolve_target(demo, kind, body, "2025", today=TODAY)
    path = tmp_path / "t.xlsx"
    path.write_bytes(template(demo, target, "kk", path.name, WHEN))
    wb = load_workbook(path)
    layout = layout_of(demo.forms, target.form)
    assert wb.sheetnames[:2] == ["Нұсқаулық", "Жалпы мәліметтер"]
    assert (
        len(wb.sheetnames) == 3 + len(layout.tables) and wb.worksheets[-1].sheet_state == "hidden"
    )
    readme = wb.worksheets[0]
    assert readme["A1"].value == target.form.title.kk and readme["B1"].value == target.form.title.ru
    assert f"treaty sheet import {path.name}" in str(readme["A9"].value)
    general = wb.worksheets[1]
    assert general[f"D{general_row(general, 'body')}"].value == body
    assert general[f"D{general_row(general, 'period')}"].value == 2025
    assert general["D2"].value == target.rel
    draft = make_draft(demo, target)
    for table, sheet in zip(layout.tables, wb.worksheets[2:-1], strict=True):
        first = table.leaves[0]
        assert sheet["A1"].value == first.key and sheet.row_dimensions[1].hidden
        label = demo.forms.label(first.parts[0], "kk")
        assert str(sheet["A2"].value).startswith(label)
        assert str(sheet["A3"].value).startswith(demo.forms.label(first.parts[0], "ru"))
        checked = {str(dv.sqref).split(":")[0][:-1] for dv in sheet.data_validations.dataValidation}
        for leaf in table.leaves:
            if leaf.values or leaf.lookup:
                assert column(sheet, leaf.key) in checked, leaf.key
            if leaf.kind is Kind.DATE:
                assert (
                    sheet.column_dimensions[column(sheet, leaf.key)].number_format == "yyyy-mm-dd"
                )
        rows = draft.data.get(table.key) or []
        treaties = [r.get("treaty") for r in rows if isinstance(r, dict) and r.get("treaty")]
        shown = [c.value for c in sheet[column(sheet, first.key)][3:] if c.value]
        if treaties:
            assert shown == treaties  # the same prefilled rows as treaty new
            note = sheet[f"A{4}"].comment
            assert note is not None and note.text == demo.registry.treaties[treaties[0]].title.kk
    back = import_book(demo, path, path.name, "kk")
    assert back.rel == target.rel
    assert all(p.cell and "!" in p.cell for p in back.result.problems)
    listed = target.form.entries[0] if target.form.treaty_status else None
    if listed:
        got = [r["treaty"] for r in load_yaml(back.text)[listed]]
        assert got == [r["treaty"] for r in draft.data[listed]]


def test_an_event_template_has_its_date_as_a_date(demo: Project, tmp_path: Path) -> None:
    events = [f for f in demo.forms if f.cadence is Cadence.EVENT]
    for form in events:
        body = _filer(demo, form.kind)
        target = resolve_target(demo, form.kind, body, "2025", event_date="2025-03-04",
                                slug="kz-cn-forum", today=TODAY)  # fmt: skip
        path = tmp_path / f"{form.kind}.xlsx"
        path.write_bytes(template(demo, target, "ru", path.name, WHEN))
        general = load_workbook(path)["Общие сведения"]
        cell = general[f"D{general_row(general, str(form.date_field))}"]
        assert cell.value == dt.datetime(2025, 3, 4) and cell.number_format == "yyyy-mm-dd"
        assert general["D2"].value == target.rel
        assert import_book(demo, path, path.name, "ru").rel == target.rel


def test_the_commands_template_export_import(
    demo: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = ["--repo", str(demo.root), "--lang", "en"]
    book = tmp_path / "energy.xlsx"
    assert main(["sheet", "template", "treaties-in-force", "--body", "energy", "--period",
                 "2026", "-o", str(book), *repo]) == 0  # fmt: skip
    assert load_workbook(book).sheetnames[:3] == ["Read me", "General", "Annex 1"]
    assert main(["sheet", "template", "treaties-in-force", "--body", "enrgy", "--period",
                 "2026", "-o", str(book), *repo]) == 2  # fmt: skip
    assert "Did you mean 'energy'?" in capsys.readouterr().err
    rel = "submissions/2025/energy/treaties-in-force.yaml"
    assert main(["sheet", "export", str(demo.root / rel), "-o", str(book), *repo]) == 0
    out = tmp_path / "back.yaml"
    assert main(["sheet", "import", str(book), "-o", str(out), *repo]) == 0
    assert load_yaml(out.read_text(encoding="utf-8")) == load_yaml(
        (demo.root / rel).read_text(encoding="utf-8")
    )
    broken = tmp_path / "broken.yaml"
    broken.write_text("form: treaties-in-force\nannex1: [\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["sheet", "export", str(broken), "-o", str(book), *repo]) == 2
    assert "treaty validate" in capsys.readouterr().err
