"""``treaty demo``: a demo repository with real back-dated history, and its status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli.main import main
from generator.demo.plan import load_plan
from testing.fixtures import copy_repo
from testing.git import git
from testing.repo import REPO_ROOT

KEYS = [
    "body",
    "kind",
    "period",
    "due",
    "submitted",
    "state",
    "days_late",
    "files",
    "rule",
    "codes",
    "written_due",
    "readings",
    "amended",
]
STATES = {"on-time", "late", "missing", "pending", "exempt"}


@pytest.fixture
def demo(demo_repo: Path) -> Path:
    return demo_repo


def test_status_json_on_the_demo_matches_the_contract_and_shows_every_state(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code = main(["status", "--repo", str(demo), "--format", "json", "--as-of", "2026-11-25"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and list(data) == ["as_of", "rows", "excluded"]
    assert data["as_of"] == "2026-11-25" and data["excluded"] == []  # every demo file passes
    assert all(list(row) == KEYS for row in data["rows"])
    assert {row["state"] for row in data["rows"]} == STATES
    late = [r for r in data["rows"] if r["state"] == "late"]
    assert all(r["days_late"] > 0 and r["submitted"] > r["due"] for r in late)


def test_history_is_merged_pull_requests_after_a_setup_commit(demo: Path) -> None:
    first_parent = git(demo, "log", "--first-parent", "--reverse", "--format=%p|%cI|%s", "main")
    lines = first_parent.splitlines()
    assert lines[0].split("|")[1].startswith("2024-12")
    merges = [line for line in lines[1:] if len(line.split("|")[0].split()) == 2]
    assert len(merges) == len(lines) - 1 > 20
    assert git(demo, "status", "--porcelain") == ""


def test_the_plan_is_followed(demo: Path) -> None:
    plan = load_plan()
    for path in plan.missing:
        assert not (demo / path).exists()
    for path in plan.amend:
        log = git(demo, "log", "--first-parent", "--format=%cs", "main", "--", path).split()
        assert len(log) == 2  # the first submission and the correction


def test_demo_refuses_to_overwrite_without_force(demo: Path, tmp_path: Path) -> None:
    demo = copy_repo(demo, tmp_path / "repo")
    assert main(["demo", str(demo), "--repo", str(REPO_ROOT)]) == 2


def test_force_rebuilds_the_same_history(demo: Path, tmp_path: Path) -> None:
    demo = copy_repo(demo, tmp_path / "repo")
    before = git(demo, "rev-parse", "main")
    assert main(["demo", str(demo), "--force", "--repo", str(REPO_ROOT)]) == 0
    assert git(demo, "rev-parse", "main") == before
