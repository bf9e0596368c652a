"""Text full of Markdown, HTML and typography (:mod:`testing.literal`, committed into the
site's demo copy) is shown exactly as written on the site: on the shared treaty page, on the
body's page of the period's report and in the MFA's assessment (issue 15, finding 11)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from testing.literal import MEASURE, PARAGRAPHS, flat
from tests.site.conftest import Built

TREATY_PAGE = "en/treaties/ect-1994-energy-charter-treaty/index.html"
REPORT_PAGES = ("en/reports/2025/index.html", "en/reports/2025/2/index.html")


def _text(path: Path) -> str:
    page = path.read_text(encoding="utf-8")
    assert "<b>bold</b>" not in page and "<i>x</i>" not in page, f"{path}: HTML from data"
    main = page[page.find("<article") : page.rfind("</article>")]
    return flat(html.unescape(re.sub(r"<[^>]+>", " ", main)))


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_a_measure_full_of_markdown_is_shown_as_written(built: Built, edition: str) -> None:
    root = built.public if edition == "public" else built.internal
    assert MEASURE in _text(root / TREATY_PAGE)
    assert "<pre" not in (root / TREATY_PAGE).read_text(encoding="utf-8")  # no code block
    shown = " ".join(_text(root / page) for page in REPORT_PAGES)
    assert MEASURE in shown


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_the_assessment_paragraphs_are_shown_as_written(built: Built, edition: str) -> None:
    root = built.public if edition == "public" else built.internal
    pages = [root / p for p in REPORT_PAGES]
    shown = " ".join(_text(page) for page in pages)
    for paragraph in PARAGRAPHS:
        assert paragraph in shown, paragraph
    raw = " ".join(page.read_text(encoding="utf-8") for page in pages)
    assert "<h1>not a heading" not in raw and "<blockquote>" not in raw
