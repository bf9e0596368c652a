"""`treaty pr check` replayed on recorded pull_request payloads (Done-when lines)."""

from __future__ import annotations

from pathlib import Path

from generator.workflows.sticky import MARKER
from testing.github_fake import FakeGitHubApi
from tests.workflows.conftest import ENERGY_FILE, code, demo_file, event, git_repo, pr_branch, run

__all__ = ["git_repo"]

ON_TIME = "2026-01-09T04:12:33Z"  # 9 January, Kazakhstan time: before the 12 January deadline
LATE = "2026-01-20T04:00:00Z"  # 20 January: 8 days after 12 January


def _check(repo: Path, ev: Path, api: FakeGitHubApi, summary: Path) -> tuple[int, str]:
    args = ["pr", "check", "--event", str(ev), "--repo", str(repo), "--comment"]
    result = run([*args, "--summary", str(summary), "--site-url", "https://x.example/s"], api)
    return code(result), result.output


def test_valid_energy_file_on_time_passes(
    git_repo: Path, api: FakeGitHubApi, tmp_path: Path
) -> None:
    head = pr_branch(git_repo, {ENERGY_FILE: demo_file(ENERGY_FILE)})
    ev = event(tmp_path, "pull_request.opened.json", "main", head, created_at=ON_TIME)
    status, output = _check(git_repo, ev, api, tmp_path / "summary.md")
    assert status == 0, output
    assert "::error" not in output and "::warning" not in output
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert f"<code>{ENERGY_FILE}</code>" in summary
    assert "2026-01-12" in summary  # the deadline, moved off Saturday 10 January


def test_late_file_is_a_warning_with_days_late(
    git_repo: Path, api: FakeGitHubApi, tmp_path: Path
) -> None:
    head = pr_branch(git_repo, {ENERGY_FILE: demo_file(ENERGY_FILE)})
    ev = event(tmp_path, "pull_request.opened.json", "main", head, created_at=LATE)
    status, output = _check(git_repo, ev, api, tmp_path / "summary.md")
    assert status == 0, output  # late files do not block
    warnings = [line for line in output.splitlines() if line.startswith("::warning")]
    assert len(warnings) == 1
    assert f"file={ENERGY_FILE}" in warnings[0] and "TR401" in warnings[0]
    assert "8 күн кешікті" in warnings[0]
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "8 күн кешікті" in summary and "опоздание 8 дн." in summary


def test_invalid_file_fails_with_error_annotation_and_hint(
    git_repo: Path, api: FakeGitHubApi, tmp_path: Path
) -> None:
    broken = demo_file(ENERGY_FILE).replace("status: implemented", "status: done-ish", 1)
    head = pr_branch(git_repo, {ENERGY_FILE: broken})
    ev = event(tmp_path, "pull_request.opened.json", "main", head, created_at=ON_TIME)
    status, output = _check(git_repo, ev, api, tmp_path / "summary.md")
    assert status == 1
    line = broken.splitlines().index("  status: done-ish") + 1
    assert f"::error file={ENERGY_FILE},line={line}," in output
    comment = api.comments[17][0].body
    assert "TR203" in comment and "done-ish" in comment
    assert "https://x.example/s/forms/treaties-in-force/" in comment  # kk: the form page
    # ru: the Rules point, on the draft's edition (the only text holding the new point 2)
    assert "https://x.example/s/ru/rules/resolution-1144-2015/#p-2" in comment
    assert "Правила, подп. 1) п. 2, проект от 31.12.2015" in comment


def test_sticky_comment_created_once_then_edited(
    git_repo: Path, api: FakeGitHubApi, tmp_path: Path
) -> None:
    broken = demo_file(ENERGY_FILE).replace("status: implemented", "status: done-ish", 1)
    head = pr_branch(git_repo, {ENERGY_FILE: broken})
    ev = event(tmp_path, "pull_request.opened.json", "main", head, created_at=ON_TIME)
    assert _check(git_repo, ev, api, tmp_path / "s.md")[0] == 1
    assert api.calls == [("create_comment", 17)]
    first = api.comments[17][0]
    assert first.body.startswith(MARKER) and "Қазақша" in first.body and "Русский" in first.body
    assert "English" not in first.body

    # The clerk fixes the file and pushes again: the same comment is edited.
    from tests.workflows.conftest import commit_all, write

    write(git_repo, ENERGY_FILE, demo_file(ENERGY_FILE))
    head2 = commit_all(git_repo, "Fix", "2026-01-09T11:00:00+05:00")
    ev2 = event(tmp_path, "pull_request.synchronize.json", "main", head2, created_at=ON_TIME)
    assert _check(git_repo, ev2, api, tmp_path / "s.md")[0] == 0
    assert api.calls == [("create_comment", 17), ("update_comment", 17)]
    assert len(api.comments[17]) == 1
    edited = api.comments[17][0]
    assert edited.id == first.id and "TR203" not in edited.body
    assert "English" in edited.body  # the lang:en label asks for English too

    # A third run with nothing new changes nothing.
    assert _check(git_repo, ev2, api, tmp_path / "s.md")[0] == 0
    assert api.calls == [("create_comment", 17), ("update_comment", 17)]


def test_text_from_a_ministry_is_escaped_in_the_comment(
    git_repo: Path, api: FakeGitHubApi, tmp_path: Path
) -> None:
    evil = demo_file(ENERGY_FILE).replace(
        "status: implemented", "status: '<img src=x onerror=alert(1)> | @everyone'", 1
    )
    head = pr_branch(git_repo, {ENERGY_FILE: evil})
    ev = event(tmp_path, "pull_request.opened.json", "main", head, created_at=ON_TIME)
    _check(git_repo, ev, api, tmp_path / "s.md")
    body = api.comments[17][0].body
    assert "<img" not in body and "&lt;img" in body
    assert "@everyone" not in body and "\\|" in body
