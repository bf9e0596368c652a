"""Issue 15: the site excludes at entry level, not file level, and says what it leaves out.

One bad value leaves out only its entry (the file's other entries are shown); a file that
is wrong as a whole is left out whole; the home page lists both, with the reason, in the
page's language; the public edition does not name a file of an internal form.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.site.pages.home import pages as home_pages
from generator.site.session import BuildOptions, BuildSession
from generator.site.texts import site_texts
from testing.fixtures import copy_repo

WATER = "submissions/2025/water/treaties-in-force.yaml"
ENERGY = "submissions/2025/energy/domestic-procedures.yaml"
AS_OF = dt.date(2026, 3, 1)


def _spoil(repo: Path) -> None:
    water = repo / WATER
    water.write_text(
        water.read_text(encoding="utf-8").replace("status: implemented", "status: done", 1),
        encoding="utf-8",
    )
    energy = repo / ENERGY
    text = energy.read_text(encoding="utf-8")
    energy.write_text(text.replace("body: energy\n", "body: energy\nnote: !!int abc\n", 1), "utf-8")


def _session(repo: Path, edition: str) -> BuildSession:
    options = BuildOptions(repo, edition, AS_OF, ("kk", "ru", "en"), search=False)
    return BuildSession(options)


def test_one_bad_value_leaves_out_its_entry_and_the_home_page_says_so(
    demo_repo: Path, tmp_path: Path
) -> None:
    repo = copy_repo(demo_repo, tmp_path / "repo")
    _spoil(repo)
    data = _session(repo, "public").data
    water = [s for s in data.submissions if s.path == WATER]
    assert len(water) == 1 and water[0].skipped == frozenset({("annex1", 0)})
    assert all(s.path != ENERGY for s in data.submissions)
    assert [(x.path, x.entries) for x in data.excluded] == [(ENERGY, ()), (WATER, ("annex1[0]",))]
    home = home_pages(_session(repo, "public"), site_texts("en")).pages["index.md"]
    table = home.split("<caption>Files with errors</caption>", 1)[1]
    table = table.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = table.strip().splitlines()
    assert len(rows) == 2, rows
    assert f"<code>{ENERGY}</code>" in rows[0] and "the whole file" in rows[0]
    assert "(TR109): This value cannot be read as !!int" in rows[0]
    assert f"<code>{WATER}</code>" in rows[1] and "the entries annex1[0]" in rows[1]
    assert "(TR203)" in rows[1]
    ru = home_pages(_session(repo, "public"), site_texts("ru")).pages["index.md"]
    assert "весь файл" in ru and "записи annex1[0]" in ru


def test_a_clean_repository_lists_nothing(demo_repo: Path) -> None:
    session = _session(demo_repo, "internal")
    assert session.data.excluded == ()
    assert "Files with errors" not in home_pages(session, site_texts("en")).pages["index.md"]


def test_the_public_edition_does_not_name_a_file_of_an_internal_form(
    demo_repo: Path, tmp_path: Path
) -> None:
    repo = copy_repo(demo_repo, tmp_path / "repo")
    report = next((repo / "submissions/2025/energy/event-reports").glob("*.yaml"))
    report.write_text(report.read_text(encoding="utf-8") + "note: !!int abc\n", "utf-8")
    rel = report.relative_to(repo).as_posix()
    assert [x.path for x in _session(repo, "internal").data.excluded] == [rel]
    public = _session(repo, "public")
    assert public.data.excluded == ()
    assert rel not in home_pages(public, site_texts("en")).pages["index.md"]
