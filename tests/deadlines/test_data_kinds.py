"""Which submissions the deadline engine reads: only kinds some rule looks inside."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.check.project import open_project
from generator.deadlines.duties import load_duties
from generator.deadlines.sources import collect
from generator.deadlines.status import build_status
from testing.git import GitRepo
from testing.repo import annual, event

T = "T11:00:00+05:00"


def test_fixed_duties_without_match_read_only_the_path(tmp_path: Path) -> None:
    kinds = load_duties(open_project(GitRepo(tmp_path / "repo").root)).data_kinds()
    assert {"treaties-in-force", "domestic-procedures", "assessment"}.isdisjoint(kinds)
    # per-file duties, a fixed duty with `match`, requests and their reports are read
    assert {"event-report", "report-request", "official-position", "meeting-report"} <= kinds


def test_a_file_not_read_still_counts_as_submitted(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    broken = annual("treaties-in-force", 2025, "energy", "annex1: [unclosed\n")
    repo.merge_pr(broken, when="2026-01-09" + T)
    project = open_project(repo.root)
    (rel,) = broken
    filed = {f.path: f for f in collect(project, load_duties(project).data_kinds())}
    assert filed[rel].data == {} and filed[rel].body == "energy"
    assert {f.path: f.data for f in collect(project)}[rel] == {}  # unreadable either way
    rows = build_status(project, dt.date(2026, 2, 1), 2025).rows
    got = [r for r in rows if r.body == "energy" and r.duty == "treaties-in-force"]
    assert [(r.state, r.files) for r in got] == [("on-time", (rel,))]


def test_data_of_a_read_kind_is_kept(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    position = event("official-positions", "official-position", 2025, "mfa", "2025-06-10-h1",
                     "half: 1\n")  # fmt: skip
    repo.merge_pr(position, when="2025-06-10" + T)
    project = open_project(repo.root)
    filed = collect(project, load_duties(project).data_kinds())
    assert [f.data.get("half") for f in filed if f.kind == "official-position"] == [1]
