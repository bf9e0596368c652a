"""Issue 15, findings 5-7: receipt times nobody can forge, per file, at the content that
counts. Real git repositories with back-dated history, recorded event payloads, the fake
GitHub API; merges are made as GitHub makes them (committer ``GitHub``, the pull request's
description in the message)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.deadlines.history import read_history
from generator.deadlines.trailers import (
    KEY_ENV,
    merged_pull_request,
    next_stamps,
    parse_stamps,
    receipts_of,
    sign,
    verified_stamps,
    with_stamps,
)
from generator.github.api import Issue
from testing.git import commit_all, git
from testing.github_fake import FakeGitHubApi
from testing.repo import write
from tests.workflows.conftest import ENERGY_FILE, code, demo_file, event, run

KEY = b"the repository's stamp secret"
BLOB = "3b18e512dba79e4c8300dd08aeb37f8e728b8dad"
UTC = dt.UTC
DUE = dt.date(2026, 1, 12)  # Annexes 1-3 for 2025 (point 2.1), moved off Saturday the 10th


def _at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


# -- the stamp itself ------------------------------------------------------------------


def test_a_stamp_verifies_only_under_its_key_and_unchanged() -> None:
    stamp = sign(KEY, 17, ENERGY_FILE, BLOB, _at("2026-01-09T04:12:33.9Z"))
    assert stamp.line() == (
        f"Received-At: #17 {ENERGY_FILE} {BLOB} 2026-01-09T04:12:33Z {stamp.mac}"
    )
    text = f"Annexes\n\n{stamp.line()}\n"
    assert verified_stamps(text, KEY) == [stamp]
    assert verified_stamps(text, b"another key") == []
    assert verified_stamps(text, None) == []
    for old, new in (("#17", "#18"), ("04:12:33", "04:12:32"), (BLOB[:8], "0" * 8)):
        assert verified_stamps(text.replace(old, new, 1), KEY) == []  # any edit breaks it
    assert parse_stamps("Received-At: 2025-12-01T00:00:00Z\n") == []  # the old, typed form


def test_the_description_keeps_only_the_jobs_stamps() -> None:
    stamp = sign(KEY, 17, ENERGY_FILE, BLOB, _at("2026-01-20T04:00:00Z"))
    typed = "Annexes\n\nReceived-At: 2025-12-01T00:00:00Z\nreceived-at : whenever\n"
    assert with_stamps(typed, [stamp]) == f"Annexes\n\n{stamp.line()}\n"
    assert with_stamps(typed, []) == "Annexes\n"


def test_a_file_keeps_its_time_while_its_content_is_unchanged() -> None:
    first = _at("2026-01-09T04:00:00Z")
    later = _at("2026-01-20T04:00:00Z")
    old = next_stamps([], {ENERGY_FILE: BLOB}, KEY, 17, first)
    assert next_stamps(old, {ENERGY_FILE: BLOB}, KEY, 17, later) == old
    changed = next_stamps(old, {ENERGY_FILE: "a" * 40}, KEY, 17, later)
    assert [s.moment for s in changed] == [later]  # new content: received now
    assert next_stamps(old, {}, KEY, 17, later) == []  # no longer passes: no stamp
    other_pr = next_stamps(old, {ENERGY_FILE: BLOB}, KEY, 18, later)
    assert [s.moment for s in other_pr] == [later]  # a stamp copied from another PR


def test_a_merge_counts_only_its_own_pull_requests_stamps_and_none_from_the_future() -> None:
    mine = sign(KEY, 17, ENERGY_FILE, BLOB, _at("2026-01-09T04:00:00Z"))
    other = sign(KEY, 12, "submissions/2025/water/treaties-in-force.yaml", BLOB, mine.moment)
    future = sign(
        KEY, 17, "submissions/2025/mfa/assessment.yaml", BLOB, _at("2027-01-01T00:00:00Z")
    )
    body = f"{mine.line()}\n{other.line()}\n{future.line()}\n"
    merged = _at("2026-01-10T00:00:00Z")
    for subject in ("Merge pull request #17 from energy/patch", "Energy annexes (#12) (#17)"):
        assert merged_pull_request(subject) == 17
        found = receipts_of(f"{subject}\n\n{body}", KEY, merged)
        assert found == {(ENERGY_FILE, BLOB): mine.moment}
    assert receipts_of(f"Direct push\n\n{body}", KEY, merged) == {}


# -- replays on real repositories ------------------------------------------------------


def _platform_merge(repo: Path, branch: str, message: str, when: str) -> str:
    """Merge ``branch`` into main as GitHub's web merge does (committer GitHub)."""
    git(repo, "checkout", "-q", "main")
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    env.update(
        GIT_AUTHOR_NAME="Aigerim", GIT_AUTHOR_EMAIL="aigerim@energo.example.kz",
        GIT_COMMITTER_NAME="GitHub", GIT_COMMITTER_EMAIL="noreply@github.com",
        GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when,
    )  # fmt: skip
    command = ["git", "-C", str(repo), "merge", "-q", "--no-ff", "-m", message, branch]
    subprocess.run(command, env=env, check=True, capture_output=True)
    return git(repo, "rev-parse", "HEAD").strip()


