"""The forms reference speaks the page's language: field descriptions and value labels."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from generator.errors import ConfigurationError
from generator.forms import FormSet, load_forms
from generator.site.edition import INTERNAL, PUBLIC
from generator.site.fields import field_docs
from generator.site.pages.forms import (
    SHARED_FILE,
    SharedDescriptions,
    example_data,
    field_description,
    form_page,
    load_shared,
)
from generator.site.texts import site_texts
from testing.catalogues import LANGS
from testing.repo import REPO_ROOT, make_repo, real_forms

KIND = "treaties-in-force"


def untranslated(forms: FormSet, shared: SharedDescriptions) -> list[str]:
    """``kind: path (lang)`` for every field description missing in a language."""
    found = []
    for form in forms:
        for field in field_docs(forms.schemas[form.schema_file], forms.schemas):
            text = field_description(form, field, forms, shared)
            found += [f"{form.kind}: {field.path} ({lang})" for lang in LANGS
                      if text is None or not text.has(lang)]  # fmt: skip
    return found


def test_every_field_of_every_form_is_described_in_kk_ru_and_en() -> None:
    assert untranslated(real_forms(), load_shared(REPO_ROOT)) == []


def test_a_missing_translation_is_caught(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    path = repo / "schemas/forms" / f"{KIND}.yaml"
    text = path.read_text(encoding="utf-8")
    kk = "    kk: Халықаралық шарт бойынша мемлекеттік органға жүктелген міндеттемелер.\n"
    assert kk in text
    path.write_text(text.replace(kk, ""), encoding="utf-8")
    (repo / SHARED_FILE).unlink()
    found = untranslated(load_forms(repo), load_shared(repo))
    assert f"{KIND}: annex1[].obligations (kk)" in found
    assert f"{KIND}: annex1[].obligations (ru)" not in found
    assert f"{KIND}: period (kk)" in found  # the shared types' descriptions are gone too


@pytest.fixture(scope="module")
def kk_page() -> str:
    forms = real_forms()
    form = forms.get(KIND)
    assert form is not None
    return form_page(form, forms, load_shared(REPO_ROOT), PUBLIC, site_texts("kk"))


def test_kazakh_page_describes_fields_in_kazakh(kk_page: str) -> None:
    form = real_forms().get(KIND)
    assert form is not None
    kk = form.extra["descriptions"]["obligations"]["kk"]
    assert kk.startswith("Халықаралық шарт") and kk in kk_page
    in_progress = form.extra["values"]["status"]["in-progress"]["kk"]
    assert f"<code>in-progress</code> — {in_progress}</li>" in kk_page
    assert "<code>text</code></dt><dd>Бір, екі немесе үш тілдегі" in kk_page


def test_kazakh_page_has_no_english_schema_description(kk_page: str) -> None:
    forms = real_forms()
    form = forms.get(KIND)
    assert form is not None
    english = {
        f.description
        for f in field_docs(forms.schemas[form.schema_file], forms.schemas)
        if f.description
    }
    assert len(english) > 5
    assert [d for d in english if d in kk_page] == []
    assert site_texts("kk")("forms.in_english") not in kk_page


def test_a_missing_translation_falls_back_to_english_marked() -> None:
    forms = real_forms()
    form = forms.get(KIND)
    assert form is not None
    bare = dataclasses.replace(form, extra={"values": form.extra["values"]})
    texts = site_texts("ru")
    page = form_page(bare, forms, SharedDescriptions({}, {}), INTERNAL, texts)
    schema_text = "Annex 1: one row per treaty in force for which the body is responsible."
    assert f'<span lang="en">{schema_text}</span> ({texts("forms.in_english")})' in page
    assert "<code>in-progress</code> — Исполняется</li>" in page


def test_public_page_leaves_out_internal_fields(kk_page: str) -> None:
    assert "prepared_by" not in kk_page
    assert "Қызметкердің лауазымы" not in kk_page


def test_a_broken_shared_file_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / SHARED_FILE).parent.mkdir(parents=True)
    (tmp_path / SHARED_FILE).write_text("descriptions:\n  text: [\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"common/descriptions\.yaml:\d+:\d+"):
        load_shared(tmp_path)


def test_the_page_says_who_files_when_and_under_which_point() -> None:
    from generator.check.project import open_project
    from generator.site.pages.forms import duty_rows

    project = open_project(REPO_ROOT)
    forms = project.forms
    texts = site_texts("en")
    annual = forms.get(KIND)
    assert annual is not None
    [row] = duty_rows(project, annual, forms, texts)
    assert row.rule == "2.1" and row.when == "10 January of the year after the period"
    assert "Ministry" in row.who and "Special state body" in row.who
    plan = forms.get("activity-plan")
    assert plan is not None
    [row] = duty_rows(project, plan, forms, texts)
    assert row.when == "20 December of the period's year"
    # point 50 lifts chapter 6 from the Presidential Administration and the PM's Office
    owed, _, lifted = row.who.partition("; ")
    assert "Office of the Prime Minister" not in owed
    assert lifted.startswith("not Presidential Administration, Office of the Prime Minister (")
    assert "50" in lifted and "draft" in lifted  # the citation says the point is a draft
    meeting = forms.get("meeting-report")
    assert meeting is not None
    [row] = duty_rows(project, meeting, forms, texts)
    assert row.when.startswith("5 working days after «")
    owed, _, lifted = row.who.partition("; ")
    assert "Special state body" not in owed and "not Special state body (" in lifted


def test_an_internal_forms_public_example_holds_blanks_only() -> None:
    forms = real_forms()
    form = forms.get("event-report")
    assert form is not None
    public, blank = example_data(form, forms, PUBLIC)
    internal, full = example_data(form, forms, INTERNAL)
    assert blank and not full
    example = forms.schemas[form.schema_file]["examples"][0]
    assert internal == example
    texts = _strings(public)
    assert set(texts) <= {form.kind, str(example["body"]), str(example["period"]),
                          example[form.date_field]}  # fmt: skip


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)] if value not in ("", None) else []


@pytest.mark.browser
@pytest.mark.slow
def test_the_example_is_the_readers_body_and_period_with_a_copy_button(
    browser: Any, site_url: str
) -> None:
    import datetime as dt

    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(site_url + f"en/forms/{KIND}/", wait_until="networkidle")
        period = dt.date.today().year - 1  # reports due in January: the year just ended
        assert page.input_value("[data-tr-example-period]") == str(period)
        page.select_option("[data-tr-example-body]", "energy")
        text = page.locator("[data-tr-example-text]").inner_text()
        lines = text.splitlines()
        assert lines[0] == f"# yaml-language-server: $schema=../../../schemas/{KIND}.schema.json"
        assert f"period: {period}" in lines and "body: energy" in lines
        assert f"  - date: '{period}-05-20'" in text  # the example's dates move with it
        path = f"submissions/{period}/energy/{KIND}.yaml"
        assert page.locator("[data-tr-example-path]").inner_text() == path
        assert (
            f"treaty new {KIND} --body energy --period {period}"
            in page.locator("[data-tr-command=new]").inner_text()
        )
        page.click("[data-tr-example-copy]")
        page.wait_for_function("document.querySelector('[data-tr-example-copied]').textContent")
        assert page.evaluate("navigator.clipboard.readText()") == text
        assert page.locator('a[href="new/"]').count() >= 1  # the web form
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_terms_are_labelled_as_the_repositorys_reading(lang: str) -> None:
    from generator.check.project import open_project
    from generator.site.pages.forms import duty_rows

    project = open_project(REPO_ROOT)
    forms = project.forms
    form = forms.get(KIND)
    assert form is not None
    texts = site_texts(lang)
    duties = duty_rows(project, form, forms, texts)
    page = form_page(form, forms, load_shared(REPO_ROOT), PUBLIC, texts, duties=duties)
    heading = f"## {texts('forms.duties')}"
    after = page[page.index(heading) + len(heading) :].lstrip()
    note = str(escape(texts("forms.duties_note")))  # the page escapes every text
    assert after.startswith(note)
    assert "registry/duties.yaml" in note
    without = form_page(form, forms, load_shared(REPO_ROOT), PUBLIC, texts)
    assert note not in without  # no duties, no note
