"""The pictures of CONTRIBUTING.md, made from the real pages: the web form (in Chromium, with
an error showing) and the spreadsheet template (``treaty sheet template`` laid out by
LibreOffice, page 1 rendered by pypdfium2). Written to build/screenshots/; ``make
screenshots`` copies them to docs/images/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.cli.main import main
from testing.repo import REPO_ROOT
from tests.report.office import to_pdf
from tests.report.pngshot import png_bytes
from tests.site.conftest import SCREENSHOTS, Built
from tests.site.test_webform import DATE_INPUT, FORM, choose, open_form

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WEBFORM_SHOT = "webform-treaties-in-force-kk.png"
SHEET_SHOT = "sheet-treaties-in-force-kk.png"


def _in_contributing(name: str) -> None:
    text = (REPO_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert f"docs/images/{name}" in text
    image = REPO_ROOT / "docs" / "images" / name
    assert image.is_file() and image.read_bytes().startswith(b"\x89PNG")


def test_screenshot_of_the_web_form(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1100, "height": 1300})
    page = context.new_page()
    try:
        open_form(page, site_url, FORM)
        choose(page)
        page.fill("#tr-f-annex1-0-obligations-kk", "Энергетикалық хартияның міндеттемелері.")
        page.fill(DATE_INPUT, "2026-02-30")
        page.click("button[type=submit]")
        page.locator("#tr-error-summary").wait_for(state="visible")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / WEBFORM_SHOT))  # the top: summary and fields
    finally:
        context.close()
    assert (SCREENSHOTS / WEBFORM_SHOT).read_bytes().startswith(b"\x89PNG")
    _in_contributing(WEBFORM_SHOT)


def _printable(book: Path) -> Path:
    """A copy of the workbook printed as a reader would: landscape, one page wide, grid."""
    import openpyxl

    workbook = openpyxl.load_workbook(book)
    for sheet in workbook.worksheets:
        sheet.page_setup.orientation = "landscape"
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.print_options.gridLines = True
    copy = book.with_name(f"{book.stem}-print.xlsx")
    workbook.save(copy)
    return copy


def test_screenshot_of_the_spreadsheet_template(built: Built, tmp_path: Path) -> None:
    import pypdfium2

    book = tmp_path / "treaties-in-force.xlsx"
    args = ["sheet", "template", "treaties-in-force", "--body", "energy", "--period", "2026"]
    assert main([*args, "--repo", str(built.repo), "-o", str(book)]) == 0
    [pdf] = to_pdf([_printable(book)], tmp_path / "pdf")
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
        annex1 = next(i for i, t in enumerate(texts) if "органның міндеттемелері" in t)
        page = document[annex1]
        _, height = page.get_size()
        bitmap = page.render(scale=3, rev_byteorder=True, crop=(0, height * 0.78, 0, 0))
        data = png_bytes(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
    finally:
        document.close()
    assert "kz-de-2012-raw-materials-partnership" in texts[annex1]  # energy's treaty rows
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / SHEET_SHOT).write_bytes(data)
    _in_contributing(SHEET_SHOT)
