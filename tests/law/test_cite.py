"""Citations of points of the Rules, with the status the law data gives them."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.law.cite import cite_chapter, cite_point, cite_range
from generator.law.load import load_law
from generator.law.messages import load_catalogue
from generator.law.model import Law

ADOPTION_EMPTY = "  act: null\n  number: null\n  date: null\n  entry_into_force: null\n"
ADOPTION_FILLED = (
    "  act: presidential-decree\n  number: '999'\n  date: '2016-02-01'\n"
    "  entry_into_force: '2016-02-02'\n"
)


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("en", "Rules p. 2.1, draft of 31.12.2015"),
        ("kk", "Қағидалар, 2-тармақтың 1) тармақшасы, 31.12.2015 жобасы"),
        ("ru", "Правила, подп. 1) п. 2, проект от 31.12.2015"),
    ],
)
def test_a_point_given_only_by_the_draft_is_cited_as_the_draft(lang: str, label: str) -> None:
    citation = cite_point("2.1", load_catalogue(lang))
    assert citation.label == label
    assert citation.is_draft and citation.draft_act == "resolution-1144-2015"


@pytest.mark.parametrize("ref", ["2", "2.2", "4", "5", "42", "44", "45", "46", "48", "49", "50"])
def test_new_points_2_4_5_and_chapter_6_are_drafts(ref: str) -> None:
    assert cite_point(ref, load_catalogue("en")).label.endswith(", draft of 31.12.2015")


@pytest.mark.parametrize(("lang", "label"), [("en", "Rules p. 3"), ("kk", "Қағидалар, 3-т.")])
def test_a_point_set_by_the_base_act_carries_no_draft_label(lang: str, label: str) -> None:
    citation = cite_point("3", load_catalogue(lang))
    assert citation.label == label and not citation.is_draft


def test_a_draft_point_links_to_the_draft_edition_which_holds_its_wording() -> None:
    citation = cite_point("2.1", load_catalogue("en"))
    assert citation.anchor == "p-2"
    assert citation.url == "rules/resolution-1144-2015/#p-2"
    assert cite_point("3", load_catalogue("en")).url == "rules/in-force/#p-3"
    assert cite_point("46", load_catalogue("en"), edition="in-force").url == (
        "rules/in-force/#p-46"
    )


def test_once_the_adoption_is_recorded_the_draft_label_goes(law_copy: Path) -> None:
    path = law_copy / "acts" / "2015-12-31-resolution-1144.yaml"
    text = path.read_text(encoding="utf-8")
    assert ADOPTION_EMPTY in text
    path.write_text(text.replace(ADOPTION_EMPTY, ADOPTION_FILLED), encoding="utf-8")
    adopted = load_law(law_copy)
    citation = cite_point("46", load_catalogue("en"), adopted)
    assert citation.label == "Rules p. 46" and not citation.is_draft
    assert citation.url == "rules/in-force/#p-46"


def test_ranges_and_chapters_carry_the_label(law: Law) -> None:
    en = load_catalogue("en")
    assert cite_range("44", "49", en, law).label == "Rules pp. 44–49, draft of 31.12.2015"
    assert cite_range("6", "9", en, law).label == "Rules pp. 6–9"
    chapter = cite_chapter("6", load_catalogue("ru"), law)
    assert chapter.label == "Правила, глава 6, проект от 31.12.2015"
    assert chapter.url == "rules/resolution-1144-2015/#ch-6"
    assert not cite_chapter("1", en, law).is_draft


@pytest.mark.parametrize("ref", ["", "0", "2.", "p46", "2.1.3"])
def test_bad_refs(ref: str) -> None:
    with pytest.raises(ValueError, match="not a point"):
        cite_point(ref, load_catalogue("en"))
