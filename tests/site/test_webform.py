"""The web forms (generator/site/pages/webforms.py, assets/webform.js) in headless Chromium:
a wrong date is told inline and in the summary, whose link focuses the field; a correct
form gives a file that ``treaty validate`` accepts; axe finds nothing serious; offline once
loaded. The register's treaties are not in the pages: each language has one
``forms/register.json``, fetched at page load; without it the form says so and still works."""

from __future__ import annotations

import html
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
from generator.site.texts import site_texts
from tests.site.conftest import Built
from tests.site.test_browser import _axe, errors_of
from tests.site.test_editions import internal_strings

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KIND = "treaties-in-force"
FORM = f"forms/{KIND}/new/"
BODY = "energy"
PERIOD = 2026
WRONG_DATE = "2026-02-30"
DATE_INPUT = "#tr-f-annex1-0-measures-0-date"


REGISTER = "forms/register.json"  # below each language's root
TREATY_KEYS = {"title", "bodies", "in_force", "signed"}


def open_form(page: Any, site_url: str, path: str = FORM, state: str = "loaded") -> list[str]:
    """Open a web form and wait until its register is ``state`` (loaded or failed)."""
    errors = errors_of(page)
    page.goto(site_url + path, wait_until="networkidle")
    page.wait_for_selector("select[name='/body']")
    page.wait_for_selector(f"[data-tr-register='{state}']")
    return errors


def register_of(root: Path, lang: str = "") -> dict[str, Any]:
    found: dict[str, Any] = json.loads((root / lang / REGISTER).read_text(encoding="utf-8"))
    return found["treaties"]


def page_data(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    found = re.search(r'<script id="tr-webform-data" type="application/json">(.*?)</script>', text)
    assert found, path
    data: dict[str, Any] = json.loads(found[1])
    return data


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


def test_the_form_works_offline_once_loaded(browser: Any, site_url: str, built: Built) -> None:
    """Nothing is fetched from elsewhere; the register is fetched while the page loads, and
    once loaded the form needs no network: offline, choosing a body fills the rows from it."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    try:
        open_form(page, site_url)
        assert [u for u in asked if not u.startswith(site_url)] == []
        assert site_url + REGISTER in asked
        loaded = len(asked)
        context.set_offline(True)
        rows = choose(page)
        mine = [
            i for i, t in register_of(built.public).items()
            if BODY in t["bodies"] and t["in_force"] and t["in_force"] <= f"{PERIOD}-12-31"
        ]  # fmt: skip
        assert rows == len(mine) >= 1
        fill_correctly(page, rows)
        page.click("button[type=submit]")
        page.locator("#tr-webform-result").wait_for(state="visible")
        with page.expect_download() as info:
            page.click("[data-tr-download]")
        text = Path(info.value.path()).read_text(encoding="utf-8")
        assert "annex1:" in text
        # each row names its treaty, with the register's title as a comment
        treaty = register_of(built.public)[mine[0]]
        assert f"treaty: {mine[0]}  # {treaty['title']}" in text
        assert [u for u in asked[loaded:] if u.startswith("http")] == []
    finally:
        context.close()


def test_the_register_is_fetched_once_and_offered_in_the_pages_language(
    page: Any, site_url: str, built: Built
) -> None:
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    errors = open_form(page, site_url, "ru/" + FORM)
    assert asked.count(site_url + "ru/" + REGISTER) == 1
    register = register_of(built.public, "ru/")
    options = page.eval_on_selector_all(
        "#tr-treaty-ids option", "os => os.map(o => [o.value, o.textContent])"
    )
    assert options == [[i, t["title"] or i] for i, t in register.items()]
    assert any(t["title"] != register_of(built.public)[i]["title"] for i, t in register.items())
    assert page.locator(".tr-webform-register").is_hidden()
    assert choose(page) >= 1
    rows = page.eval_on_selector_all(
        "input[name$='/treaty']", "xs => xs.map(x => [x.value, x.getAttribute('list')])"
    )
    assert rows and all(i in register and at == "tr-treaty-ids" for i, at in rows)
    assert errors == []


def test_without_the_register_the_form_says_so_and_still_works(
    page: Any, site_url: str, built: Built
) -> None:
    page.route("**/" + REGISTER, lambda route: route.abort())
    errors = open_form(page, site_url, "ru/" + FORM, state="failed")
    note = page.locator(".tr-webform-register")
    assert note.is_visible() and note.get_attribute("role") == "status"
    assert note.inner_text() == site_texts("ru")("webform.register_failed")
    assert page.locator("#tr-treaty-ids option").count() == 0
    page.fill("input[name='/period']", str(PERIOD))
    page.select_option("select[name='/body']", BODY)
    assert page.locator(".tr-webform-filled").inner_text() == ""  # no rows filled in
    assert page.locator("input[name$='/treaty']").count() == 0
    page.click("#tr-f-annex1 > .tr-add")  # a row to fill in by hand
    mine = [i for i, t in register_of(built.public).items() if BODY in t["bodies"]]
    page.fill("#tr-f-annex1-0-treaty", mine[0])
    fill_correctly(page, 1)
    page.click("button[type=submit]")
    page.locator("#tr-webform-result").wait_for(state="visible")
    assert f"treaty: {mine[0]}\n" in page.locator(".tr-webform-yaml").input_value()
    assert [e for e in errors if "net::ERR_FAILED" not in e] == []


def test_the_pages_do_not_carry_the_register(built: Built) -> None:
    """The register's treaties are in one file per language, not in every web form."""
    for root in (built.public, built.internal):
        for lang in ("", "ru/", "en/"):
            register = register_of(root, lang)
            titles = {t["title"] for t in register.values() if len(t["title"]) >= 20}
            assert len(titles) >= 5
            for page in sorted((root / lang / "forms").glob("*/new/index.html")):
                data = page_data(page)
                assert "treaties" not in data and data["register"] == "../../register.json"
                text = html.unescape(page.read_text(encoding="utf-8"))
                assert [t for t in titles if t in text] == [], page


def test_the_public_register_carries_no_internal_content(built: Built) -> None:
    secrets = internal_strings(built.repo)
    assert len(secrets) > 20
    registry = yaml.safe_load((built.repo / "registry" / "treaties.yaml").read_text("utf-8"))
    ids = [t["id"] for t in registry["treaties"]]
    for lang in ("", "ru/", "en/"):
        text = (built.public / lang / REGISTER).read_text(encoding="utf-8")
        register = register_of(built.public, lang)
        assert list(register) == ids
        assert all(set(t) == TREATY_KEYS for t in register.values())
        assert [s[:60] for s in secrets if s in text] == []


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
