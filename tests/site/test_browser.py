"""The published site in headless Chromium: the Done-when lines of the site issue."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

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


def switch(page: Any, lang: str, expected: str) -> None:
    """Choose ``lang`` in the language switcher; it must go to ``expected``."""
    link = page.locator(f'.md-select__link[hreflang="{lang}"]')
    # the link itself names this page in the other language: no script has to find it
    assert urljoin(page.url, link.get_attribute("href") or "") == expected
    page.hover(".md-header__option .md-select")
    link.click()
    page.wait_for_url(expected)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("lang,heading", [("ru", "Договоры"), ("en", "Treaties")])
def test_language_switch_keeps_the_page(page: Any, site_url: str, lang: str, heading: str) -> None:
    page.goto(site_url + "treaties/", wait_until="networkidle")
    switch(page, lang, f"{site_url}{lang}/treaties/")
    assert page.get_attribute("html", "lang") == lang
    assert page.locator("h1").first.inner_text().strip().startswith(heading)
    switch(page, "kk", f"{site_url}treaties/")
    assert page.get_attribute("html", "lang") == "kk"


def test_language_switch_keeps_a_data_page(page: Any, site_url: str) -> None:
    """Treaty pages are written outside MkDocs' page loop: they switch language the same."""
    page.goto(site_url + TREATY_PAGE, wait_until="networkidle")
    switch(page, "ru", f"{site_url}ru/{TREATY_PAGE}")
    assert "Венская конвенция о дипломатических сношениях" in page.locator("h1").inner_text()
    switch(page, "en", f"{site_url}en/{TREATY_PAGE}")
    assert page.get_attribute("html", "lang") == "en"


def test_report_docx_link_downloads_a_valid_docx(page: Any, site_url: str) -> None:
    page.goto(site_url + REPORT_PAGE, wait_until="networkidle")
    with page.expect_download() as info:
        page.locator('a[href$=".docx"]').first.click()
    raw = Path(info.value.path()).read_bytes()
    assert raw[:2] == b"PK"
    document = Document(io.BytesIO(raw))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "2025" in text and len(text) > 200


def search(page: Any, url: str, word: str) -> list[str]:
    """Type ``word`` into the search box of the page at ``url``; the results' links."""
    page.goto(url, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(word)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15000)
    return [results.nth(i).get_attribute("href") or "" for i in range(results.count())]


@pytest.mark.parametrize("word", [TREATY_WORD, "қатынастар"])
def test_search_finds_a_treaty_by_a_kazakh_word(page: Any, site_url: str, word: str) -> None:
    hrefs = search(page, site_url, word)
    assert any(href.endswith("/" + TREATY_PAGE) for href in hrefs), hrefs
    assert all("/ru/" not in h and "/en/" not in h for h in hrefs), "kk pages answer kk"


def test_search_finds_a_treaty_by_a_russian_word(page: Any, site_url: str) -> None:
    hrefs = search(page, site_url + "ru/", "сношениях")
    assert any(href.endswith("/ru/" + TREATY_PAGE) for href in hrefs), hrefs
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("networkidle")
    assert page.get_attribute("html", "lang") == "ru"


def test_one_query_loads_little_of_the_index(page: Any, site_url: str) -> None:
    """Pagefind loads the chunks a query needs, not the whole index."""
    responses: list[Any] = []
    page.on("response", lambda r: responses.append(r) if "/pagefind/" in r.url else None)
    search(page, site_url, TREATY_WORD)
    page.wait_for_load_state("networkidle")
    sizes = [len(r.body()) for r in responses]
    assert len(sizes) > 2 and sum(sizes) < 1_000_000


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


# One page of every type (kk and ru): the generated ones, the hand-written one, the Rules
# (generated by law/), the error page.
PAGE_TYPES = [
    "", "about/", "dashboard/", "reports/", REPORT_PAGE, "bodies/", "bodies/water/",
    "treaties/", TREATY_PAGE, XSS_PAGE, "calendar/", "forms/", "forms/treaties-in-force/",
    "rules/", RULES_PAGE, "rules/timeline/", "rules/history/", "404.html",
    "rules/decree-195-2023/", "ru/", "ru/dashboard/", "ru/bodies/water/", "ru/" + REPORT_PAGE,
    "ru/forms/treaties-in-force/", "forms/treaties-in-force/new/", "ru/forms/event-report/new/",
]  # fmt: skip


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_sideways_scroll_at_390_px(browser: Any, site_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        response = page.goto(site_url + path, wait_until="networkidle")
        assert response is not None and (response.ok or path == "404.html")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width} px wide at 390 px"
        if path == "dashboard/":  # the legend is text that wraps, not shrunk inside the SVG
            legend = page.locator("ul.tr-legend li").first
            assert legend.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 11
            shoot(page, "dashboard-390")
    finally:
        context.close()
