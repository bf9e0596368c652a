"""Forms as data: every form names itself fully and briefly, in three languages."""

from __future__ import annotations

import dataclasses

from generator.forms import load_forms
from generator.model import LANGUAGES
from testing.repo import REPO_ROOT


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
