"""Citations of the Rules on the site link to the point they cite, in every language."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from tests.site.conftest import Built

pytestmark = pytest.mark.slow
RULE_LINK = re.compile(r'href="(?P<href>[^"]*rules/(?P<edition>[^/"]+)/#p-(?P<point>\d+))"')
DRAFT_EDITION = "resolution-1144-2015"  # the only text page holding the draft's new points


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(value for name, value in attrs if name == "id" and value)


def ids_of(page: Path) -> set[str]:
    parser = _Ids()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.ids


def target(site: Path, page: Path, href: str) -> Path:
    base = "/" + page.relative_to(site).as_posix()
    path = urlparse(urljoin(base, href)).path
    return site / path.lstrip("/") / "index.html"


def citations(site: Path, folder: str) -> list[tuple[Path, str, str]]:
    found = []
    for page in sorted((site / folder).rglob("index.html")):
        for match in RULE_LINK.finditer(page.read_text(encoding="utf-8")):
            found.append((page, match["href"], match["point"]))
            if match["point"] in {"2", "4", "5"}:  # new wordings, held only in the draft
                assert match["edition"] == DRAFT_EDITION, f"{page}: {match['href']}"
    return found


@pytest.mark.parametrize("lang_dir", ["", "ru", "en"])
def test_every_rule_citation_links_to_its_point(built: Built, lang_dir: str) -> None:
    site = built.public
    found = citations(site, f"{lang_dir}/forms" if lang_dir else "forms")
    found += citations(site, f"{lang_dir}/bodies" if lang_dir else "bodies")
    points = {point for _, _, point in found}
    assert {"2", "4", "5"} <= points, points
    for page, href, point in found:
        text_page = target(site, page, href)
        assert text_page.is_file(), f"{page}: {href} leads nowhere"
        assert f"p-{point}" in ids_of(text_page), f"{page}: {href} has no anchor p-{point}"
