"""Dates in words, parties by name, and the language a text is shown in."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from generator.check.project import open_project
from generator.report.dates import dates_in_words, day_in_words, parse_day
from generator.report.document import Cell, TableBlock
from generator.report.labels import report_labels
from generator.report.parties import Parties, load_parties, parties_from_data
from generator.report.render.widths import (
    INSET,
    PORTRAIT_WIDTH,
    ZWSP,
    fit_cell,
    table_layout,
    text_width,
)
from testing.repo import REPO_ROOT
from tests.report.conftest import LANGS, Built, build
from tests.report.readback import docx_text, flat, pdf_text, squash

ISO = re.compile(r"(?<![\w/.-])\d{4}-\d{2}-\d{2}(?![\w/-])")


@pytest.mark.parametrize(
    "lang,words",
    [("ru", "27 июня 2025 года"), ("kk", "2025 жылғы 27 маусым"), ("en", "27 June 2025")],
)
def test_a_date_in_words(lang: str, words: str) -> None:
    t = report_labels(lang)
    assert day_in_words(dt.date(2025, 6, 27), t) == words
    assert dates_in_words("до 2025-06-27;", t) == f"до {words};"


def test_kazakh_inflects_a_date_before_its_noun() -> None:
    day = dt.date(2026, 2, 6)
    assert day_in_words(day, report_labels("kk"), attributive=True) == "2026 жылғы 6 ақпандағы"
    assert day_in_words(day, report_labels("ru"), attributive=True) == "6 февраля 2026 года"


def test_dates_inside_file_names_and_bad_dates_stay() -> None:
    t = report_labels("ru")
    for text in ("2025-06-17-h1-official-position.yaml", "mfa/2025-03-28.pdf", "2025-13-45"):
        assert dates_in_words(text, t) == text
    assert parse_day("2025-02-30") is None and parse_day("2025-02-28") == dt.date(2025, 2, 28)


def test_no_iso_date_in_the_prose_or_tables_of_the_pdfs_and_docx(
    drafts: dict[str, Built],
) -> None:
    for lang in LANGS:
        for text in (pdf_text(drafts[lang].path("pdf")), docx_text(drafts[lang].path("docx"))):
            assert ISO.findall(text) == [], lang
        assert day_in_words(dt.date(2026, 2, 1), report_labels(lang)) in pdf_text(
            drafts[lang].path("pdf")
        )


def test_open_data_keeps_iso_dates(kk_report: Built) -> None:
    data = kk_report.json()
    assert data["report"]["as_of"] == "2026-02-01"
    assert ISO.search(kk_report.path("csv").read_text(encoding="utf-8"))


def test_parties_are_named_by_the_registers() -> None:
    parties = load_parties(REPO_ROOT)
    assert parties.name("RU", "ru") == "Россия" and parties.name("RU", "kk") == "Ресей"
    assert parties.name("KG", "ru") == "Кыргызстан"  # registry/parties.yaml overrides CLDR
    assert parties.name("KG", "kk") == "Қырғызстан"  # CLDR's own
    assert parties.name("WHO", "en") == "World Health Organization"
    assert parties.name("XYZ", "ru") is None and parties.names(("XYZ",), "ru") == "XYZ"
    assert parties_from_data("not a register") == Parties()


def test_no_party_code_where_a_name_is_known(drafts: dict[str, Built]) -> None:
    project = open_project(REPO_ROOT)
    parties = load_parties(REPO_ROOT)
    codes = {c for t in project.registry.treaties.values() for c in t.parties}
    assert codes and all(parties.name(c, lang) for c in codes for lang in LANGS)
    for lang in LANGS:
        label = report_labels(lang)("treaty_facts").split("{parties}")[0].rsplit(". ", 1)[-1]
        text = pdf_text(drafts[lang].path("pdf"))
        shown = re.findall(re.escape(label.strip()) + r"\s*(.*?)\.\s", text)
        assert shown, lang
        for segment in shown:
            assert not {item.strip() for item in segment.split(",")} & codes, (lang, segment)
        for treaty in project.registry.treaties.values():
            if squash(treaty.title.get(lang)) in squash(text):
                assert squash(parties.names(treaty.parties, lang)) in squash(text), treaty.id


def test_the_english_edition_says_once_what_is_not_translated(
    demo_repo: Path, epoch: str, tmp_path: Path
) -> None:
    out = tmp_path / "en.md"
    assert build(demo_repo, out, "md", lang="en") == 0
    text = flat(out.read_text(encoding="utf-8")).replace("\\", "")
    head = report_labels("en")("note_untranslated").split(":")[0]
    assert text.count(head) == 1
    assert text.index(head) < text.index(report_labels("en")("section_1"))
    assert text.count("(kk)") > 10
    kk = tmp_path / "kk.json"
    assert build(demo_repo, kk, "json", lang="en") == 0
    assert "(kk)" not in json.dumps(json.loads(kk.read_text(encoding="utf-8")))


def test_a_column_is_never_narrower_than_its_longest_header_word() -> None:
    header = ("Мемлекеттік орган", "Шарттар", "Жазбалар", "Орындалды", "Орындалуда", "Жоқ")
    rows = ((Cell("Қазақстан Республикасының Энергетика министрлігі " * 3), *[Cell("1")] * 5),)
    layout = table_layout(TableBlock("", header, rows), PORTRAIT_WIDTH)
    assert abs(sum(layout.shares) - 1) < 1e-9
    for i, head in enumerate(header):
        longest = max(text_width(w, bold=True) for w in head.split())
        assert layout.widths[i] >= longest + INSET, head


def test_a_word_wider_than_its_column_gets_break_points() -> None:
    path = "submissions/2025/mfa/official-positions/2025-06-17-h1-official-position.yaml"
    block = TableBlock("", ("Файл", "Мәтін"), ((Cell(path), Cell("қысқа " * 80)),))
    layout = table_layout(block, PORTRAIT_WIDTH)
    fitted = fit_cell(path, layout, 0)
    assert fitted.replace(ZWSP, "") == path and ZWSP in fitted
    assert all(text_width(p) + INSET <= layout.widths[0] for p in fitted.split(ZWSP))
