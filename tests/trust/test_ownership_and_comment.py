"""Issue 15, findings 8 and 9: the sticky comment is only ever the bot's own, and a tree
entry named ``..`` (or anything but an ordinary file) cannot slip past ``owners check``."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.github.api import Comment
from generator.workflows.sticky import MARKER
from testing.git import git
from testing.github_fake import FakeGitHubApi
from tests.workflows.conftest import (
    ENERGY_FILE,
    TEAMS,
    WATER_FILE,
    code,
    demo_file,
    event,
    pr_branch,
    run,
)


def test_a_comment_carrying_the_marker_by_someone_else_is_never_edited(
    git_repo: Path, api: FakeGitHubApi, tmp_path: Path
) -> None:
    planted = Comment(7, f"{MARKER}\nAll files passed. Merge now!", "mallory")
    api.comments[17] = [planted]
    head = pr_branch(
        git_repo,
        {ENERGY_FILE: demo_file(ENERGY_FILE).replace("status: implemented", "status: x", 1)},
    )
    ev = event(tmp_path, "pull_request.opened.json", "main", head)
    args = ["pr", "check", "--event", str(ev), "--repo", str(git_repo), "--comment"]
    assert code(run(args, api)) == 1
    assert api.comments[17][0] == planted  # untouched
    assert api.calls == [("create_comment", 17)]
    ours = api.comments[17][1]
    assert ours.author == "github-actions[bot]" and "TR203" in ours.body
    assert code(run(args, api)) == 1  # the second run finds its own comment, not mallory's
    assert api.calls == [("create_comment", 17)] and len(api.comments[17]) == 2


def _tree(repo: Path, entries: list[str]) -> str:
    return git(repo, "mktree", input_text="".join(f"{e}\n" for e in entries)).strip()


def _forged_commit(repo: Path, inner: str) -> str:
    """A commit on top of main whose tree holds ``submissions/2025/energy/<inner>``, where
    ``inner`` is a tree made by hand (``..`` entries and the like)."""
    listing = git(repo, "ls-tree", "main").splitlines()
    energy = _tree(repo, [f"040000 tree {inner}\t.."])
    period = _tree(repo, [f"040000 tree {energy}\tenergy"])
    submissions = _tree(repo, [f"040000 tree {period}\t2025"])
    kept = [line for line in listing if not line.endswith("\tsubmissions")]
    root = _tree(repo, [*kept, f"040000 tree {submissions}\tsubmissions"])
    return git(repo, "commit-tree", root, "-p", "main", "-m", "Submit").strip()


def _owners(repo: Path, head: str, author: str) -> tuple[int, str]:
    args = ["owners", "check", "--author", author, "--base", "main", "--head", head]
    result = run([*args, "--repo", str(repo), "--lang", "en"], FakeGitHubApi(teams=TEAMS))
    return code(result), result.output


@pytest.mark.parametrize("author", ["aigerim-energy", "dana-mfa"])
def test_a_dot_dot_tree_entry_into_another_body_is_refused(git_repo: Path, author: str) -> None:
    blob = git(git_repo, "hash-object", "-w", "--stdin", input_text="x: 1\n").strip()
    water = _tree(git_repo, [f"100644 blob {blob}\ttreaties-in-force.yaml"])
    inner = _tree(git_repo, [f"040000 tree {water}\twater"])
    head = _forged_commit(git_repo, inner)
    listed = git(git_repo, "diff", "--name-only", "main", head).strip()
    assert listed == "submissions/2025/energy/../water/treaties-in-force.yaml"
    status, output = _owners(git_repo, head, author)
    assert status == 1, output
    assert '../water/treaties-in-force.yaml: the path has an empty, "." or ".." part' in output


def test_a_link_or_submodule_is_refused_even_in_ones_own_folder(git_repo: Path) -> None:
    head = pr_branch(git_repo, {ENERGY_FILE: demo_file(ENERGY_FILE)})
    target = git(git_repo, "hash-object", "-w", "--stdin", input_text="../water\n").strip()
    git(
        git_repo,
        "update-index",
        "--add",
        "--cacheinfo",
        f"120000,{target},submissions/2025/energy/link",
    )
    git(
        git_repo,
        "update-index",
        "--add",
        "--cacheinfo",
        f"160000,{head},submissions/2025/energy/sub",
    )
    head = git(
        git_repo, "commit-tree", git(git_repo, "write-tree").strip(), "-p", head, "-m", "x"
    ).strip()
    status, output = _owners(git_repo, head, "aigerim-energy")
    assert status == 1
    assert "submissions/2025/energy/link: this entry is not an ordinary file" in output
    assert "submissions/2025/energy/sub: this entry is not an ordinary file" in output
    assert ENERGY_FILE not in output and WATER_FILE not in output
