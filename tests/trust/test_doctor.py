"""``treaty pr doctor``: the merge settings the receipt stamps need, read through the
(fake) API, and the kinds of commit that reached main (squash and rebase merges detected)."""

from __future__ import annotations

from pathlib import Path

from testing.git import commit_all, git
from testing.github_fake import FakeGitHubApi
from testing.repo import write
from tests.workflows.conftest import ENERGY_FILE, code, demo_file, run

GOOD = {
    "allow_merge_commit": True,
    "merge_commit_title": "MERGE_MESSAGE",
    "merge_commit_message": "PR_BODY",
    "allow_squash_merge": True,
    "squash_merge_commit_message": "PR_BODY",
    "allow_rebase_merge": False,
}


def _doctor(repo: Path, settings: dict[str, object]) -> tuple[int, str]:
    result = run(
        ["pr", "doctor", "--repo", str(repo), "--lang", "en"], FakeGitHubApi(settings=settings)
    )
    return code(result), result.output


def test_good_settings_pass_and_history_kinds_are_counted(git_repo: Path) -> None:
    git(git_repo, "checkout", "-q", "-b", "patch")
    write(git_repo, ENERGY_FILE, demo_file(ENERGY_FILE))
    commit_all(git_repo, "Submit", "2026-01-09T09:00:00+05:00")
    git(git_repo, "checkout", "-q", "main")
    message = "Merge pull request #17 from energy/patch"
    git(
        git_repo, "merge", "-q", "--no-ff", "-m", message, "patch", when="2026-01-09T10:00:00+05:00"
    )
    write(git_repo, "submissions/2025/water/treaties-in-force.yaml", "x: 1\n")
    commit_all(git_repo, "Water annexes (#18)", "2026-01-10T10:00:00+05:00")
    status, output = _doctor(git_repo, GOOD)
    assert status == 0, output
    assert "[CHANGE]" not in output
    assert "1 merge commit(s) of pull requests, 1 squash merge(s), 1 other commit(s)" in output


def test_settings_that_lose_stamps_fail(git_repo: Path) -> None:
    bad = {**GOOD, "merge_commit_message": "PR_TITLE", "allow_rebase_merge": True,
           "squash_merge_commit_message": "COMMIT_MESSAGES"}  # fmt: skip
    status, output = _doctor(git_repo, bad)
    assert status == 1
    assert output.count("[CHANGE]") == 3
    assert "(PR_BODY; now: PR_TITLE)" in output and "Rebase merging is off" in output
