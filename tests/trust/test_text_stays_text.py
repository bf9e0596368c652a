"""Issue 15, finding 11: text a ministry wrote stays text in every output of the report.

Code fences, list markers at a line start, the characters pandoc's smart typography and
Typst's shorthands turn into dashes, curly quotes and an ellipsis, and HTML are put into a
measure of a treaty (a table cell) and into the MFA's assessment (paragraphs), then read
back from the Markdown (through pandoc, as plain text), the HTML, the DOCX (python-docx),
the PDF (pypdf) and the XLSX (openpyxl). Values are shown on one line in the report, so the
comparison is made with whitespace runs as one space.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pypandoc
import pytest
from openpyxl import load_workbook

from testing.fixtures import copy_repo
from testing.literal import FORMULA, MEASURE, PARAGRAPHS, put_text
from tests.report.readback import docx_text, flat, pdf_text
from tests.trust.conftest import AS_OF

TREATY = Path(sys.executable).parent / "treaty"


@pytest.fixture(scope="module")
def outputs(demo_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("text")
    repo = root / "repo"
    copy_repo(demo_repo, repo)
    put_text(repo)
    checked = subprocess.run(
        [str(TREATY), "validate", "--repo", str(repo)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout
    found = {}
    for fmt in ("md", "html", "docx", "pdf", "xlsx"):
        out = root / f"report.{fmt}"
        args = ["report", "--repo", str(repo), "--period", "2025", "--format", fmt]
        done = subprocess.run(
            [str(TREATY), *args, "--lang", "en", "--as-of", AS_OF, "-o", str(out)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        found[fmt] = out
    return found


def _shown(text: str) -> str:
    """Plain text with whitespace runs as one space."""
    return flat(text)


def _assert_all_shown(text: str, label: str) -> None:
    assert MEASURE in text, f"{label}: the measure is not shown as written"
    for paragraph in PARAGRAPHS:
        assert paragraph in text, f"{label}: {paragraph!r} is not shown as written"


def test_markdown_report_reads_back_as_the_text(outputs: dict[str, Path]) -> None:
    markdown = outputs["md"].read_text(encoding="utf-8")
    plain = pypandoc.convert_text(markdown, "plain", format="markdown", extra_args=["--wrap=none"])
    text = _shown(plain)
    assert MEASURE in text
    # pandoc's plain writer marks a paragraph's end only; each paragraph is its own text
    for paragraph in PARAGRAPHS:
        assert paragraph in text
    assert "<b>" not in markdown and "<i>" not in markdown  # escaped, never raw HTML


def test_html_report_shows_the_text(outputs: dict[str, Path]) -> None:
    page = outputs["html"].read_text(encoding="utf-8")
    assert "<b>bold</b>" not in page and "<i>x</i>" not in page
    text = _shown(html.unescape(re.sub(r"<[^>]+>", " ", page)))
    _assert_all_shown(text, "html")


def test_docx_report_shows_the_text(outputs: dict[str, Path]) -> None:
    _assert_all_shown(docx_text(outputs["docx"]), "docx")


def test_pdf_report_shows_the_text(outputs: dict[str, Path]) -> None:
    _assert_all_shown(pdf_text(outputs["pdf"]), "pdf")


def test_xlsx_text_cells_are_text_with_no_apostrophe_and_formulas_neutralised(
    outputs: dict[str, Path],
) -> None:
    book = load_workbook(outputs["xlsx"])
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    measures = [c for c in cells if isinstance(c.value, str) and MEASURE in flat(c.value)]
    assert measures, "the measure is not in the workbook as written"
    assert all(c.data_type == "s" and not c.quotePrefix for c in measures)
    formula = [c for c in cells if c.value == FORMULA]
    assert formula, "the obligations are not in the workbook as written"
    assert all(c.data_type == "s" and c.quotePrefix for c in formula)
    assert not any(isinstance(c.value, str) and c.value.startswith("'=") for c in cells)
