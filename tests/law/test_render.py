"""Markdown and JSON rendering of consolidated texts."""

from __future__ import annotations

import datetime as dt

from generator.escape import md_escape
from generator.law.consolidate import consolidate
from generator.law.jsondata import show_json
from generator.law.messages import LawCatalogue
from generator.law.model import Law
from generator.law.render import show_markdown


def test_md_escape() -> None:
    assert md_escape("42. Орталық") == "42\\. Орталық"
    assert md_escape("1) осы") == "1\\) осы"
    assert md_escape("a *b* <c> & [d]") == "a \\*b\\* &lt;c&gt; &amp; \\[d\\]"
    assert md_escape("бұдан әрі - СІМ") == "бұдан әрі - СІМ"


def test_site_markdown_has_point_anchors(law: Law, en: LawCatalogue) -> None:
    text = show_markdown(consolidate(law, dt.date(2026, 1, 1), True), law, en, anchors=True)
    assert "### Point 46 { #p-46 }" in text
    assert "### Point 1 { #decree-p-1 }" in text
    assert "### Chapter 6 { #ch-6 }" in text


def test_pending_box_is_an_admonition(law: Law, en: LawCatalogue) -> None:
    text = show_markdown(consolidate(law, dt.date(2026, 1, 1)), law, en)
    block = text[text.index('!!! warning "Pending changes"') :]
    assert block.split("\n")[2].startswith("    Government Resolution No. 1144")


def test_json_is_plain_data(law: Law, en: LawCatalogue) -> None:
    data = show_json(consolidate(law, dt.date(2026, 1, 1)), law, en)
    assert data["pending_drafts"][0]["id"] == "resolution-1144-2015"
    assert all(p["in_force"]["from"] or p["in_force"]["attested_on"] for p in data["provisions"])
