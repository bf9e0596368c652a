"""Site pages for the Rules."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.law.messages import LawCatalogue, load_catalogue
from generator.law.model import Law
from generator.law.pages import build_pages


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


def test_timeline_lists_every_act(law: Law) -> None:
    page = build_pages(law, load_catalogue("kk"), dt.date(2026, 1, 1))["rules/timeline.md"]
    for act in law.acts:
        assert f"(#{act.id})" in page


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
