"""Every problem code speaks kk, ru and en, and the three catalogues agree."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.codes import CODES
from generator.i18n import catalogue, fill
from generator.problems import Problem, Severity
from testing.catalogues import LANGS, gaps, placeholders
from testing.repo import real_forms

CATALOGUES = Path(__file__).resolve().parents[1] / "generator" / "catalogues"


def _load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((CATALOGUES / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _main() -> dict[str, dict[str, Any]]:
    return {lang: _load(f"{lang}.yaml") for lang in LANGS}


def _areas() -> list[str]:
    return sorted({p.name.split(".")[0] for p in CATALOGUES.glob("*.*.yaml")})


def test_every_code_has_message_and_hint_in_every_language() -> None:
    assert gaps(_main(), CODES) == []


@pytest.mark.parametrize("area", _areas())
def test_area_catalogues_agree_across_languages(area: str) -> None:
    assert gaps({lang: _load(f"{area}.{lang}.yaml") for lang in LANGS}) == []


def test_no_catalogue_entry_for_a_code_that_does_not_exist() -> None:
    for lang, data in _main().items():
        assert set(data["problems"]) - set(CODES) == set(), lang


def test_an_incomplete_catalogue_is_caught() -> None:
    broken = copy.deepcopy(_main())
    del broken["ru"]["problems"]["TR201"]["hint"]
    broken["en"]["problems"]["TR303"]["message"] = "The treaty is unknown."
    del broken["kk"]["labels"]["summary"]
    found = gaps(broken, CODES)
    assert "ru: problems.TR201.hint is missing" in found
    assert any(item.startswith("problems.TR303.message: placeholders differ") for item in found)
    assert "kk: labels.summary is missing" in found


def test_a_missing_code_is_caught() -> None:
    assert "kk: problems.TR999.message is missing" in gaps(_main(), [*CODES, "TR999"])


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_fills_without_leftover_braces(lang: str) -> None:
    cat = catalogue(lang)
    for code, entry in cat.problems.items():
        for part in ("message", "hint"):
            text = entry[part]
            filled = fill(text, {n: "X" for n in placeholders(text)})
            assert "{" not in filled, (code, part)


def test_localize_uses_field_labels_and_path_error_details() -> None:
    forms = real_forms()
    en = catalogue("en")
    missing = Problem("f.yaml", 1, 1, "$", "TR201", Severity.ERROR, {"field": "annex1"})
    assert "«Implementation of treaties in force» (annex1)" in en.localize(missing, forms).message
    path = Problem("f.yaml", 1, 1, "$", "TR006", Severity.ERROR, {"detail": "unknown-kind"})
    assert "no annual form has this file name" in en.localize(path, forms).message
    kk = catalogue("kk").localize(path, forms)
    assert kk.message != en.localize(path, forms).message and kk.hint


def test_every_detail_key_the_checks_give_has_words_in_every_language() -> None:
    """Syntax and type details are catalogue keys; a key with no words would show raw."""
    from generator.check.explain import _SHAPES
    from generator.i18n import catalogue
    from generator.load.yamlsafe import _SYNTAX_DETAILS

    keys = {key for _, key in _SYNTAX_DETAILS} | {"yaml-quote", "yaml-quote-here", "yaml-other"}
    keys |= {f"type-{name}" for name in _SHAPES} | {"type-text", "type-other"}
    for lang in ("kk", "ru", "en"):
        missing = keys - set(catalogue(lang).path_errors)
        assert not missing, (lang, sorted(missing))
