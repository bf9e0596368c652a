"""Site pages for the Rules."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.law.messages import LawCatalogue, load_catalogue
from generator.law.model import Law
from generator.law.pages import build_pages
from tests.law.helpers import unescape_md


def test_pages_cover_editions_timeline_and_history(law: Law, en: LawCatalogue) -> None:
    pages = build_pages(law, en, dt.date(2026, 1, 1))
    assert {"rules/index.md", "rules/in-force/index.md", "rules/timeline.md"} <= set(pages)
    assert "rules/resolution-1144-2015/index.md" in pages
    assert "rules/history/rules.p46.md" in pages
    assert "{ #p-41 }" in pages["rules/in-force/index.md"]
    assert "{ #p-46 }" not in pages["rules/in-force/index.md"]
    assert "{ #p-46 }" in pages["rules/resolution-1144-2015/index.md"]
    assert '!!! warning "Pending changes"' in pages["rules/index.md"]


def test_history_pages_use_html_redlines(law: Law, en: LawCatalogue) -> None:
    page = build_pages(law, en, dt.date(2026, 1, 1))["rules/history/rules.title.md"]
    assert "<del>және</del>" in page
    assert "<ins>және Қазақстан" in page


def test_timeline_links_every_act_to_its_page(law: Law) -> None:
    pages = build_pages(law, load_catalogue("kk"), dt.date(2026, 1, 1))
    for act in law.acts:
        assert f"(acts/{act.id}.md)" in pages["rules/timeline.md"]
        assert f"rules/acts/{act.id}.md" in pages
    assert (
        "2013 (нақты күні белгісіз; 2013-12-31 бастап есептеледі, бұл болжам)"
        in (pages["rules/timeline.md"])
    )


def test_the_act_page_shows_the_act_itself_verbatim_in_order(law: Law, en: LawCatalogue) -> None:
    page = unescape_md(
        build_pages(law, en, dt.date(2026, 1, 1))["rules/acts/resolution-1144-2015.md"]
    )
    seed = law.act("resolution-1144-2015")
    position = 0
    for part in seed.body_parts():
        found = page.find(part, position)
        assert found >= 0, f"not on the act page, or out of order: {part[:60]}"
        position = found + len(part)
    for clause in (
        "Қазақстан Республикасының Президенті Жарлығының жобасы Қазақстан Республикасы "
        "Президентінің қарауына енгізілсін.",
        "Премьер-Министрі К. Мәсімов",
        "2. Осы Жарлық қол қойылған күннен бастап қолданысқа енгізіледі.",
        "Президенті Н.Назарбаев",
        "> «Қазақстан Республикасының дипломатиялық қызметі туралы» 2002",
    ):
        assert clause in page
    assert '!!! warning "Draft, not in force"' in page
    assert "<https://adilet.zan.kz/kaz/docs/P1500001144/compare/rus>" in page


def test_an_act_without_text_says_not_available_and_where_to_read_it(
    law: Law, en: LawCatalogue
) -> None:
    pages = build_pages(law, en, dt.date(2026, 1, 1))
    base = pages["rules/acts/decree-1037-2010.md"]
    assert "The text of this act is not available here." in base
    assert "<https://adilet.zan.kz/eng/docs/U100001037_/compare/kaz>" in base
    assert "Point 1, Point 3, Point 6," in base and "Point 41" in base
    assert "Point 2," not in base.split("## Not available here")[1]
    assert "The Annex forms of the Rules (Annexes 1–6) are not available here either." in base
    for act_id in ("amendment-2013", "decree-195-2023"):
        page = pages[f"rules/acts/{act_id}.md"]
        assert "The text of this act is not available here." in page
        assert "is not known here." in page and "adilet.zan.kz/" not in page.split("Notes")[0]
    for act_id in ("decree-23-2015", "decree-786-2022"):
        assert "https://adilet.zan.kz/rus/docs/U" in pages[f"rules/acts/{act_id}.md"]


def test_a_text_not_held_links_to_its_act_page_on_the_site(law: Law, en: LawCatalogue) -> None:
    page = build_pages(law, en, dt.date(2026, 1, 1))["rules/in-force/index.md"]
    point_3 = page[page.index("### Point 3 ") : page.index("### Point 4 ")]
    assert "[About this act](../acts/decree-1037-2010.md)" in point_3
    assert "<https://adilet.zan.kz/eng/docs/U100001037_/compare/kaz>" in point_3


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("en", "Text on 2015-12-31, after Government Resolution No. 1144 of 2015-12-31 (draft, "),
        ("kk", "2015-12-31 күнгі мәтін, 2015-12-31 № 1144 Үкімет қаулысынан кейін (жоба, "),
        (
            "ru",
            "Текст на 2015-12-31, после акта: Постановление Правительства № 1144 от 2015-12-31"
            " (проект, ",
        ),
    ],
)
def test_the_draft_edition_is_marked_as_a_draft_in_the_edition_list(
    law: Law, lang: str, label: str
) -> None:
    index = build_pages(law, load_catalogue(lang), dt.date(2026, 1, 1))["rules/index.md"]
    assert f"- [{label}" in index
    assert "қаулысы кейін" not in index


def test_pages_render_with_admonition_and_attr_list(law: Law, en: LawCatalogue) -> None:
    markdown = pytest.importorskip("markdown")
    pages = build_pages(law, en, dt.date(2026, 1, 1))
    extensions = ["admonition", "attr_list"]
    html = markdown.markdown(pages["rules/resolution-1144-2015/index.md"], extensions=extensions)
    assert 'id="p-46"' in html
    assert "<p>46. Орталық мемлекеттік органдар:</p>" in html
    assert "<ol" not in html  # "42." must not become a numbered list
    html = markdown.markdown(pages["rules/in-force/index.md"], extensions=extensions)
    assert 'class="admonition warning"' in html
