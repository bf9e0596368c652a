"""The one lateness engine, and the same late file judged by all four of its users.

``treaty validate --as-of``, ``treaty pr check``, ``treaty status`` and the site must give
the same codes for the same arrival: TR401 for a first submission after its due date, TR402
for a later change after it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main as cli_main
from generator.deadlines.history import FileHistory, SubmissionHistory
from generator.deadlines.lateness import Arrival, arrival_problem, row_problems
from generator.deadlines.values import StatusRow
from testing.git import GitRepo
from testing.github_fake import FakeGitHubApi
from testing.repo import REPO_ROOT

ENERGY = "submissions/2025/energy/treaties-in-force.yaml"
DUE = dt.date(2026, 1, 12)  # 10 January 2026 is a Saturday
EVENT = REPO_ROOT / "tests" / "workflows" / "fixtures" / "pull_request.opened.json"


def _row(submitted: dt.date | None, files: tuple[str, ...] = (ENERGY,)) -> StatusRow:
    state = "late" if submitted and submitted > DUE else "on-time"
    days = (submitted - DUE).days if submitted and submitted > DUE else 0
    return StatusRow("energy", "treaties-in-force", 2025, DUE, submitted, state, days, files, "2.1")


def test_first_arrival_after_the_due_date_is_tr401_with_days() -> None:
    day = dt.date(2026, 1, 20)
    found = arrival_problem(_row(day), Arrival(ENERGY, day, first=True))
    assert found is not None and found.code == "TR401"
    assert dict(found.args) == {"due": "2026-01-12", "submitted": "2026-01-20", "rule": "2.1",
                                "days": "8"}  # fmt: skip


def test_arrival_on_the_due_date_is_in_time() -> None:
    assert arrival_problem(_row(DUE), Arrival(ENERGY, DUE, first=True)) is None


def test_a_change_after_the_due_date_is_tr402_and_an_on_time_first_stays_clean() -> None:
    history = SubmissionHistory({ENERGY: FileHistory(ENERGY, DUE, "c1", (dt.date(2026, 2, 3),))})
    codes = [p.code for p in row_problems(_row(DUE), history, dt.date(2026, 3, 1))]
    assert codes == ["TR402"]


def test_only_the_file_that_met_the_duty_is_late() -> None:
    """Two files of one row: the second, arriving later, is not a second TR401."""
    other = "submissions/2025/energy/treaties-in-force.yml"
    day, later = dt.date(2026, 1, 20), dt.date(2026, 1, 25)
    history = SubmissionHistory(
        {ENERGY: FileHistory(ENERGY, day, "c1"), other: FileHistory(other, later, "c2")}
    )
    found = row_problems(_row(day, (ENERGY, other)), history, dt.date(2026, 3, 1))
    assert [(p.file, p.code) for p in found] == [(ENERGY, "TR401")]


def test_with_arriving_only_that_arrival_counts() -> None:
    history = SubmissionHistory({ENERGY: FileHistory(ENERGY, DUE, "c1", (dt.date(2026, 2, 3),))})
    as_of = dt.date(2026, 2, 10)
    assert row_problems(_row(DUE), history, as_of, {ENERGY: dt.date(2026, 2, 4)}) == ()
    found = row_problems(_row(DUE), history, as_of, {ENERGY: dt.date(2026, 2, 3)})
    assert [p.code for p in found] == ["TR402"]


# The same file through the four users of the engine -----------------------------------


def _cli(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli_main.cli, args, obj={"github_api": FakeGitHubApi()}, standalone_mode=False
    )
    if result.exception is not None:
        raise result.exception
    return int(result.return_value), result.output


def _validate_codes(repo: GitRepo, day: str) -> list[str]:
    code, out = _cli(["validate", "--repo", str(repo.root), "--as-of", day, "--format", "json",
                      str(repo.root / ENERGY)])  # fmt: skip
    assert code == 0, out
    return sorted(p["code"] for p in json.loads(out)["problems"] if p["file"] == ENERGY)


def _pr_codes(repo: GitRepo, tmp_path: Path, created: str) -> list[str]:
    data = json.loads(EVENT.read_text(encoding="utf-8"))
    data["pull_request"].update(created_at=created)
    data["pull_request"]["base"]["sha"] = repo.git("rev-parse", "main").strip()
    data["pull_request"]["head"]["sha"] = repo.git("rev-parse", "HEAD").strip()
    event = tmp_path / f"event-{created[:10]}.json"
    event.write_text(json.dumps(data), encoding="utf-8")
    code, out = _cli(["pr", "check", "--event", str(event), "--repo", str(repo.root),
                      "--now", created])  # fmt: skip
    assert code == 0, out
    lines = [x for x in out.splitlines() if x.startswith("::") and f"file={ENERGY}" in x]
    return sorted(c for x in lines for c in ("TR401", "TR402") if c in x)


def _status_row(repo: GitRepo, as_of: str) -> dict[str, object]:
    code, out = _cli(["status", "--repo", str(repo.root), "--as-of", as_of, "--period", "2025",
                      "--format", "json"])  # fmt: skip
    assert code == 0
    rows = json.loads(out)["rows"]
    return next(r for r in rows if ENERGY in r["files"])


@pytest.mark.slow
def test_validate_pr_check_status_and_site_agree(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    content = (REPO_ROOT / ENERGY).read_text(encoding="utf-8")

    # A first submission, 8 days after its due date.
    branch = repo.branch({ENERGY: content}, authored="2026-01-19T09:00:00+05:00")
    assert _validate_codes(repo, "2026-01-20") == ["TR401"]
    assert _pr_codes(repo, tmp_path, "2026-01-20T04:00:00Z") == ["TR401"]
    repo.merge(branch, when="2026-01-20T09:00:00+05:00")
    row = _status_row(repo, "2026-02-01")
    assert (row["state"], row["days_late"], row["codes"]) == ("late", 8, ["TR401"])

    # A correction on 3 February: an amendment after the due date.
    branch = repo.branch({ENERGY: content + "# corrected\n"}, authored="2026-02-03T09:00:00+05:00")
    assert _validate_codes(repo, "2026-02-03") == ["TR402"]
    assert _pr_codes(repo, tmp_path, "2026-02-03T04:00:00Z") == ["TR402"]
    repo.merge(branch, when="2026-02-03T10:00:00+05:00")
    assert _status_row(repo, "2026-02-05")["codes"] == ["TR401", "TR402"]

    # The site's page of the body shows the same codes in the row of that form.
    out = tmp_path / "site"
    code, _ = _cli(["site", "build", "--repo", str(repo.root), "--edition", "public",
                    "-o", str(out), "--as-of", "2026-02-05"])  # fmt: skip
    assert code == 0
    page = (out / "bodies" / "energy" / "index.html").read_text(encoding="utf-8")
    rows = [r for r in page.split("<tr>") if "2026-01-12" in r and "2026-01-20" in r]
    assert len(rows) == 1 and "TR401, TR402" in rows[0]
