"""Escaping of everything a ministry wrote, in GitHub Markdown."""

from __future__ import annotations

from generator.escape import gfm_code as code
from generator.escape import gfm_escape as md


def test_md_neutralises_html_links_tables_and_mentions() -> None:
    out = str(md("<b>x</b> [link](http://e.x) | @team\n# heading"))
    assert "<b>" not in out and "&lt;b&gt;" in out
    assert "\\[link\\]" in out and "\\|" in out
    assert "@team" not in out and "\n" not in out


def test_md_escapes_a_leading_heading_mark() -> None:
    assert str(md("# not a heading")).startswith("\\#")


def test_code_cannot_break_out() -> None:
    assert str(code("a`b<c>")) == "<code>a&#39;b&lt;c&gt;</code>"
