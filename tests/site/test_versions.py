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


def test_two_deploys_show_both_versions(
    demo_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: Any
) -> None:
    repo = deploy_repo(tmp_path)
    monkeypatch.chdir(repo)
    assert main(["site", "deploy", "--repo", str(demo_repo), "--as-of", AS_OF.isoformat()]) == 0
    versions = git(repo, "show", "gh-pages:versions.json")
    assert '"in-force"' in versions and '"draft"' in versions
    assert_versions_differ(repo, json.loads(versions))
    out = tmp_path / "gh-pages"
    git(repo, "worktree", "add", "-q", str(out), "gh-pages")
    server, url = serve(out)
    try:
        page.goto(url + "in-force/", wait_until="networkidle")
        selector = page.locator(".md-version")
        selector.wait_for(timeout=15000)
        items = page.locator(".md-version__item")
        assert items.count() == 2
        in_force = next(v for v in json.loads(versions) if "in-force" in v["aliases"])
        current = page.locator(".md-version__current").inner_text().strip()
        assert current.startswith(in_force["title"])  # the page says which version it is
    finally:
        server.shutdown()
        server.server_close()
