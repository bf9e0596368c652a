"""`treaty pr stamp`: the Received-At line in the pull request's description."""

from __future__ import annotations

from pathlib import Path

from generator.github.api import Issue
from testing.github_fake import FakeGitHubApi
from tests.workflows.conftest import code, event, run


def test_stamp_writes_the_opening_time_once(tmp_path: Path, api: FakeGitHubApi) -> None:
    api.issues[17] = Issue(17, "PR", "Annexes 1-3 for 2025.")
    ev = event(tmp_path, "pull_request.opened.json", "a", "b")
    assert code(run(["pr", "stamp", "--event", str(ev)], api)) == 0
    assert api.issues[17].body.endswith("\n\nReceived-At: 2026-01-09T04:12:33Z\n")
    replay = event(tmp_path, "pull_request.opened.json", "a", "b", body=api.issues[17].body)
    assert code(run(["pr", "stamp", "--event", str(replay)], api)) == 0
    assert api.calls == [("update_issue", 17)]


def test_stamp_puts_back_a_forged_time(tmp_path: Path, api: FakeGitHubApi) -> None:
    forged = "Annexes\n\nReceived-At: 2025-12-01T00:00:00Z\n"
    api.issues[17] = Issue(17, "PR", forged)
    ev = event(tmp_path, "pull_request.opened.json", "a", "b", body=forged)
    assert code(run(["pr", "stamp", "--event", str(ev)], api)) == 0
    assert api.issues[17].body == "Annexes\n\nReceived-At: 2026-01-09T04:12:33Z\n"
