"""The report as an official document: draft and final, the covering letter, attachments."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import docx
import yaml
from pypdf import PdfReader

from generator.report.labels import report_labels
from testing.repo import REPO_ROOT
from tests.report.conftest import DEMO_PERIOD, LANGS, Built, build
from tests.report.layout import rotated_text
from tests.report.readback import docx_text, flat, pdf_text, squash

MFA = f"submissions/{DEMO_PERIOD}/mfa/assessment.yaml"
COPY = f"submissions/{DEMO_PERIOD}/mfa/recommendations/2025-03-28-upr-recommendations.pdf"
TEXTPATH = re.compile(r'<v:textpath [^>]*string="([^"]*)"')


def _edit_mfa(repo: Path, change: Any) -> None:
    data = yaml.safe_load((repo / MFA).read_text(encoding="utf-8"))
    change(data)
    (repo / MFA).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _placeholders(lang: str) -> list[str]:
    """Every text the report shows for a part the MFA has not written."""
    t = report_labels(lang)
    keys = [k for k in t.labels if k.startswith(("placeholder_", "letter_no_"))]
    keys += ["copy_missing", "copy_unreadable"]
    return [flat(t(k, part="", section="", title="")).split(":")[0] for k in keys]


def _header_marks(path: Path) -> list[list[str]]:
    """Per section, the watermark words of its default and first-page headers."""
    document = docx.Document(str(path))
    found = []
    for section in document.sections:
        xml = [h._element.xml for h in (section.header, section.first_page_header)]
        found.append([m for x in xml for m in TEXTPATH.findall(x)])
    return found


def test_final_refuses_naming_what_is_missing(
    repo_copy: Path, epoch: str, tmp_path: Path, capsys: Any
) -> None:
    def strip(data: dict[str, Any]) -> None:
        del data["commentary"]["IV"], data["signatory"], data["outgoing"]

    _edit_mfa(repo_copy, strip)
    (repo_copy / COPY).write_bytes(b"not a PDF")
    out = tmp_path / "final.pdf"
    assert build(repo_copy, out, "pdf", "--final", lang="ru") == 1
    assert not out.exists()
    err = flat(capsys.readouterr().err)
    t = report_labels("ru")
    assert MFA in err
    for key, detail in (
        ("outgoing_number", ""),
        ("outgoing_date", ""),
        ("signatory", ""),
        ("commentary", "IV"),
        ("attachment_unreadable", COPY),
    ):
        assert flat(t(f"missing.{key}", detail=detail)) in err, key
    assert flat(t("missing.commentary", detail="II")) not in err
    assert flat(t("missing.assessment")) not in err
    assert flat(t("missing.invalid", detail=MFA)) not in err


def test_final_names_why_the_mfa_file_was_left_out(
    repo_copy: Path, epoch: str, tmp_path: Path, capsys: Any
) -> None:
    (repo_copy / COPY).unlink()  # treaty validate: the attachment is not in the repository
    assert build(repo_copy, tmp_path / "final.docx", "docx", "--final", lang="kk") == 1
    err = flat(capsys.readouterr().err)
    t = report_labels("kk")
    assert flat(t("missing.invalid", detail=MFA)) in err
    assert "TR316" in err and flat(t("missing.assessment")) in err


def test_a_draft_marks_what_is_missing_where_it_belongs(
    repo_copy: Path, epoch: str, tmp_path: Path
) -> None:
    _edit_mfa(repo_copy, lambda d: (d.pop("signatory"), d["commentary"].pop("IV")))
    (repo_copy / COPY).write_bytes(b"not a PDF")
    out = tmp_path / "draft.md"
    assert build(repo_copy, out, "md", lang="en") == 0
    text = flat(out.read_text(encoding="utf-8")).replace("\\", "")
    t = report_labels("en")
    assert flat(t("placeholder_signatory")) in text
    assert flat(t("placeholder_commentary", section="IV")) in text
    assert flat(t("copy_unreadable")) in text
    assert "upr-recommendations.pdf" not in text  # a bad copy is a problem, not a path


def test_the_final_document_has_no_placeholder_and_no_watermark(
    finals: dict[str, Built],
) -> None:
    for lang in LANGS:
        built = finals[lang]
        pdf, docx_file = built.path("pdf"), built.path("docx")
        texts = (squash(pdf_text(pdf)), squash(docx_text(docx_file)))
        for mark in _placeholders(lang):
            assert all(squash(mark) not in text for text in texts), (lang, mark)
        assert set(rotated_text(pdf)) == {""}, lang
        assert all(marks == [] for marks in _header_marks(docx_file)), lang


def test_every_page_of_a_draft_carries_the_watermark(drafts: dict[str, Built]) -> None:
    for lang in LANGS:
        word = report_labels(lang)("watermark")
        pages = rotated_text(drafts[lang].path("pdf"))
        assert len(pages) > 10 and all(p == word for p in pages), (lang, set(pages))
        marks = _header_marks(drafts[lang].path("docx"))
        assert len(marks) >= 3 and all(m == [word, word] for m in marks), (lang, marks)
    assert {report_labels(x)("watermark") for x in LANGS} == {"ЖОБА", "ПРОЕКТ", "DRAFT"}


def test_the_letter_carries_number_date_addressee_signatory_and_attachments(
    finals: dict[str, Built],
) -> None:
    t = report_labels("ru")
    built = finals["ru"]
    reader = PdfReader(str(built.path("pdf")))
    first = squash(reader.pages[0].extract_text())
    docx_first = squash(docx_text(built.path("docx")))
    for needed in (
        "12-1-2/0000-demo",
        "6 февраля 2026 года",
        t("letter_addressee"),
        "Заместитель министра иностранных дел",
        "Б. Демонстрационный",
        t("attachments_heading"),
        t("note_default_forms"),
    ):
        assert squash(needed) in first, needed
        assert squash(needed) in docx_first, needed
    report_pages = len(reader.pages) - 1  # the letter is page 1; the report is numbered 1…
    assert squash(f"на {report_pages} л.") in first
    copy_pages = len(PdfReader(str(REPO_ROOT / COPY)).pages)
    assert squash(f"на {copy_pages} л.") in first
    assert squash(t("notice_default_forms")) not in squash(pdf_text(built.path("pdf")))


def test_docx_counts_the_report_pages_with_a_field(finals: dict[str, Built]) -> None:
    xml = docx.Document(str(finals["kk"].path("docx"))).element.xml
    assert "PAGEREF tr_end" in xml and 'w:name="tr_end"' in xml
    assert '<w:pgNumType w:start="1"/>' in xml


def test_attach_appends_the_copies_with_bookmarks(
    demo_repo: Path, epoch: str, tmp_path: Path
) -> None:
    plain, attached, again = (tmp_path / f"{n}.pdf" for n in ("plain", "attached", "again"))
    assert build(demo_repo, plain, "pdf", lang="kk") == 0
    assert build(demo_repo, attached, "pdf", "--attach", lang="kk") == 0
    assert build(demo_repo, again, "pdf", "--attach", lang="kk") == 0
    copy = PdfReader(str(REPO_ROOT / COPY))
    reader = PdfReader(str(attached))
    assert len(reader.pages) == len(PdfReader(str(plain)).pages) + len(copy.pages)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert any(str(title).startswith("2. ") for title in titles), titles
    assert rotated_text(attached)[-1] == report_labels("kk")("watermark")
    assert attached.read_bytes() == again.read_bytes()


def test_attach_is_refused_for_open_data(demo_repo: Path, tmp_path: Path) -> None:
    assert build(demo_repo, tmp_path / "r.csv", "csv", "--attach") == 2
