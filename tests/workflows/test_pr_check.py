"""`treaty pr check` replayed on recorded pull_request payloads (Done-when lines)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.workflows.sticky import MARKER
from testing.citations import draft_citations
from testing.github_fake import FakeGitHubApi
from tests.workflows.conftest import ENERGY_FILE, code, demo_file, event, git_repo, pr_branch, run

__all__ = ["git_repo"]

ON_TIME = "2026-01-09T04:12:33Z"  # 9 January, Kazakhstan time: before the 12 January deadline
LATE = "2026-01-20T04:00:00Z"  # 20 January: 8 days after 12 January
SECTION = re.compile(r"^## .* · (?P<name>\S+)$", re.MULTILINE)
LANG_OF = {"Қазақша": "kk", "Русский": "ru", "English": "en"}


def _check(repo: Path, ev: Path, api: FakeGitHubApi, summary: Path) -> tuple[int, str]:
    """The check as run at the event's ``created_at`` (an unstamped file counts from the
    time of the check, not from when the pull request was opened)."""
    now = json.loads(ev.read_text(encoding="utf-8"))["pull_request"]["created_at"]
    args = ["pr", "check", "--event", str(ev), "--repo", str(repo), "--comment", "--now", now]
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


def _broken_pr(repo: Path, tmp_path: Path, created_at: str) -> tuple[str, Path]:
    """A pull request whose energy file has a value the form does not allow."""
    broken = demo_file(ENERGY_FILE).replace("status: implemented", "status: done-ish", 1)
    head = pr_branch(repo, {ENERGY_FILE: broken})
    return broken, event(tmp_path, "pull_request.opened.json", "main", head, created_at=created_at)


def _sections(body: str) -> list[tuple[str, str]]:
    """The comment split by language: (lang, that language's text, one line)."""
    marks = list(SECTION.finditer(body))
    ends = [m.start() for m in marks[1:]] + [len(body)]
    return [
        (LANG_OF[m["name"]], " ".join(body[m.start() : end].replace("\\", "").split()))
        for m, end in zip(marks, ends, strict=True)
    ]


def test_every_draft_citation_in_the_pr_comment_carries_the_label(
    git_repo: Path, api: FakeGitHubApi, tmp_path: Path
) -> None:
    """Issue 13 (with tests/site/test_citation_status.py for the site, report, calendars):
    the rule links and the late file's hint cite point 2.1 as the draft's."""
    _, ev = _broken_pr(git_repo, tmp_path, LATE)
    assert _check(git_repo, ev, api, tmp_path / "summary.md")[0] == 1
    sections = _sections(api.comments[17][0].body)
    found = [f for lang, text in sections for f in draft_citations(text, lang, lang)]
    bare = [f"{f.where}: …{f.text}…" for f in found if not f.labelled]
    assert bare == [], "\n".join(bare)
    assert [f.where for f in found].count("kk") >= 3  # rule links and the TR401 hint
    assert {f.where for f in found} == {"kk", "ru"}


def test_invalid_file_fails_with_error_annotation_and_hint(
    git_repo: Path, api: FakeGitHubApi, tmp_path: Path
) -> None:
    broken, ev = _broken_pr(git_repo, tmp_path, ON_TIME)
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
    _, ev = _broken_pr(git_repo, tmp_path, ON_TIME)
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