def _status_row(repo: Path, key: bytes | None, as_of: str = "2026-03-01") -> dict[str, Any]:
    env = {KEY_ENV: key.decode()} if key else {KEY_ENV: ""}
    args = ["status", "--repo", str(repo), "--as-of", as_of, "--format", "json"]
    result = run([*args, "--period", "2025"], None, **env)
    assert code(result) == 0, result.output
    rows = json.loads(result.output)["rows"]
    return next(r for r in rows if r["body"] == "energy" and r["kind"] == "treaties-in-force")


def _stamp(repo: Path, api: FakeGitHubApi, tmp_path: Path, base: str, head_sha: str, now: str,
           name: str = "pull_request.synchronize.json", **changes: object) -> str:  # fmt: skip
    ev = event(tmp_path, name, base, head_sha, **changes)
    args = ["pr", "stamp", "--event", str(ev), "--repo", str(repo), "--now", now]
    result = run(args, api, **{KEY_ENV: KEY.decode()})
    assert code(result) == 0, result.output
    return result.output


def test_5_a_fork_cannot_back_date_its_receipt_with_a_typed_line(
    git_repo: Path, api: FakeGitHubApi, tmp_path: Path
) -> None:
    """Before: check.yml skipped the stamp for forks, the typed line reached the merge
    commit, and status trusted it because GitHub committed the merge."""
    base = git(git_repo, "rev-parse", "main").strip()
    git(git_repo, "checkout", "-q", "-b", "fork-patch")
    write(git_repo, ENERGY_FILE, demo_file(ENERGY_FILE))
    head = commit_all(git_repo, "Submit", "2026-01-20T09:00:00+05:00")
    forged = sign(b"a guessed key", 17, ENERGY_FILE, BLOB, _at("2025-12-01T00:00:00Z"))
    typed = f"Annexes 1-3.\n\nReceived-At: 2025-12-01T00:00:00Z\n{forged.line()}\n"
    api.issues[17] = Issue(17, "PR", typed)
    output = _stamp(git_repo, api, tmp_path, base, head, "2026-01-20T04:30:00Z",
                    "pull_request.opened.fork.json", body=typed)  # fmt: skip
    assert f"{ENERGY_FILE}: received 2026-01-20T04:30:00Z" in output
    stamped = api.issues[17].body
    assert "2025-12-01" not in stamped and stamped.startswith("Annexes 1-3.\n\nReceived-At: #17 ")

    # Had the typed lines reached main anyway (a merge before the job ran), they count for
    # nothing: the merge day does.
    _platform_merge(git_repo, "fork-patch", f"Merge pull request #17 from mallory/patch\n\n{typed}",
                    "2026-01-21T10:00:00+05:00")  # fmt: skip
    assert read_history(git_repo, key=KEY).arrival(ENERGY_FILE) == dt.date(2026, 1, 21)
    row = _status_row(git_repo, KEY)
    assert (row["submitted"], row["state"], row["days_late"]) == ("2026-01-21", "late", 9)


def test_5_the_jobs_stamp_counts_and_nothing_else_does(
    git_repo: Path, api: FakeGitHubApi, tmp_path: Path
) -> None:
    base = git(git_repo, "rev-parse", "main").strip()
    git(git_repo, "checkout", "-q", "-b", "patch-1")
    write(git_repo, ENERGY_FILE, demo_file(ENERGY_FILE))
    head = commit_all(git_repo, "Submit", "2026-01-09T09:00:00+05:00")
    api.issues[17] = Issue(17, "PR", "Annexes 1-3.")
    _stamp(git_repo, api, tmp_path, base, head, "2026-01-09T04:15:00Z", "pull_request.opened.json")
    message = f"Merge pull request #17 from energy/patch-1\n\n{api.issues[17].body}"
    _platform_merge(git_repo, "patch-1", message, "2026-01-20T15:00:00+05:00")
    assert _status_row(git_repo, KEY)["submitted"] == "2026-01-09"  # the stamp: on time
    assert _status_row(git_repo, None)["submitted"] == "2026-01-20"  # no key: the merge
    wrong = _status_row(git_repo, b"not the key")
    assert (wrong["submitted"], wrong["state"]) == ("2026-01-20", "late")


