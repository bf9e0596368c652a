"""Forms as data: every form names itself fully and briefly, in three languages."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.check.project import open_project
from generator.deadlines.duties import load_duties
from generator.errors import ConfigurationError
from generator.forms import load_forms
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
