"""`treaty request from-issue`: the MFA's request (point 46) from an issue form."""

from __future__ import annotations

import json
from pathlib import Path

from generator.check.project import open_project
from generator.check.validate import validate
from generator.load.yamlsafe import load_yaml
from testing.github_fake import FakeGitHubApi
from tests.workflows.conftest import FIXTURES, code, run

PATH = "submissions/2025/mfa/report-requests/2025-04-25-central-asia-water-conference.yaml"


def test_issue_becomes_a_valid_request_file_dated_the_day_it_was_opened(
    repo: Path, api: FakeGitHubApi
) -> None:
    ev = FIXTURES / "issues.opened.report-request.json"
    result = run(["request", "from-issue", "--event", str(ev), "--repo", str(repo)], api)
    assert code(result) == 0, result.output
    assert result.output.strip() == PATH  # opened 21:30 UTC on 24 April: 25 April in Astana
    data = load_yaml((repo / PATH).read_text(encoding="utf-8"))
    assert data["requested_on"] == "2025-04-25"
    assert data["requested_body"] == "water" and data["event_end"] == "2025-04-23"
    assert data["event"] == {
        "kk": "Орталық Азия су конференциясы",
        "ru": "Центральноазиатская водная конференция",
    }
    problems = validate(open_project(repo), [str(repo / PATH)]).problems
    assert [p for p in problems if p.is_error] == []


def test_only_the_mfa_may_request(repo: Path, api: FakeGitHubApi, tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "issues.opened.report-request.json").read_text("utf-8"))
    data["issue"]["user"]["login"] = "aigerim-energy"
    ev = tmp_path / "event.json"
    ev.write_text(json.dumps(data), encoding="utf-8")
    result = run(["request", "from-issue", "--event", str(ev), "--repo", str(repo)], api)
    assert code(result) == 1
    assert not (repo / "submissions/2025/mfa").exists()


def test_a_bad_date_is_refused_with_the_problem(
    repo: Path, api: FakeGitHubApi, tmp_path: Path
) -> None:
    data = json.loads((FIXTURES / "issues.opened.report-request.json").read_text("utf-8"))
    data["issue"]["body"] = data["issue"]["body"].replace("2025-04-23", "2025-13-45")
    ev = tmp_path / "event.json"
    ev.write_text(json.dumps(data), encoding="utf-8")
    result = run(["request", "from-issue", "--event", str(ev), "--repo", str(repo)], api)
    assert code(result) == 1
    assert "TR2" in result.output
    assert not (repo / "submissions/2025/mfa").exists()


def test_the_issue_form_labels_name_the_fields_the_program_reads() -> None:
    from testing.repo import REPO_ROOT

    form = load_yaml((REPO_ROOT / ".github/ISSUE_TEMPLATE/report-request.yml").read_text("utf-8"))
    inputs = [item for item in form["body"] if item["type"] != "markdown"]
    assert inputs
    for item in inputs:
        assert item["attributes"]["label"].endswith(f"({item['id']})")
