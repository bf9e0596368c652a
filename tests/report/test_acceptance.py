"""Done-when lines of the report issue, driven through ``treaty report`` on the demo repo."""

from __future__ import annotations

from pathlib import Path

import docx
import yaml
from docx.enum.section import WD_ORIENT
from pypdf import PdfReader

from generator.report.labels import report_labels
from testing.repo import REPO_ROOT
from tests.report.conftest import DEMO_PERIOD, Built, build
from tests.report.pngshot import render_page
from tests.report.readback import docx_tables, docx_text, flat, font_files, pdf_text, squash

KAZAKH = "әғқңөұүһі"
SCREENSHOT = REPO_ROOT / "build" / "screenshots" / "report-2025-kk-page-1.png"


def _titles_and_bodies(built: Built) -> tuple[set[str], set[str]]:
    entries = built.json()["entries"]
    titles = {e["treaty_title"] for e in entries if e["treaty_title"]}
    return titles, {e["body_name"] for e in entries}


def test_docx_has_every_treaty_and_body_and_the_json_counts(kk_report: Built) -> None:
    text = docx_text(kk_report.path("docx"))
    titles, bodies = _titles_and_bodies(kk_report)
    assert titles and bodies
    assert sorted(t for t in titles if flat(t) not in text) == []
    assert sorted(b for b in bodies if flat(b) not in text) == []
    data = kk_report.json()
    received = sum(r["received"] for r in data["totals"])
    assert received == len(data["entries"]) == sum(r["shown"] for r in data["totals"])
    last_rows = [t[-1] for t in docx_tables(kk_report.path("docx"))]
    assert [report_labels("kk")("total"), "", str(received), str(received), "0"] in last_rows


def test_pdf_has_every_treaty_and_body_and_the_json_counts(kk_report: Built) -> None:
    text = squash(pdf_text(kk_report.path("pdf")))
    titles, bodies = _titles_and_bodies(kk_report)
    assert sorted(t for t in titles if squash(t) not in text) == []
    assert sorted(b for b in bodies if squash(b) not in text) == []
    n = len(kk_report.json()["entries"])
    assert squash(report_labels("kk")("totals_balanced", received=n, shown=n)) in text


def test_pdf_fonts_embedded_kazakh_letters_outline_and_screenshot(kk_report: Built) -> None:
    pdf = kk_report.path("pdf")
    fonts = font_files(pdf)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert any("LiberationSerif" in name for name, _ in fonts)
    text = pdf_text(pdf)
    reader = PdfReader(str(pdf))
    assert len(reader.outline) >= 5
    assert squash(report_labels("kk")("section_1")) in squash(text)
    render_page(pdf, 0, SCREENSHOT, scale=1.0)
    assert SCREENSHOT.read_bytes().startswith(b"\x89PNG")


def test_docx_is_a4_with_a_landscape_section_for_annex_tables(kk_report: Built) -> None:
    document = docx.Document(str(kk_report.path("docx")))
    sections = list(document.sections)
    orientations = [s.orientation for s in sections]
    assert WD_ORIENT.LANDSCAPE in orientations and orientations[0] == WD_ORIENT.PORTRAIT
    width, height = sections[0].page_width, sections[0].page_height
    assert width is not None and height is not None
    assert round(width.mm) == 210 and round(height.mm) == 297
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.styles["Normal"].font.size.pt == 14
    footer = sections[-1].footer._element.xml
    assert "PAGE" in footer


def test_the_default_forms_note_is_in_every_report(kk_report: Built) -> None:
    notice = flat(report_labels("kk")("note_default_forms"))
    assert notice in flat(kk_report.path("md").read_text(encoding="utf-8"))
    assert notice in flat(kk_report.path("html").read_text(encoding="utf-8"))
    assert notice in docx_text(kk_report.path("docx"))
    assert squash(notice) in squash(pdf_text(kk_report.path("pdf")))


def test_per_body_annex_shows_timeliness_from_status(kk_report: Built) -> None:
    md = kk_report.path("md").read_text(encoding="utf-8")
    labels = report_labels("kk")
    assert labels("placeholder_timeliness") not in md
    assert labels("state_on-time") in md and labels("state_late") in md


def test_open_data_files_are_written_with_a_datapackage(kk_report: Built) -> None:
    import json

    package = json.loads((kk_report.folder / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["path"] for r in package["resources"]}
    assert {"report.csv", "report.totals.csv", "report.excluded.csv"} <= paths
    for resource in package["resources"]:
        assert (kk_report.folder / resource["path"]).is_file()
        assert resource["schema"]["fields"][0]["name"]
    csv_rows = kk_report.path("csv").read_text(encoding="utf-8").splitlines()
    assert len(csv_rows) - 1 == len(kk_report.json()["entries"])


def test_two_runs_are_identical(kk_report: Built, demo_repo: Path, tmp_path: Path) -> None:
    from tests.report.conftest import build_all

    again = build_all(demo_repo, tmp_path, "kk", ("md", "html", "json", "csv", "docx", "pdf"))
    for fmt in ("md", "html", "json", "csv", "docx", "pdf"):
        assert again.path(fmt).read_bytes() == kk_report.path(fmt).read_bytes(), fmt


def test_every_kazakh_letter_renders_and_extracts(
    repo_copy: Path, epoch: str, tmp_path: Path
) -> None:
    rel = f"submissions/{DEMO_PERIOD}/water/treaties-in-force.yaml"
    data = yaml.safe_load((repo_copy / rel).read_text(encoding="utf-8"))
    letters = f"{KAZAKH} {KAZAKH.upper()}"
    data["annex1"][0]["obligations"]["kk"] += f" Әріптер: {letters}."
    (repo_copy / rel).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert build(repo_copy, tmp_path / "r.pdf", "pdf") == 0
    text = pdf_text(tmp_path / "r.pdf")
    assert [c for c in letters if c != " " and c not in text] == []
    assert all(embedded for _, embedded in font_files(tmp_path / "r.pdf"))
