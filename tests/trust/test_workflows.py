"""Issue 15, finding 10: the pull request's own code never runs with a token that can write,
or with a secret. check.yml (the PR's code) can only read; receipt.yml (ownership, stamp,
comment) runs the base branch's code and reads the pull request only as data. Replayed with
a recorded fork payload and the fake API: a pull request that rewrites the stamp code and
the schema changes nothing of what the trusted job decides."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from generator.deadlines.trailers import KEY_ENV, verified_stamps
from generator.github.api import Issue
from generator.load.yamlsafe import load_yaml
from testing.git import commit_all, git
from testing.github_fake import FakeGitHubApi
from testing.repo import REPO_ROOT, write
from tests.workflows.conftest import ENERGY_FILE, code, demo_file, event, run

WORKFLOWS = REPO_ROOT / ".github/workflows"
KEY = "the repository's stamp secret"


def _workflow(name: str) -> dict[str, Any]:
    data = load_yaml((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _runs(job: dict[str, Any]) -> list[str]:
    return [str(step["run"]) for step in job["steps"] if "run" in step]


def test_the_job_that_runs_the_pull_requests_code_can_only_read() -> None:
    text = (WORKFLOWS / "check.yml").read_text(encoding="utf-8")
    flow = _workflow("check.yml")
    assert list(flow["on"]) == ["pull_request"]
    assert flow["permissions"] == {}
    for job in flow["jobs"].values():
        assert job["permissions"] == {"contents": "read"}
        assert not any("treaty pr stamp" in r or "--comment " in f"{r} " for r in _runs(job))
    assert "secrets." not in text  # no token that writes, no stamp key, no org token


def test_the_privileged_job_runs_only_the_base_branchs_code() -> None:
    flow = _workflow("receipt.yml")
    assert list(flow["on"]) == ["pull_request_target"]
    (job,) = flow["jobs"].values()
    checkouts = {
        s["with"]["path"]: s["with"] for s in job["steps"] if "checkout" in str(s.get("uses"))
    }
    assert checkouts["trusted"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    assert "pull_request.number" in checkouts["submitted"]["ref"]
    assert all(c["persist-credentials"] is False for c in checkouts.values())
    runs = _runs(job)
    assert any(r == "python -m pip install --quiet ./trusted" for r in runs)
    for command in runs:
        for use in re.findall(r"submitted\S*", command):
            assert use == "submitted", command  # only ever `--repo submitted`: data
        assert command.startswith(("treaty ", "python -m pip install --quiet ./trusted"))
    assert all("working-directory" not in s for s in job["steps"])
    stamp = next(s for s in job["steps"] if "treaty pr stamp" in str(s.get("run")))
    assert stamp["env"]["TREATY_STAMP_KEY"] == "${{ secrets.TREATY_STAMP_KEY }}"


def test_whatever_reads_status_can_verify_stamps() -> None:
    for name in ("deploy.yml", "reminders.yml"):
        assert "TREATY_STAMP_KEY: ${{ secrets.TREATY_STAMP_KEY }}" in (WORKFLOWS / name).read_text(
            encoding="utf-8"
        )


def test_a_fork_that_rewrites_the_stamp_code_and_the_schema_gains_nothing(
    git_repo: Path, api: FakeGitHubApi, tmp_path: Path
) -> None:
    base = git(git_repo, "rev-parse", "main").strip()
    git(git_repo, "checkout", "-q", "-b", "fork-patch")
    write(git_repo, "generator/deadlines/trailers.py", "def sign(*a): return 'always valid'\n")
    schema = git_repo / "schemas/treaties-in-force.schema.json"
    loose = json.loads(schema.read_text(encoding="utf-8"))
    loose["additionalProperties"] = True
    schema.write_text(json.dumps(loose), encoding="utf-8")
    extra = demo_file(ENERGY_FILE) + "back_dated: true\n"  # fine under the loosened schema
    write(git_repo, ENERGY_FILE, extra)
    head = commit_all(git_repo, "Faster stamps", "2026-01-09T09:00:00+05:00")
    ev = event(tmp_path, "pull_request.opened.fork.json", base, head)
    api.issues[17] = Issue(17, "PR", "Received-At: 2025-12-01T00:00:00Z\n")
    author = json.loads(ev.read_text(encoding="utf-8"))["pull_request"]["user"]["login"]

    # The three steps of receipt.yml, in order, with the base branch's code (this one).
    owners = run(["owners", "check", "--repo", str(git_repo), "--author", author,
                  "--base", base, "--head", head, "--format", "github"], api)  # fmt: skip
    assert code(owners) == 1
    assert "file=generator/deadlines/trailers.py" in owners.output
    assert "file=schemas/treaties-in-force.schema.json" in owners.output
    stamp = run(["pr", "stamp", "--event", str(ev), "--repo", str(git_repo),
                 "--now", "2026-01-09T04:00:00Z"], api, **{KEY_ENV: KEY})  # fmt: skip
    assert code(stamp) == 0
    assert f"{ENERGY_FILE}: not stamped" in stamp.output  # judged by main's schema
    assert verified_stamps(api.issues[17].body, KEY.encode()) == []
    assert "2025-12-01" not in api.issues[17].body
    check = run(["pr", "check", "--event", str(ev), "--repo", str(git_repo), "--comment",
                 "--now", "2026-01-09T04:00:00Z"], api, **{KEY_ENV: KEY})  # fmt: skip
    assert code(check) in (0, 1)
    (comment,) = api.comments[17]
    assert comment.author == "github-actions[bot]"


def test_the_internal_edition_is_an_artifact_of_a_private_repository_only() -> None:
    """The internal edition has a home (docs/internal-edition.md): an artifact, built and
    uploaded only when the repository is private, and never pushed to Pages."""
    steps = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text(encoding="utf-8"))["jobs"][
        "deploy"
    ]["steps"]
    build = next(s for s in steps if "--edition internal" in s.get("run", ""))
    upload = next(s for s in steps if s.get("with", {}).get("name") == "internal-site")
    for step in (build, upload):
        assert step["if"] == "github.event.repository.private"
    assert upload["with"]["path"] == "build/internal/"
    assert re.fullmatch(r"actions/upload-artifact@[0-9a-f]{40}", upload["uses"])
    assert not any("internal" in s.get("run", "") for s in steps if "deploy" in s.get("run", ""))
