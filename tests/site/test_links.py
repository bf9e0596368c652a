"""The link check over the whole built site, both editions: no internal link is broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli.main import main
from generator.site.links import BrokenLink, broken_links
from tests.site.conftest import Built


def _page(root: Path, rel: str, body: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(f"<html><body>{body}</body></html>", encoding="utf-8")


def test_the_check_finds_missing_pages_files_and_host_relative_links(tmp_path: Path) -> None:
    _page(tmp_path, "index.html", '<a href="a/">a</a> <a href="gone/">x</a> <a href="#top">t</a>')
    links = '<a href="../">up</a> <img src="../pic.png"> <a href="//ru/">ru</a>'
    _page(tmp_path, "a/index.html", links + ' <a href="https://example.org/">e</a>')
    _page(tmp_path, "404.html", '<a href="/a/">a</a> <a href="/ru/">ru</a>')
    assert broken_links(tmp_path) == [
        BrokenLink("404.html", "/ru/"),
        BrokenLink("a/index.html", "../pic.png"),
        BrokenLink("a/index.html", "//ru/"),
        BrokenLink("index.html", "gone/"),
    ]


@pytest.mark.slow
@pytest.mark.parametrize("edition", ["public", "internal"])
def test_no_broken_internal_link_in_either_edition(built: Built, edition: str) -> None:
    root = built.public if edition == "public" else built.internal
    pages = list(root.rglob("*.html"))
    assert len(pages) > 400, "both editions hold every page type in three languages"
    assert broken_links(root) == []


@pytest.mark.slow
def test_error_pages_link_languages_within_the_site(built: Built) -> None:
    for lang in ("", "ru/", "en/"):
        text = (built.public / lang / "404.html").read_text(encoding="utf-8")
        assert 'href="//' not in text
    assert main(["site", "links", str(built.public)]) == 0
