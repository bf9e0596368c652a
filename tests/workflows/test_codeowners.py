"""`.github/CODEOWNERS` is generated from the register, and a stale copy is caught."""

from __future__ import annotations

from pathlib import Path

from generator.registry import load_registry
from generator.workflows.owners import codeowners
from testing.repo import REPO_ROOT
from tests.workflows.conftest import code, run


def test_committed_codeowners_matches_the_register() -> None:
    committed = (REPO_ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert committed == codeowners(load_registry(REPO_ROOT)), (
        ".github/CODEOWNERS is stale: run `treaty owners codeowners`"
    )


def test_every_body_folder_has_its_maintainers_and_the_mfa(repo: Path) -> None:
    text = codeowners(load_registry(repo))
    assert "/submissions/*/energy/ @treaty-reports/energy @treaty-reports/mfa\n" in text
    assert "/registry/ @treaty-reports/mfa\n" in text


def test_check_flag_fails_on_a_stale_file(repo: Path) -> None:
    assert code(run(["owners", "codeowners", "--repo", str(repo)])) == 0
    assert code(run(["owners", "codeowners", "--check", "--repo", str(repo)])) == 0
    bodies = repo / "registry/bodies.yaml"
    text = bodies.read_text(encoding="utf-8")
    bodies.write_text(text.replace('["@treaty-reports/energy"]', '["@treaty-reports/power"]'))
    result = run(["owners", "codeowners", "--check", "--repo", str(repo)])
    assert code(result) == 1 and "stale" in result.output
