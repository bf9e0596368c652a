"""The forms reference speaks the page's language: field descriptions and value labels."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.errors import ConfigurationError
from generator.forms import FormSet, load_forms
from generator.site.edition import INTERNAL, PUBLIC
from generator.site.fields import field_docs
from generator.site.pages.forms import (
    SHARED_FILE,
    SharedDescriptions,
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
