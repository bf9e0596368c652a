"""The web forms (generator/site/pages/webforms.py, assets/webform.js) in headless Chromium:
a wrong date is told inline and in the summary, whose link focuses the field; a correct
form gives a file that ``treaty validate`` accepts; axe finds nothing serious; offline."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from generator.cli.main import main
from generator.i18n import catalogue
from tests.site.conftest import Built
from tests.site.test_browser import _axe, errors_of

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KIND = "treaties-in-force"
FORM = f"forms/{KIND}/new/"
BODY = "energy"
PERIOD = 2026
WRONG_DATE = "2026-02-30"
DATE_INPUT = "#tr-f-annex1-0-measures-0-date"


def open_form(page: Any, site_url: str, path: str = FORM) -> list[str]:
    errors = errors_of(page)
    page.goto(site_url + path, wait_until="networkidle")
    page.wait_for_selector("select[name='/body']")
    return errors


def choose(page: Any, body: str = BODY, period: int = PERIOD) -> int:
    """Pick the body and period; the treaty rows are filled in: their number."""
    page.fill("input[name='/period']", str(period))
    page.select_option("select[name='/body']", body)
    page.wait_for_function("document.querySelector('.tr-webform-filled').textContent !== ''")
    return int(page.locator("input[name$='/treaty']").count())


def say(code: str, lang: str, **args: str) -> str:
    """The CLI's message for ``code`` (the catalogue the page exports), with ``args``."""
    message = catalogue(lang).problems[code]["message"]
    return message.format(**args)


def test_a_wrong_date_is_told_inline_and_the_summary_link_focuses_the_field(
    page: Any, site_url: str
) -> None:
    errors = open_form(page, site_url)
    assert choose(page) >= 1
    date = page.locator(DATE_INPUT)
    date.fill(WRONG_DATE)  # typing: the inline error comes before any button is pressed
    expected = say("TR210", "kk", value=WRONG_DATE, field="«Күні» (date)")
    inline = page.locator(f"{DATE_INPUT.removesuffix('-date')}-date-error")
    inline.wait_for(state="visible")
    assert expected in inline.inner_text()
    assert date.get_attribute("aria-invalid") == "true"
    assert inline.get_attribute("id") in (date.get_attribute("aria-describedby") or "").split()
    page.click("button[type=submit]")
    summary = page.locator("#tr-error-summary")
    assert summary.is_visible() and summary.get_attribute("role") == "alert"
    assert page.evaluate("document.activeElement.id") == "tr-error-summary"
    link = summary.locator("a", has_text=expected)
    assert link.count() == 1
    link.click()
    assert page.evaluate("document.activeElement.id") == DATE_INPUT.removeprefix("#")
    assert errors == []


def fill_correctly(page: Any, rows: int) -> None:
    for row in range(rows):
        at = f"#tr-f-annex1-{row}"
        page.fill(f"{at}-obligations-kk", f"Міндеттеме {row + 1}: деректер алмасу.")
        page.fill(f"{at}-measures-0-date", f"{PERIOD}-03-1{row % 10}")
        page.fill(f"{at}-measures-0-text-ru", f'Совещание № {row + 1} ("рабочая группа").')
        page.fill(f"{at}-measures-0-document", f"Хаттама № {row + 1}: 2/3")
        page.select_option(f"{at}-status", "in-progress")


