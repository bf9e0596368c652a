"""export -> import gives back the same data, for every demo submission of every form."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check.project import Project
from generator.check.validate import validate
from generator.errors import UsageError
from generator.load.yamlsafe import load_yaml
from generator.sheets.files import export, import_book
from testing.sheets import WHEN


def test_every_demo_submission_comes_back_identical(demo: Project, tmp_path: Path) -> None:
    files = [f for f in validate(demo, documents=True).files if f.place and not f.place.is_registry]
    kinds = {f.place.kind for f in files if f.place}
    assert len(files) >= 80 and kinds == set(demo.forms.forms)  # every form, all 11
    book = tmp_path / "x.xlsx"
    for found in files:
        book.write_bytes(export(demo, demo.root / found.rel, "kk", book.name, WHEN))
        back = import_book(demo, book, book.name, "kk")
        assert back.rel == found.rel
        assert load_yaml(back.text) == found.data, found.rel
        assert [p.code for p in back.result.problems] == [p.code for p in found.problems]


def test_the_imported_text_is_the_house_style(demo: Project, tmp_path: Path) -> None:
    rel = "submissions/2025/energy/treaties-in-force.yaml"
    book = tmp_path / "energy.xlsx"
    book.write_bytes(export(demo, demo.root / rel, "kk", book.name, WHEN))
    text = import_book(demo, book, book.name, "kk").text
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/treaties-in-force")
    assert "- treaty: ect-1994-energy-charter-treaty  # " in text
    assert "  - date: '2025-06-12'\n" in text  # dates stay quoted strings


def test_what_a_cell_cannot_hold_is_refused_not_dropped(demo: Project, tmp_path: Path) -> None:
    source = (demo.root / "submissions/2025/energy/treaties-in-force.yaml").read_text("utf-8")
    broken = tmp_path / "treaties-in-force.yaml"
    broken.write_text(source.replace("  status: implemented", "  status: [implemented]", 1),
                      encoding="utf-8")  # fmt: skip
    with pytest.raises(UsageError) as caught:
        export(demo, broken, "en", "x.xlsx", WHEN)
    assert "$.annex1[0].status" in str(caught.value) and "treaty validate" in str(caught.value)


def test_a_character_no_cell_can_hold_is_named(demo: Project, tmp_path: Path) -> None:
    source = (demo.root / "submissions/2025/energy/treaties-in-force.yaml").read_text("utf-8")
    bell = tmp_path / "treaties-in-force.yaml"
    bell.write_text(source.replace("document: № 12-04/1611", 'document: "№ 12\\a"'), "utf-8")
    with pytest.raises(UsageError) as caught:
        export(demo, bell, "en", "x.xlsx", WHEN)
    assert "U+0007" in str(caught.value) and "annex1[].measures[].document" in str(caught.value)
