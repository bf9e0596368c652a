"""The pieces that make a large site fast: languages built in turn by two processes, the
slim copies Pagefind reads, and sources published from their own text."""

from __future__ import annotations

import gzip
import json
import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest

from generator.site.parallel import Queue, processes
from generator.site.search import SearchCopies, remove_tree
from generator.site.sources import _uncommented
from tests.site.conftest import AS_OF, Built

TREATY = Path(sys.executable).parent / "treaty"


@pytest.mark.parametrize(
    ("langs", "cpus", "expected"), [(2, 2, 1), (2, 1, 1), (2, 8, 2), (1, 4, 1)]
)
def test_one_process_per_other_cpu(langs: int, cpus: int, expected: int) -> None:
    assert processes(langs, cpus) == expected


def _take_all(queue: Queue, out: multiprocessing.Queue[str]) -> None:
    while (lang := queue.take()) is not None:
        out.put(lang)


def test_each_language_is_taken_by_exactly_one_process() -> None:
    context = multiprocessing.get_context("fork")
    queue = Queue(tuple(f"l{n}" for n in range(50)), context.Value("i", 0))
    out: multiprocessing.Queue[str] = context.Queue()
    child = context.Process(target=_take_all, args=(queue, out))
    child.start()
    mine = []
    while (lang := queue.take()) is not None:
        mine.append(lang)
    child.join()
    theirs = [out.get() for _ in range(50 - len(mine))]
    assert sorted(mine + theirs) == sorted(queue.tasks)
    assert queue.take() is None


def test_search_copy_keeps_the_searched_body_without_ignored_parts(tmp_path: Path) -> None:
    copies = SearchCopies(tmp_path / "search", "ru")
    content = (
        '<h1 id="t">Соглашение</h1><p>body-1</p>'
        '<section class="tr-entry" data-pagefind-ignore><h3>2025</h3><dl><dt>a</dt></dl></section>'
        '<table class="tr-table" data-pagefind-ignore><tr><td>row</td></tr></table><p>after</p>'
    )
    copies.add("treaties/x/index.html", "Соглашение &amp; co", content, searched=True)
    copies.add("reports/2025/2/index.html", "part 2", "<p>rows</p>", searched=False)
    text = (tmp_path / "search/treaties/x/index.html").read_text(encoding="utf-8")
    assert '<html lang="ru">' in text
    assert "<title>Соглашение &amp; co</title>" in text
    assert (
        '<div data-pagefind-body><h1 id="t">Соглашение</h1><p>body-1</p><p>after</p></div>' in text
    )
    assert not (tmp_path / "search/reports/2025/2/index.html").exists()


def test_search_copy_takes_the_built_pages_of_its_language_only(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for rel in ("index.html", "about/index.html", "treaties/x/index.html", "ru/index.html",
                "pagefind/x.html", "assets/site.css"):  # fmt: skip
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(rel, encoding="utf-8")
    copies = SearchCopies(tmp_path / "search", "kk")
    copies.add("treaties/x/index.html", "x", "<p>slim</p>", searched=True)
    copies.add_built(site, frozenset({"ru", "en"}))
    found = sorted(p.relative_to(copies.folder).as_posix() for p in copies.folder.rglob("*.*"))
    assert found == ["about/index.html", "index.html", "treaties/x/index.html"]
    assert "slim" in (copies.folder / "treaties/x/index.html").read_text(encoding="utf-8")


def test_sources_lose_their_opening_comments_and_keep_the_rest() -> None:
    text = "# yaml-language-server: $schema=x\n# note\nform: f\nperiod: 2025\n"
    assert _uncommented(text) == "form: f\nperiod: 2025\n"


def test_sources_with_other_comments_are_written_out_again() -> None:
    assert _uncommented("form: f  # a ministry's remark\n") is None
    assert _uncommented("# top\nform: f\n# later\n") is None


def _pages(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))


def test_languages_built_side_by_side_match_the_build_in_turn(built: Built, tmp_path: Path) -> None:
    """Without PDF downloads the languages are built by two processes (a fresh command:
    no threads beside it); the pages and the search index are those of the build in turn."""
    out = tmp_path / "public"
    command = [str(TREATY), "site", "build", "--repo", str(built.repo), "--as-of",
               AS_OF.isoformat(), "--edition", "public", "-o", str(out),
               "--downloads", "csv", "--downloads", "json"]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True)
    assert _pages(out) == _pages(built.public)
    for lang in ("", "ru/", "en/"):
        data = [p for p in _pages(out) if p.startswith((f"{lang}treaties/", f"{lang}bodies/"))]
        assert data
        for page in data:
            assert (out / page).read_bytes() == (built.public / page).read_bytes(), page
        found, before = (_fragments(root / lang / "pagefind") for root in (out, built.public))
        assert found and found == before


def _fragments(bundle: Path) -> dict[str, str]:
    """What the search index holds of each page but the reports' (their download lists
    differ: these builds offer different files)."""
    found = {}
    for path in (bundle / "fragment").iterdir():
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        if "/reports/" not in fragment["url"]:
            found[fragment["url"]] = fragment["content"]
    return found


def test_a_scratch_folder_is_removed_with_everything_in_it(tmp_path: Path) -> None:
    folder = tmp_path / "scratch"
    for n in range(30):
        (folder / f"t{n}" / "sub").mkdir(parents=True)
        (folder / f"t{n}" / "sub" / "index.html").write_text("x", encoding="utf-8")
    (folder / "-rf odd name").write_text("x", encoding="utf-8")
    remove_tree(folder)
    assert not folder.exists()
    assert tmp_path.exists()
    remove_tree(folder)  # already gone: nothing to do, no error
