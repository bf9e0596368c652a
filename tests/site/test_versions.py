"""Two mike deploys in a temporary git repository: the version selector lists both."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.cli.main import main
from tests.site.conftest import AS_OF, git, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def deploy_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "pages"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "README.md").write_text("site\n", encoding="utf-8")
    git(repo, "add", "README.md")
    git(repo, "-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-qm", "init")
    git(repo, "config", "user.name", "T")
    git(repo, "config", "user.email", "t@example.invalid")
    return repo


CHAPTER_6 = "Орталық мемлекеттік органдарының халықаралық қызметін үйлестіруді жүзеге асыру тәртібі"


def assert_versions_differ(repo: Path, versions: list[dict[str, Any]]) -> None:
    """One version per edition of the Rules: the draft's version shows chapter 6 applied."""
    by_alias = {alias: v["version"] for v in versions for alias in v["aliases"]}
    page = "rules/in-force/index.html"
    draft = git(repo, "show", f"gh-pages:{by_alias['draft']}/{page}")
    in_force = git(repo, "show", f"gh-pages:{by_alias['in-force']}/{page}")
    assert CHAPTER_6 in draft
    assert CHAPTER_6 not in in_force
    assert 'id="p-46"' in draft and 'id="p-46"' not in in_force


LABELS = {  # the version in force, in each language (the Rules as amended on 13 April 2023)
    "": "2023 жылғы 13 сәуір редакциясы (қолданыстағы)",
    "ru/": "Редакция от 13 апреля 2023 г. (действующая)",
    "en/": "Edition of 13 April 2023 (in force)",
}
DRAFT_WORD = {"": "(жоба)", "ru/": "(проект)", "en/": "(draft)"}
DEEP = "treaties/un-1961-vienna-diplomatic-relations/"


def check_selector(page: Any, url: str, lang: str, draft: str) -> None:
    """On ``lang``'s deep page: both versions listed by name; choosing the draft lands on
    the same page of the draft's version, in the same language."""
    page.goto(f"{url}in-force/{lang}{DEEP}", wait_until="networkidle")
    current = page.locator(".md-version__current")
    current.wait_for(timeout=15000)
    assert current.inner_text().strip() == LABELS[lang]
    items = page.locator(".md-version__link")
    assert items.count() == 2
    names = [items.nth(i).inner_text().strip() for i in range(2)]
    assert LABELS[lang] in names
    page.hover(".md-version")
    other = next(n for n in names if n != LABELS[lang])
    assert other.endswith(DRAFT_WORD[lang])
    page.locator(".md-version__link", has_text=other).click()
    page.wait_for_url(f"{url}{draft}/{lang}{DEEP}")
    assert page.get_attribute("html", "lang") == (lang.rstrip("/") or "kk")


def test_two_deploys_show_both_versions(
    demo_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: Any
) -> None:
    repo = deploy_repo(tmp_path)
    monkeypatch.chdir(repo)
    assert main(["site", "deploy", "--repo", str(demo_repo), "--as-of", AS_OF.isoformat()]) == 0
    versions = json.loads(git(repo, "show", "gh-pages:versions.json"))
    by_alias = {alias: v for v in versions for alias in v["aliases"]}
    assert set(by_alias) == {"in-force", "draft"}
    assert by_alias["in-force"]["title"] == LABELS["en/"]
    assert_versions_differ(repo, versions)
    out = tmp_path / "gh-pages"
    git(repo, "worktree", "add", "-q", str(out), "gh-pages")
    server, url = serve(out)
    draft = by_alias["draft"]["version"]
    try:
        for lang in ("", "ru/", "en/"):
            check_selector(page, url, lang, draft)
    finally:
        server.shutdown()
        server.server_close()
