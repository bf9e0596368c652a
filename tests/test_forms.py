"""Forms as data: every form names itself fully and briefly, in three languages."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from generator.check.project import open_project
from generator.deadlines.duties import load_duties
from generator.errors import ConfigurationError
from generator.forms import load_forms
from generator.law.cite import repository_law
from generator.law.consolidate import timeline
from generator.model import LANGUAGES
from testing.repo import REPO_ROOT, make_repo


def test_every_form_has_a_short_title_in_every_language() -> None:
    for form in load_forms(REPO_ROOT):
        assert form.short_title is not None, form.kind
        for lang in LANGUAGES:
            assert form.short_title.has(lang), (form.kind, lang)
            assert len(form.short(lang)) <= len(form.title.get(lang)), (form.kind, lang)


def test_short_falls_back_to_the_title() -> None:
    form = next(iter(load_forms(REPO_ROOT)))
    bare = dataclasses.replace(form, short_title=None)
    assert bare.short("kk") == form.title.get("kk")


def test_a_broken_form_description_names_its_file_line_and_column(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    (root / "schemas" / "forms" / "treaties-in-force.yaml").write_text(
        "schema: treaties-in-force.schema.json\ntitle: [kk\n", encoding="utf-8"
    )
    with pytest.raises(ConfigurationError, match=r"schemas/forms/treaties-in-force\.yaml:\d+:\d+"):
        load_forms(root)


def test_a_broken_duties_file_names_its_line_and_column(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    (root / "registry" / "duties.yaml").write_text("calendar:\n  country: 'KZ\n", "utf-8")
    with pytest.raises(ConfigurationError, match=r"registry/duties\.yaml:\d+:\d+"):
        load_duties(open_project(root))


# A bare citation in a form's plain-language help ("point 46 of the Rules") would carry no
# status; the Rules are cited by the quotation block instead (rules_quote, with cite_point).
BARE_CITATION = re.compile(
    r"\b(?:points?|p\.|пункт\w*|п\.)\s*\d|\d+(?:\.\d+)?-(?:тармақ|т\.|тарау)", re.IGNORECASE
)


def _newest_wording(point: str) -> tuple[str, ...]:
    law = repository_law()
    wordings = [w for w in timeline(law, f"rules.p{point}", True) if w.paragraphs]
    assert wordings, f"point {point}: no wording held"
    paragraphs = wordings[-1].paragraphs
    assert paragraphs is not None
    return paragraphs


def test_every_form_quotes_the_rules_verbatim_from_the_law_data() -> None:
    for form in load_forms(REPO_ROOT):
        assert form.quotes, f"{form.kind}: no rules_quote"
        assert form.quotes[0].point == form.rule.split(".")[0], form.kind
        for quote in form.quotes:
            held = _newest_wording(quote.point)
            for paragraph in quote.paragraphs:
                assert paragraph in held, f"{form.kind}: not the Rules' words: {paragraph[:60]}"


def test_plain_language_help_cites_no_bare_point() -> None:
    for form in load_forms(REPO_ROOT):
        for lang in LANGUAGES:
            found = BARE_CITATION.findall(form.description.get(lang))
            assert found == [], (form.kind, lang, found)


def test_the_commission_is_not_named_and_exempt_labels_follow_the_rules() -> None:
    forms = load_forms(REPO_ROOT)
    notice = forms.get("correspondence-notice")
    assert notice is not None
    assert "Eurasian Economic Commission are not covered" not in notice.description.get("en")
    assert "Комиссиямен" in notice.description.get("kk")
    assert "Комиссиямен" in " ".join(notice.quotes[0].paragraphs)  # the Rules' own word
    label = forms.value_label("domain", "operational-search", "en")
    assert label == "Information of an operational-search and investigative nature"
    position = forms.get("official-position")
    assert position is not None and "20-нан кешіктірмей" in position.description.get("kk")
    assert "20-сына дейін" not in position.description.get("kk")
    for form in forms:
        assert "responsible" not in form.description.get("en"), form.kind