def test_6_opening_a_pull_request_early_reserves_nothing(
    git_repo: Path, api: FakeGitHubApi, tmp_path: Path
) -> None:
    """Before: the stamp was the time the pull request was opened, whatever came later."""
    base = git(git_repo, "rev-parse", "main").strip()
    git(git_repo, "checkout", "-q", "-b", "patch-1")
    write(git_repo, "submissions/2025/energy/notes.txt", "to do\n")  # an empty-handed PR
    early = commit_all(git_repo, "Open early", "2026-01-05T09:00:00+05:00")
    api.issues[17] = Issue(17, "PR", "Annexes 1-3 to follow.")
    opened = "2026-01-05T04:00:00Z"
    output = _stamp(git_repo, api, tmp_path, base, early, "2026-01-05T04:01:00Z",
                    "pull_request.opened.json", created_at=opened)  # fmt: skip
    assert "Received-At: unchanged" in output and "Received-At" not in api.issues[17].body
    git(git_repo, "rm", "-q", "submissions/2025/energy/notes.txt")
    write(git_repo, ENERGY_FILE, demo_file(ENERGY_FILE))
    head = commit_all(git_repo, "The report", "2026-01-20T09:00:00+05:00")
    _stamp(git_repo, api, tmp_path, base, head, "2026-01-20T04:02:00Z", created_at=opened)
    message = f"Merge pull request #17 from energy/patch-1\n\n{api.issues[17].body}"
    _platform_merge(git_repo, "patch-1", message, "2026-01-21T10:00:00+05:00")
    row = _status_row(git_repo, KEY)
    assert (row["submitted"], row["state"], row["days_late"]) == ("2026-01-20", "late", 8)


def test_6_the_content_that_counts_is_the_content_merged(
    git_repo: Path, api: FakeGitHubApi, tmp_path: Path
) -> None:
    """Valid on time, then replaced after the due date: the merged content arrived late.
    A push that fails validation is never stamped."""
    base = git(git_repo, "rev-parse", "main").strip()
    git(git_repo, "checkout", "-q", "-b", "patch-1")
    text = demo_file(ENERGY_FILE)
    write(git_repo, ENERGY_FILE, text.replace("status: implemented", "status: done-ish", 1))
    broken = commit_all(git_repo, "Draft", "2026-01-08T09:00:00+05:00")
    api.issues[17] = Issue(17, "PR", "Annexes.")
    output = _stamp(git_repo, api, tmp_path, base, broken, "2026-01-08T04:00:00Z")
    assert f"{ENERGY_FILE}: not stamped" in output
    write(git_repo, ENERGY_FILE, text)
    good = commit_all(git_repo, "Fixed", "2026-01-09T09:00:00+05:00")
    _stamp(git_repo, api, tmp_path, base, good, "2026-01-09T04:00:00Z")
    on_time = api.issues[17].body
    write(git_repo, ENERGY_FILE, text + "# corrected after the due date\n")
    late = commit_all(git_repo, "Changed after the due date", "2026-01-19T09:00:00+05:00")
    _stamp(git_repo, api, tmp_path, base, late, "2026-01-19T04:00:00Z")
    assert api.issues[17].body != on_time and "2026-01-19T04:00:00Z" in api.issues[17].body
    message = f"Merge pull request #17 from energy/patch-1\n\n{api.issues[17].body}"
    _platform_merge(git_repo, "patch-1", message, "2026-01-22T10:00:00+05:00")
    assert _status_row(git_repo, KEY)["submitted"] == "2026-01-19"


