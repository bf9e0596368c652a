"""What the generated pages say: body pages list the body's treaties and link and date every
submission; the treaty index shows each treaty's id; no page is too heavy to open."""

from __future__ import annotations

import re

import pytest
import yaml

from generator.site.pages.treaties import PAGE_SIZE
from tests.site.conftest import Built

pytestmark = pytest.mark.slow
BODY = "bodies/water/index.html"
ROW = re.compile(r'<tr><td>(\d{4})</td><td>[^<]*</td><td>([^<]*)</td><td><a href="([^"]*)"')
MAX_PAGE = 200 * 1024


def _submissions(html: str) -> list[tuple[str, str, str]]:
    return ROW.findall(html[html.index('id="submissions"') :])


def test_body_page_lists_its_treaties_and_dates_and_links_each_submission(built: Built) -> None:
    html = (built.public / BODY).read_text(encoding="utf-8")
    treaties = html[html.index('id="treaties"') : html.index('id="timeliness"')]
    assert '<a href="../../treaties/unece-1992-water-convention/">' in treaties
    assert "<code>unece-1992-water-convention</code>" in treaties
    rows = _submissions(html)
    assert len(rows) >= 4
    for period, day, href in rows:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", day), (period, day)  # received or event date
        published = (built.public / "bodies" / "water" / href).resolve()
        data = yaml.safe_load(published.read_text(encoding="utf-8"))
        assert data["body"] == "water" and str(data["period"]) == period


def test_ru_body_page_links_the_same_published_files(built: Built) -> None:
    kk = _submissions((built.public / BODY).read_text(encoding="utf-8"))
    ru = _submissions((built.public / "ru" / BODY).read_text(encoding="utf-8"))
    assert [h.removeprefix("../") for _, _, h in ru] == [h for _, _, h in kk]


def test_treaty_index_shows_each_treaty_id(built: Built) -> None:
    html = (built.public / "treaties" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r"<td><code>([a-z0-9-]+)</code></td>", html)
    registry = yaml.safe_load((built.repo / "registry" / "treaties.yaml").read_text("utf-8"))
    assert sorted(ids) == sorted(t["id"] for t in registry["treaties"])[:PAGE_SIZE]


def test_no_page_is_over_200_kb(built: Built) -> None:
    for root in (built.public, built.internal):
        heavy = [p for p in root.rglob("*.html") if p.stat().st_size > MAX_PAGE]
        assert heavy == []
