"""The published site in headless Chromium: the Done-when lines of the site issue."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from tests.site.conftest import SCREENSHOTS, XSS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TREATY_WORD = "Дипломатиялық"  # from «Дипломатиялық қатынастар туралы Вена конвенциясы»
TREATY_PAGE = "treaties/un-1961-vienna-diplomatic-relations/"
XSS_PAGE = "treaties/unece-1992-water-convention/"
REPORT_PAGE = "reports/2025/"
RULES_PAGE = "rules/in-force/"


def errors_of(page: Any) -> list[str]:
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: found.append(str(e)))
    return found


def shoot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_home_loads_in_kazakh_without_console_errors(page: Any, site_url: str) -> None:
    errors = errors_of(page)
    page.goto(site_url, wait_until="networkidle")
    assert page.get_attribute("html", "lang") == "kk"
    assert "Қазақстанның халықаралық шарттар бойынша есептері" in page.title()
    assert page.locator("h1").first.inner_text().startswith("Қазақстанның")
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "Іздеу"
    assert errors == []
    shoot(page, "home")


def switch(page: Any, lang: str) -> None:
    page.hover(".md-header__option .md-select")
    page.locator(f'.md-select__link[hreflang="{lang}"]').click()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("lang,heading", [("ru", "Договоры"), ("en", "Treaties")])
def test_language_switch_keeps_the_page(page: Any, site_url: str, lang: str, heading: str) -> None:
    page.goto(site_url + "treaties/", wait_until="networkidle")
    switch(page, lang)
    assert page.get_attribute("html", "lang") == lang
    assert page.url == f"{site_url}{lang}/treaties/"
    assert page.locator("h1").first.inner_text().strip().startswith(heading)
    switch(page, "kk")
    assert page.url == f"{site_url}treaties/"


def test_report_docx_link_downloads_a_valid_docx(page: Any, site_url: str) -> None:
    page.goto(site_url + REPORT_PAGE, wait_until="networkidle")
    with page.expect_download() as info:
        page.locator('a[href$=".docx"]').first.click()
    raw = Path(info.value.path()).read_bytes()
    assert raw[:2] == b"PK"
    document = Document(io.BytesIO(raw))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "2025" in text and len(text) > 200


@pytest.mark.parametrize("word", [TREATY_WORD, "қатынастар"])
def test_search_finds_a_treaty_by_a_kazakh_word(page: Any, site_url: str, word: str) -> None:
    page.goto(site_url, wait_until="networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    search.fill(word)
    search.press("End")  # material searches on keyup
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15000)
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert any(TREATY_PAGE in href for href in hrefs), hrefs


def test_dashboard_chart_renders(page: Any, site_url: str) -> None:
    errors = errors_of(page)
    page.goto(site_url + "dashboard/", wait_until="networkidle")
    chart = page.locator('svg[role="img"]').first
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 40
    assert chart.locator("rect").count() > 3
    for ref in (chart.get_attribute("aria-labelledby") or "").split():
        assert page.locator(f"#{ref}").count() == 1
    assert page.locator("table.tr-table").first.locator("tbody tr").count() >= 1
    assert errors == []
    shoot(page, "dashboard")


def test_xss_payload_shows_as_text(page: Any, site_url: str) -> None:
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(site_url + XSS_PAGE, wait_until="networkidle")
    page.wait_for_timeout(500)
    assert XSS in page.locator("article").inner_text()
    assert page.locator('img[src="x"]').count() == 0
    assert dialogs == []


def _axe(page: Any) -> list[dict[str, Any]]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize(
    "path,shot",
    [("", None), (REPORT_PAGE, "report"), ("dashboard/", None), (RULES_PAGE, "rules")],
)
def test_no_serious_accessibility_violations(
    page: Any, site_url: str, path: str, shot: str | None
) -> None:
    page.goto(site_url + path, wait_until="networkidle")
    serious = _axe(page)

    def summary(v: dict[str, Any]) -> str:
        return f"{v['id']}: {v['help']} " + str([n["target"] for n in v["nodes"][:3]])

    assert serious == [], "\n".join(summary(v) for v in serious)
    if shot:
        shoot(page, shot)
