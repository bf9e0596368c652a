"""Reports of the demo period build in kk, ru and en, with labels from the catalogues."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.escape import pandoc_escape
from generator.report.labels import report_labels
from tests.report.conftest import build_all
from tests.report.readback import docx_text, flat


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_report_builds_in_each_language(
    lang: str, demo_repo: Path, epoch: str, tmp_path: Path
) -> None:
    built = build_all(demo_repo, tmp_path, lang, ("md", "html", "docx", "json"))
    labels = report_labels(lang)
    md = flat(built.path("md").read_text(encoding="utf-8"))
    for key in ("section_1", "section_2", "section_3", "section_4", "section_5", "totals"):
        assert pandoc_escape(labels(key)) in md
    assert f'<html lang="{lang}">' in built.path("html").read_text(encoding="utf-8")
    assert flat(labels("section_2")) in docx_text(built.path("docx"))
    assert built.json()["report"]["lang"] == lang


def test_the_languages_differ(demo_repo: Path, epoch: str, tmp_path: Path) -> None:
    kk = build_all(demo_repo, tmp_path / "kk", "kk", ("md",)).path("md").read_text("utf-8")
    en = build_all(demo_repo, tmp_path / "en", "en", ("md",)).path("md").read_text("utf-8")
    assert report_labels("en")("section_1") in en and report_labels("en")("section_1") not in kk
