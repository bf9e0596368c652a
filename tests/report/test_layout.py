"""Tables fit the page: no text drawn over other text, header rows repeat, no header word is
broken, a table of contents in the DOCX; checked on the built PDFs and on the DOCX as
LibreOffice lays it out. Keeps page images in build/screenshots/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from docx.oxml.ns import qn

from generator.report.labels import report_labels
from generator.report.render.pdf import compile_typst
from testing.repo import REPO_ROOT
from tests.report.conftest import LANGS, Built
from tests.report.layout import each_page, page_collisions, page_text
from tests.report.pngshot import render_page
from tests.report.readback import squash

SHOTS = REPO_ROOT / "build" / "screenshots"
README_SHOT = REPO_ROOT / "docs" / "images" / "annex6-2025-kk-page-1.png"


def _header_words(path: Path) -> set[str]:
    document = docx.Document(str(path))
    return {w for t in document.tables for c in t.rows[0].cells for w in c.text.split()}


def _broken(pdf: Path, words: set[str]) -> list[str]:
    """Header words split across two lines somewhere in the PDF."""
    found = []
    for n, text in enumerate(each_page(pdf, page_text), start=1):
        for word in words:
            splits = (word[:k] + "\r\n" + word[k:] for k in range(1, len(word)))
            if any(s in text for s in splits):
                found.append(f"page {n}: {word}")
    return found


def _page_texts(pdf: Path) -> list[str]:
    return [squash(text) for text in each_page(pdf, page_text)]


def test_the_overlap_check_finds_text_drawn_over_text(tmp_path: Path) -> None:
    """The check itself can fail: a date printed over a path, as section V once was."""
    source = (
        '#set page(width: 200pt, height: 100pt)\n#set text(font: "Liberation Serif")\n'
        "#place(dx: 10pt, dy: 40pt)[2025-03-28]\n#place(dx: 24pt, dy: 40pt)[submissions]\n"
        "#place(dx: 10pt, dy: 70pt)[apart]\n#place(dx: 80pt, dy: 70pt)[words]\n"
    )
    pdf = tmp_path / "overlap.pdf"
    pdf.write_bytes(compile_typst(source, dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))
    found = page_collisions(pdf)
    assert found and all("page 1" in f for f in found)
    assert not [f for f in found if "'a'" in f or "'w'" in f]


def test_no_text_overlaps_on_any_page_of_the_pdf(drafts: dict[str, Built]) -> None:
    for lang in LANGS:
        assert page_collisions(drafts[lang].path("pdf")) == [], lang


def test_no_text_overlaps_in_the_docx_as_libreoffice_lays_it_out(
    opened: dict[str, Path],
) -> None:
    for lang in LANGS:
        assert page_collisions(opened[lang]) == [], lang


def test_no_table_header_breaks_a_word(drafts: dict[str, Built], opened: dict[str, Path]) -> None:
    for lang in LANGS:
        words = _header_words(drafts[lang].path("docx"))
        assert {"Шарттар", "Жазбалар"} <= words or lang != "kk"
        assert _broken(opened[lang], words) == [], lang
        assert _broken(drafts[lang].path("pdf"), words) == [], lang


def test_header_rows_repeat_on_every_page(
    drafts: dict[str, Built], opened: dict[str, Path]
) -> None:
    for lang in LANGS:
        document = docx.Document(str(drafts[lang].path("docx")))
        for table in document.tables:
            first = table.rows[0]._tr
            assert first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        t = report_labels(lang)
        head, rows = squash(t("col_days_late")), squash(t("state_on-time"))
        for pdf in (drafts[lang].path("pdf"), opened[lang]):
            pages = [p for p in _page_texts(pdf) if rows in p and squash(t("col_due")) in p]
            assert len(pages) >= 2, (lang, pdf.name)  # the per-body table spans pages
            assert all(head in p for p in pages), (lang, pdf.name)


def test_docx_has_a_toc_field_that_word_fills_on_opening(drafts: dict[str, Built]) -> None:
    for lang in LANGS:
        document = docx.Document(str(drafts[lang].path("docx")))
        body = document.element.body.xml
        assert 'TOC \\o "1-3" \\h \\z \\u' in body
        assert 'w:fldCharType="begin" w:dirty="true"' in body
        flag = document.settings.element.find(qn("w:updateFields"))
        assert flag is not None and flag.get(qn("w:val")) == "true"
        assert report_labels(lang)("section_5") in body


def test_pdf_bookmarks_name_every_section(drafts: dict[str, Built]) -> None:
    from pypdf import PdfReader

    for lang in LANGS:
        outline = PdfReader(str(drafts[lang].path("pdf"))).outline
        titles = [item.title for item in outline if not isinstance(item, list)]
        t = report_labels(lang)
        assert [t(f"section_{n}") for n in (1, 2, 3, 4, 5)] == titles[:5], lang


def _widest_table_page(pdf: Path, lang: str) -> int:
    """The first landscape page with the per-body table (seven columns)."""
    head = squash(report_labels(lang)("col_days_late"))
    pages = each_page(
        pdf, lambda p: p.get_width() > p.get_height() and head in squash(page_text(p))
    )
    assert any(pages), f"no landscape table page in {pdf}"
    return pages.index(True)


def test_screenshots_of_page_1_and_the_widest_table(drafts: dict[str, Built]) -> None:
    for lang in LANGS:
        pdf = drafts[lang].path("pdf")
        first = render_page(pdf, 0, SHOTS / f"report-2025-{lang}-page-1.png", scale=1.0)
        wide = _widest_table_page(pdf, lang)
        render_page(pdf, wide, SHOTS / f"report-2025-{lang}-widest-table.png", scale=1.0)
        assert first.read_bytes().startswith(b"\x89PNG")
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert README_SHOT.relative_to(REPO_ROOT).as_posix() in readme
    assert README_SHOT.is_file() and README_SHOT.read_bytes().startswith(b"\x89PNG")