def test_6_a_pull_request_cannot_loosen_the_schema_it_is_judged_by(
    git_repo: Path, api: FakeGitHubApi, tmp_path: Path
) -> None:
    base = git(git_repo, "rev-parse", "main").strip()
    git(git_repo, "checkout", "-q", "-b", "patch-1")
    schema = git_repo / "schemas/treaties-in-force.schema.json"
    loose = json.loads(schema.read_text(encoding="utf-8"))
    loose.pop("required", None)
    loose["additionalProperties"] = True
    schema.write_text(json.dumps(loose), encoding="utf-8")
    write(git_repo, ENERGY_FILE, "form: treaties-in-force\nperiod: 2025\nbody: energy\nx: 1\n")
    head = commit_all(git_repo, "Loosen and submit", "2026-01-09T09:00:00+05:00")
    api.issues[17] = Issue(17, "PR", "")
    output = _stamp(git_repo, api, tmp_path, base, head, "2026-01-09T04:00:00Z")
    assert f"{ENERGY_FILE}: not stamped" in output
    assert api.calls == []


def test_7_a_placeholder_then_the_real_rows_is_an_amendment_in_json(
    git_repo: Path, tmp_path: Path
) -> None:
    """Before: ``annex1: []`` merged on time, then the rows 39 days late, was ``on-time,
    days_late 0`` in JSON, with the amendment only in the text format."""
    placeholder = "form: treaties-in-force\nperiod: 2025\nbody: energy\nannex1: []\n"
    for text, when in ((placeholder, "2026-01-09"), (demo_file(ENERGY_FILE), "2026-02-20")):
        git(git_repo, "checkout", "-q", "-B", "patch", "main")
        write(git_repo, ENERGY_FILE, text)
        commit_all(git_repo, "Submit", f"{when}T09:00:00+05:00")
        _platform_merge(git_repo, "patch", "Merge pull request #1 from energy/patch",
                        f"{when}T12:00:00+05:00")  # fmt: skip
    row = _status_row(git_repo, None)
    assert (row["state"], row["days_late"]) == ("on-time", 0)
    assert row["amended"] == [{"date": "2026-02-20", "files": [ENERGY_FILE], "days_after_due": 39}]
    assert "TR402" in row["codes"]
    assert (dt.date(2026, 2, 20) - DUE).days == 39
    changed = "2026-02-20 (39 day(s) after the due date)"
    shown = run(["status", "--repo", str(git_repo), "--as-of", "2026-03-01", "--period", "2025",
                 "--body", "energy", "--lang", "en"], None, **{KEY_ENV: ""})  # fmt: skip
    assert code(shown) == 0 and f"amended {changed}" in shown.output  # the site's note too
    out = tmp_path / "annex6.md"
    args = ["--period", "2025", "--as-of", "2026-03-01", "--format", "md", "--lang", "en"]
    report = run(["report", "--repo", str(git_repo), *args, "-o", str(out)], None, **{KEY_ENV: ""})
    assert code(report) == 0, report.output
    text = out.read_text(encoding="utf-8")
    energy = [
        line
        for line in text.splitlines()
        if line.startswith("| Ministry of Energy | Annexes 1") and "2026" in line
    ]
    assert "Changed after receipt |" in text  # the per-body table's column
    assert energy == [  # the report writes the date in words
        "| Ministry of Energy | Annexes 1, 2, 3 | 12 January 2026 | 9 January 2026 | on time "
        "| 0 | 6 | 20 February 2026 (39 day(s) after the due date) |"
    ]


@pytest.mark.parametrize("missing", ["", "   "])
def test_without_a_key_the_stamp_job_writes_nothing(
    git_repo: Path, api: FakeGitHubApi, tmp_path: Path, missing: str
) -> None:
    ev = event(tmp_path, "pull_request.opened.json", "main", "main")
    result = run(["pr", "stamp", "--event", str(ev), "--repo", str(git_repo)], api,
                 **{KEY_ENV: missing})  # fmt: skip
    assert code(result) == 0 and "::warning::" in result.output and api.calls == []


def test_a_linked_file_in_the_pull_request_is_never_stamped(
    git_repo: Path, api: FakeGitHubApi, tmp_path: Path
) -> None:
    base = git(git_repo, "rev-parse", "main").strip()
    git(git_repo, "checkout", "-q", "-b", "patch-1")
    target = "../../../../etc/passwd"
    blob = git(git_repo, "hash-object", "-w", "--stdin", input_text=target).strip()
    git(git_repo, "update-index", "--add", "--cacheinfo", f"120000,{blob},{ENERGY_FILE}")
    tree = git(git_repo, "write-tree").strip()
    head = git(git_repo, "commit-tree", tree, "-p", base, "-m", "link").strip()
    api.issues[17] = Issue(17, "PR", "")
    output = _stamp(git_repo, api, tmp_path, base, head, "2026-01-09T04:00:00Z")
    assert "received" not in output and api.calls == []
