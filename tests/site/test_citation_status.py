"""Every citation of a draft provision carries the draft label, in every output (issue 13).

The outputs are rendered for real: the built site (public and internal editions, every
language), the Annex 6 report (both editions, every language, Markdown and HTML) and the
iCalendar files. The PR comment is checked in tests/workflows/test_pr_check.py. The
Rules pages themselves are the law's text (each provision marked as a draft there, tested in
tests/law), so they are left out, as are the quotation blocks of the form pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli.main import main
from generator.law.cite import cite_chapter, cite_point
from generator.law.messages import load_catalogue
from testing.citations import DRAFT_LABEL, Found, draft_citations, draft_numbers, plain_text
from tests.site.conftest import AS_OF, Built

pytestmark = pytest.mark.slow
LANG_DIRS = {"kk": "", "ru": "ru/", "en": "en/"}


def _lang_of(rel: str) -> str:
    return next((lang for lang, d in LANG_DIRS.items() if d and rel.startswith(d)), "kk")


def _site(folder: Path) -> list[Found]:
    found = []
    for page in sorted(folder.rglob("*.html")):
        rel = page.relative_to(folder).as_posix()
        lang = _lang_of(rel)
        if rel.removeprefix(LANG_DIRS[lang]).startswith(("rules/", "assets/", "search/")):
            continue
        found += draft_citations(plain_text(page.read_text(encoding="utf-8")), lang, rel)
    return found


def _unfold(ics: str) -> str:
    """iCalendar text as plain text: lines unfolded (RFC 5545 3.1), escapes undone."""
    text = ics.replace("\r\n ", "").replace("\r\n", "\n")
    return text.replace("\\n", " ").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")


def _assert_all_labelled(found: list[Found]) -> None:
    bare = [f"{f.where}: …{f.text}…" for f in found if not f.labelled]
    assert bare == [], "\n".join(bare)


def test_the_draft_provisions_are_those_the_issue_names() -> None:
    points, chapters = draft_numbers()
    assert points == {"2", "4", "5", *map(str, range(42, 51))}
    assert chapters == {"6"}
    for lang, label in DRAFT_LABEL.items():  # the scanner's labels are the citations' own
        assert cite_point("46", load_catalogue(lang)).label.endswith(label)
        assert cite_chapter("6", load_catalogue(lang)).label.endswith(label)


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_every_draft_citation_on_the_site_carries_the_label(built: Built, edition: str) -> None:
    found = _site(built.public if edition == "public" else built.internal)
    _assert_all_labelled(found)
    for lang, folder in LANG_DIRS.items():  # the test sees citations in every language
        assert any(f.where.startswith(folder) and _lang_of(f.where) == lang for f in found), lang
    cited = {f.text for f in found}
    assert any("2.1" in t or "2-тармақтың 1)" in t or "подп. 1) п. 2" in t for t in cited)
    if edition == "internal":  # chapter 6 forms (46, 48, 49 …) are internal
        assert any("46" in t for t in cited)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_draft_citation_in_the_report_carries_the_label(
    built: Built, tmp_path: Path, lang: str
) -> None:
    found: list[Found] = []
    for edition in ("public", "internal"):
        for fmt in ("md", "html"):
            out = tmp_path / f"{edition}.{fmt}"
            args = ["report", "--repo", str(built.repo), "--period", "2025", "--format", fmt]
            args += ["--edition", edition, "--lang", lang, "--as-of", AS_OF.isoformat()]
            assert main([*args, "-o", str(out)]) == 0
            text = out.read_text(encoding="utf-8")
            text = plain_text(text) if fmt == "html" else " ".join(text.split())
            found += draft_citations(text.replace("\\", ""), lang, f"report {edition}.{fmt}")
    _assert_all_labelled(found)
    assert any(f.where == "report public.md" for f in found)  # point 4, the report's basis
    assert any("internal" in f.where and "44" in f.text for f in found)  # chapter 6's points


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_draft_citation_in_the_calendars_carries_the_label(
    built: Built, tmp_path: Path, lang: str
) -> None:
    folder = tmp_path / "ics"
    args = ["status", "--repo", str(built.repo), "--as-of", AS_OF.isoformat(), "--lang", lang]
    assert main([*args, "--ics", str(folder)]) == 0
    found: list[Found] = []
    for path in sorted(folder.glob("*.ics")):
        found += draft_citations(_unfold(path.read_bytes().decode("utf-8")), lang, path.name)
    _assert_all_labelled(found)
    assert len({f.where for f in found}) > 3  # many bodies' calendars cite the Rules
    assert any("2.1" in f.text or "2-тармақтың 1)" in f.text or "п. 2" in f.text for f in found)