def test_a_correct_form_downloads_a_file_that_validate_accepts(
    page: Any, site_url: str, built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    errors = open_form(page, site_url)
    rows = choose(page)
    fill_correctly(page, rows)
    page.click("button[type=submit]")
    page.locator("#tr-webform-result").wait_for(state="visible")
    assert page.locator("#tr-error-summary").is_hidden()
    rel = f"submissions/{PERIOD}/{BODY}/{KIND}.yaml"
    assert page.locator(".tr-webform-path").inner_text() == rel
    with page.expect_download() as info:
        page.click("[data-tr-download]")
    download = info.value
    assert download.suggested_filename == f"{KIND}.yaml"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../../../schemas/{KIND}.schema.json\n")
    data = yaml.safe_load(text)
    assert (data["form"], data["period"], data["body"]) == (KIND, PERIOD, BODY)
    assert len(data["annex1"]) == rows
    # the GitHub button carries the same file to the new-file page of the repository
    href = page.locator("[data-tr-github]").get_attribute("href") or ""
    assert href.startswith("https://github.com/treaty-reports/treaty-reports/new/main?filename=")
    query = parse_qs(urlsplit(href).query)
    assert query["filename"] == [rel] and query["value"] == [text]
    repo = tmp_path / "repo"
    shutil.copytree(built.repo, repo, symlinks=True)
    assert not (repo / rel).exists()
    (repo / rel).parent.mkdir(parents=True, exist_ok=True)
    (repo / rel).write_text(text, encoding="utf-8")
    capsys.readouterr()
    code = main(["validate", rel, "--repo", str(repo), "--format", "json", "--lang", "en"])
    out = capsys.readouterr().out
    report = json.loads(out)
    assert report["files_checked"] == 1 and report["problems"] == [] and code == 0, out
    assert errors == []


def test_the_text_of_the_summary_and_the_page_is_the_pages_language(
    page: Any, site_url: str
) -> None:
    open_form(page, site_url, "ru/" + FORM)
    choose(page)
    page.click("button[type=submit]")
    missing = say("TR201", "ru", field="«Обязательства государственного органа» (obligations)")
    assert page.locator("#tr-error-summary a", has_text=missing).count() >= 1
    assert page.get_attribute("html", "lang") == "ru"


@pytest.mark.parametrize("path", [FORM, "en/forms/event-report/new/"])
def test_no_serious_accessibility_violations_on_the_form(
    page: Any, site_url: str, path: str
) -> None:
    open_form(page, site_url, path)
    if path == FORM:
        choose(page)
    page.click("button[type=submit]")  # with the error summary and inline errors showing
    serious = _axe(page)
    assert serious == [], [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in serious]


def test_the_form_works_offline_once_loaded(browser: Any, site_url: str) -> None:
    """Nothing is fetched from elsewhere, and once loaded the form needs no network."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    try:
        open_form(page, site_url)
        assert [u for u in asked if not u.startswith(site_url)] == []
        context.set_offline(True)
        fill_correctly(page, choose(page))
        page.click("button[type=submit]")
        page.locator("#tr-webform-result").wait_for(state="visible")
        with page.expect_download() as info:
            page.click("[data-tr-download]")
        assert "annex1:" in Path(info.value.path()).read_text(encoding="utf-8")
    finally:
        context.close()


def test_every_form_has_a_web_form_in_both_editions_and_every_language(built: Built) -> None:
    kinds = sorted(p.stem for p in (built.repo / "schemas" / "forms").glob("*.yaml"))
    assert len(kinds) >= 11
    for root in (built.public, built.internal):
        for lang in ("", "ru/", "en/"):
            for kind in kinds:
                page = root / lang / "forms" / kind / "new" / "index.html"
                text = page.read_text(encoding="utf-8")
                assert 'id="tr-webform-data"' in text, page
                assert re.search(r'src="[./]*assets/vendor/ajv/ajv2020\.min\.js"', text)


def test_the_vendored_validator_is_the_one_its_readme_names() -> None:
    folder = Path(__file__).resolve().parents[2] / "site" / "docs" / "assets" / "vendor" / "ajv"
    first = (folder / "ajv2020.min.js").read_text(encoding="utf-8").splitlines()[0]
    match = re.match(r"/\* ajv (\S+) \(ajv2020\)", first)
    assert match, first
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert f"`ajv-dist` {match[1]}" in readme and "MIT" in readme
    assert "MIT License" in (folder / "LICENSE").read_text(encoding="utf-8")
