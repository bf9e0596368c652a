"""A body's submissions in pages (generator/site/pages/bodies.py): the consolidator files a
request on every other event of every body, so in the internal edition its list grows with
the country; every submission is on exactly one page, and the pages link to each other."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path

from generator.site.pages.bodies import page_src
from generator.site.pages.bodies import pages as body_pages
from generator.site.render import page_url
from generator.site.session import BuildOptions, BuildSession
from generator.site.shell import DataPage
from generator.site.texts import site_texts
from testing.fixtures import copy_repo

AS_OF = dt.date(2026, 3, 1)
ROW = re.compile(
    r'<tr><td>(\d{4})</td><td>[^<]*</td><td>[^<]*</td><td><a href="([^"]*)"><code>([^<]*)</code>'
)
PAGER = re.compile(r'<nav class="tr-pager".*?</nav>', re.DOTALL)


def _session(repo: Path) -> BuildSession:
    return BuildSession(BuildOptions(repo, "internal", AS_OF, ("kk", "ru", "en"), search=False))


def _resolve(src: str, href: str) -> str:
    """Where ``href`` on page ``src`` leads, relative to the language's root."""
    return posixpath.normpath(posixpath.join(page_url(src), href))


def test_a_long_list_of_submissions_is_paged_and_every_file_is_on_one_page(
    demo_repo: Path, tmp_path: Path
) -> None:
    repo = copy_repo(demo_repo, tmp_path / "repo")
    session = _session(repo)
    counts: dict[str, int] = {}
    for sub in session.data.submissions:
        counts[sub.body] = counts.get(sub.body, 0) + 1
    code, count = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    assert count >= 5
    texts = site_texts("ru")  # not the first language: the files are one folder up
    made = [p for p in body_pages(session, texts, per_page=2).data if isinstance(p, DataPage)]
    mine = [p for p in made if p.src == page_src(code, 1) or p.src.startswith(f"bodies/{code}/")]
    assert [p.src for p in mine] == [page_src(code, n) for n in range(1, -(-count // 2) + 1)]
    assert mine[1].src == f"bodies/{code}/submissions/2.md"
    assert mine[1].title == texts("pager.page_of", title=mine[0].title, number=2)
    shown: list[str] = []
    for number, page in enumerate(mine, 1):
        html = page.html()
        rows = ROW.findall(html[html.index('id="submissions"') :])
        assert 1 <= len(rows) <= 2, page.src
        for _, href, path in rows:
            assert _resolve(page.src, href) == f"../sources/{path}"
            shown.append(path)
        pagers = PAGER.findall(html)
        assert len(pagers) == 2 and pagers[0] == pagers[1]
        linked = {_resolve(page.src, h) + "/" for h in re.findall(r'href="([^"]*)"', pagers[0])}
        assert linked and linked <= {page_url(p.src) for p in mine if p is not page}, page.src
        assert f'<span aria-current="page">{number}</span>' in pagers[0]
        for rel, other in (("prev", number - 1), ("next", number + 1)):
            found = re.findall(rf'<a href="([^"]*)" rel="{rel}">', pagers[0])
            expected_link = [page_url(mine[other - 1].src)] if 1 <= other <= len(mine) else []
            assert [_resolve(page.src, h) + "/" for h in found] == expected_link, (page.src, rel)
    expected = sorted(
        (s for s in session.data.submissions if s.body == code),
        key=lambda s: (-s.period, s.kind, s.path),
    )
    assert shown == [s.path for s in expected]


def test_a_usual_body_has_one_page_without_a_pager(demo_repo: Path, tmp_path: Path) -> None:
    repo = copy_repo(demo_repo, tmp_path / "repo")
    made = [p for p in body_pages(_session(repo), site_texts("kk")).data]
    assert made and all(isinstance(p, DataPage) and "/submissions/" not in p.src for p in made)
    assert all("tr-pager" not in p.html() for p in made if isinstance(p, DataPage))
