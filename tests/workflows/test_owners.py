"""`treaty owners check`: each body's folder belongs to its maintainers (Done-when lines)."""

from __future__ import annotations

from pathlib import Path

from testing.github_fake import FakeGitHubApi
from tests.workflows.conftest import (
    ENERGY_FILE,
    WATER_FILE,
    code,
    demo_file,
    git_repo,
    pr_branch,
    run,
)

__all__ = ["git_repo"]


def _owners(repo: Path, author: str, api: FakeGitHubApi, fmt: str = "text") -> tuple[int, str]:
    args = ["owners", "check", "--author", author, "--base", "main", "--repo", str(repo)]
    result = run([*args, "--format", fmt, "--lang", "en"], api)
    return code(result), result.output


def test_energy_touching_only_its_folder_passes(git_repo: Path, api: FakeGitHubApi) -> None:
    pr_branch(git_repo, {ENERGY_FILE: demo_file(ENERGY_FILE)})
    status, output = _owners(git_repo, "aigerim-energy", api)
    assert status == 0, output
    assert "@aigerim-energy" in output


def test_touching_another_body_fails_naming_file_and_body(
    git_repo: Path, api: FakeGitHubApi
) -> None:
    water = demo_file(ENERGY_FILE).replace("body: energy", "body: water")
    pr_branch(git_repo, {ENERGY_FILE: demo_file(ENERGY_FILE), WATER_FILE: water})
    status, output = _owners(git_repo, "aigerim-energy", api, fmt="github")
    assert status == 1
    errors = [line for line in output.splitlines() if line.startswith("::error")]
    assert len(errors) == 1
    assert f"file={WATER_FILE}" in errors[0]
    assert "Ministry of Water Resources and Irrigation (water)" in errors[0]
    assert ENERGY_FILE not in output


def test_registry_change_needs_the_mfa(git_repo: Path, api: FakeGitHubApi) -> None:
    bodies = (git_repo / "registry/bodies.yaml").read_text(encoding="utf-8")
    water_team = '["@treaty-reports/water"]'
    granted = bodies.replace(water_team, '["@treaty-reports/water", "@aigerim-energy"]')
    water = demo_file(ENERGY_FILE).replace("body: energy", "body: water")
    pr_branch(git_repo, {"registry/bodies.yaml": granted, WATER_FILE: water})
    status, output = _owners(git_repo, "aigerim-energy", api)
    assert status == 1
    # The register is read as it is on main: the PR cannot grant itself the water folder.
    assert "registry/bodies.yaml: only the MFA (mfa)" in output
    assert f"{WATER_FILE}: the file is in the folder of" in output


def test_mfa_consolidator_may_change_everything(git_repo: Path, api: FakeGitHubApi) -> None:
    water = demo_file(ENERGY_FILE).replace("body: energy", "body: water")
    pr_branch(git_repo, {WATER_FILE: water, "schemas/extra.txt": "x\n"})
    assert _owners(git_repo, "dana-mfa", api)[0] == 0


def test_personal_login_maintainer_needs_no_api(git_repo: Path) -> None:
    bodies = git_repo / "registry/bodies.yaml"
    text = bodies.read_text(encoding="utf-8")
    bodies.write_text(text.replace('["@treaty-reports/energy"]', '["@Aigerim-Energy"]'))
    from tests.workflows.conftest import commit_all

    commit_all(git_repo, "Personal maintainer")
    pr_branch(git_repo, {ENERGY_FILE: demo_file(ENERGY_FILE)})
    status, output = _owners(git_repo, "aigerim-energy", FakeGitHubApi())
    assert status == 0, output
