"""Submission times from real git history (first-parent, committer date)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.deadlines.history import read_history
from testing.git import GitRepo
from testing.repo import annual

D = dt.date
PATH = "submissions/2025/energy/treaties-in-force.yaml"


def test_the_merge_date_counts_not_the_branch_commit(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "r")
    repo.merge_pr(annual("treaties-in-force", 2025, "energy"), when="2026-01-14T11:00:00+05:00",
                  authored="2026-01-05T11:00:00+05:00")  # fmt: skip
    history = read_history(repo.root)
    assert history.arrival(PATH) == D(2026, 1, 14)
    assert history.amendments(PATH) == ()


def test_commit_times_are_counted_in_kazakhstan_time(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "r")
    repo.merge_pr(annual("treaties-in-force", 2025, "energy"), when="2026-01-12T20:30:00+00:00")
    assert read_history(repo.root).arrival(PATH) == D(2026, 1, 13)


def test_a_later_change_is_an_amendment_with_its_own_date(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "r")
    repo.merge_pr(annual("treaties-in-force", 2025, "energy"), when="2026-01-09T11:00:00+05:00")
    repo.merge_pr(annual("treaties-in-force", 2025, "energy", "# fixed\n"),
                  when="2026-02-02T11:00:00+05:00")  # fmt: skip
    history = read_history(repo.root)
    assert history.arrival(PATH) == D(2026, 1, 9)
    assert history.amendments(PATH) == (D(2026, 2, 2),)
    assert history.amendments(PATH, as_of=D(2026, 1, 31)) == ()


def test_an_arrival_after_the_as_of_day_has_not_happened(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "r")
    repo.commit_main(annual("treaties-in-force", 2025, "energy"), when="2026-01-09T11:00:00+05:00")
    history = read_history(repo.root)
    assert history.arrival(PATH, as_of=D(2026, 1, 8)) is None
    assert history.arrival(PATH, as_of=D(2026, 1, 9)) == D(2026, 1, 9)


def test_a_folder_without_git_has_no_history(tmp_path: Path) -> None:
    assert read_history(tmp_path).files == {}
