"""`treaty remind`: one issue per overdue duty, escalation, closing, idempotence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.check.project import open_project
from generator.deadlines.status import build_status
from generator.workflows.remind import LABEL, stage
from testing.github_fake import FakeGitHubApi
from tests.workflows.conftest import ENERGY_FILE, code, commit_all, demo_file, git_repo, run

__all__ = ["git_repo"]


def _remind(repo: Path, api: FakeGitHubApi, day: str) -> str:
    result = run(["remind", "--as-of", day, "--period", "2025", "--repo", str(repo)], api)
    assert code(result) == 0, result.output
    return result.output


def _energy_issue(api: FakeGitHubApi) -> int:
    marker = "body=energy duty=treaties-in-force period=2025"
    return next(n for n, i in api.issues.items() if marker in i.body)


def test_one_issue_per_overdue_duty_and_a_second_run_is_a_no_op(
    git_repo: Path, api: FakeGitHubApi
) -> None:
    _remind(git_repo, api, "2026-01-14")
    report = build_status(open_project(git_repo), dt.date(2026, 1, 14), 2025)
    wanted = [r for r in report.rows if stage(r, report.as_of) in ("overdue", "t7", "t1")]
    overdue = [r for r in wanted if r.state == "missing"]
    assert overdue, "the demo duties must include overdue ones on 14 January"
    assert len(api.issues) == len(wanted)
    assert all(i.labels == (LABEL,) and i.state == "open" for i in api.issues.values())
    markers = [i.body.splitlines()[0] for i in api.issues.values()]
    assert len(set(markers)) == len(markers)  # one issue per duty

    energy = api.issues[_energy_issue(api)]
    assert energy.assignees == ("aigerim-energy",)
    assert "2 күн кешікті" in energy.body and "опоздание 2 дн." in energy.body
    assert "@treaty-reports/energy" in energy.body

    before = list(api.calls)
    _remind(git_repo, api, "2026-01-14")
    assert api.calls == before  # the same day again changes nothing


def test_text_escalates_and_the_issue_closes_when_the_report_arrives(
    git_repo: Path, api: FakeGitHubApi
) -> None:
    _remind(git_repo, api, "2026-01-05")
    number = _energy_issue(api)
    assert "7 күннен аз" in api.issues[number].body  # T-7
    _remind(git_repo, api, "2026-01-11")
    assert "соңғы күні жақын" in api.issues[number].body  # T-1
    _remind(git_repo, api, "2026-01-13")
    assert "Мерзімі өтті" in api.issues[number].body  # T+1
    assert [c for c in api.calls if c[1] == number] == [("create_issue", number)] + [
        ("update_issue", number)
    ] * 2

    (git_repo / ENERGY_FILE).parent.mkdir(parents=True, exist_ok=True)
    (git_repo / ENERGY_FILE).write_text(demo_file(ENERGY_FILE), encoding="utf-8")
    commit_all(git_repo, "Energy: Annexes 1-3", "2026-01-15T10:00:00+05:00")
    _remind(git_repo, api, "2026-01-16")
    assert api.issues[number].state == "closed"
    assert "Есеп келді (2026-01-15)" in api.comments[number][0].body
    before = list(api.calls)
    _remind(git_repo, api, "2026-01-16")
    assert api.calls == before
