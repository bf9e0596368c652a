"""``treaty status`` and ``treaty validate --as-of`` driven through the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.cli.main import main
from testing.git import GitRepo
from testing.repo import annual

T = "T11:00:00+05:00"
KEYS = [
    "body",
    "kind",
    "period",
    "due",
    "submitted",
    "state",
    "days_late",
    "files",
    "rule",
    "codes",
    "written_due",
    "readings",
    "amended",
]


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.merge_pr(annual("treaties-in-force", 2025, "energy"), when="2026-01-15" + T)
    return repo


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_json_is_exactly_the_contract(repo: GitRepo, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "status", "--repo", str(repo.root), "--as-of", "2026-02-01",
                    "--period", "2025", "--format", "json")  # fmt: skip
    data = json.loads(out)
    assert code == 0 and list(data) == ["as_of", "rows", "excluded"]
    assert data["as_of"] == "2026-02-01"
    assert all(list(r) == KEYS for r in data["rows"])
    energy = next(
        r for r in data["rows"] if r["body"] == "energy" and r["kind"] == "treaties-in-force"
    )
    assert energy == {
        "body": "energy", "kind": "treaties-in-force", "period": 2025, "due": "2026-01-12",
        "submitted": "2026-01-15", "state": "late", "days_late": 3,
        "files": ["submissions/2025/energy/treaties-in-force.yaml"], "rule": "2.1",
        "codes": ["TR401"], "written_due": "2026-01-10", "readings": ["roll-forward"],
        "amended": [],
    }  # fmt: skip
    # this repository's files lack their tables: each is listed, with why (TR201)
    assert data["excluded"] and all(list(x) == ["file", "entries", "problems"]
                                    for x in data["excluded"])  # fmt: skip
    first = data["excluded"][0]["problems"][0]
    assert list(first) == ["line", "column", "code", "message"] and first["code"] == "TR201"


def test_csv_and_markdown(repo: GitRepo, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, "status", "--repo", str(repo.root), "--as-of", "2026-02-01",
                 "--period", "2025", "--format", "csv")  # fmt: skip
    lines = out.splitlines()
    assert lines[0] == ",".join(KEYS)
    assert "energy,treaties-in-force,2025,2026-01-12,2026-01-15,late,3," in out
    _, md = run(capsys, "status", "--repo", str(repo.root), "--as-of", "2026-02-01",
                "--period", "2025", "--format", "markdown", "--lang", "ru")  # fmt: skip
    assert (
        "с опозданием (опоздание 3 дн.; TR401; по Правилам – не позднее 2026-01-10;" in md
        and "| 2025 |" in md
    )


def test_text_labels_default_to_kazakh(repo: GitRepo, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(
        capsys, "status", "--repo", str(repo.root), "--as-of", "2026-02-01", "--period", "2025"
    )
    assert "кешіктірілген (3 күн кешікті; TR401; Қағидалар бойынша" in out


def test_upcoming_lists_what_falls_due_per_body(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out = run(capsys, "status", "--repo", str(repo.root), "--as-of", "2026-02-01",
                 "--upcoming", "14", "--lang", "en")  # fmt: skip
    assert "Ministry of Foreign Affairs (mfa)" in out and "2026-02-10" in out
    assert "2026-02-25" not in out  # the PM Office's 25 February is 24 days away
    _, out = run(capsys, "status", "--repo", str(repo.root), "--as-of", "2026-02-01",
                 "--upcoming", "30", "--format", "json")  # fmt: skip
    rows = json.loads(out)["rows"]
    assert {(r["body"], r["due"]) for r in rows} == {
        ("mfa", "2026-02-10"),
        ("pm-office", "2026-02-25"),
    }


def test_one_calendar_per_body_byte_identical_across_runs(
    repo: GitRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for out in ("a", "b"):
        code, _ = run(capsys, "status", "--repo", str(repo.root), "--as-of", "2026-02-01",
                      "--period", "2025", "--ics", str(tmp_path / out), "--lang", "en")  # fmt: skip
        assert code == 0
    first = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert "energy.ics" in first and "mfa.ics" in first
    for name in first:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    text = (tmp_path / "a" / "energy.ics").read_bytes().decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20260112\r\n" in text and text.count("BEGIN:VEVENT") == 3
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


TRANSMITTAL = (
    "# a new file\nform: transmittal\nperiod: 2025\nbody: pm-office\nsent_on: '2026-02-20'\n"
)


def _validate(
    capsys: pytest.CaptureFixture[str], repo: GitRepo, *extra: str
) -> tuple[int, dict[str, Any]]:
    target = str(repo.root / "submissions/2025/pm-office/transmittal.yaml")
    code, out = run(
        capsys, "validate", target, "--repo", str(repo.root), "--format", "json", *extra
    )
    return code, json.loads(out)


def test_validate_as_of_warns_about_a_late_new_file_and_passes(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.put({"submissions/2025/pm-office/transmittal.yaml": TRANSMITTAL})
    code, data = _validate(capsys, repo, "--as-of", "2026-03-02", "--lang", "en")
    warnings = [p for p in data["problems"] if p["code"] == "TR401"]
    assert code == 0 and len(warnings) == 1
    assert warnings[0]["severity"] == "warning"
    assert warnings[0]["file"] == "submissions/2025/pm-office/transmittal.yaml"
    assert "due 2026-02-25, received 2026-03-02 (5 day(s) late)" in warnings[0]["message"]


def test_validate_as_of_counts_a_commit_on_the_pull_request_branch(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.git("checkout", "-q", "-b", "pm-office/transmittal")
    repo.put({"submissions/2025/pm-office/transmittal.yaml": TRANSMITTAL})
    repo.git("add", "submissions")
    repo.git("commit", "-q", "-m", "transmittal", when="2026-02-01" + T)
    code, data = _validate(capsys, repo, "--as-of", "2026-02-27", "--lang", "en")
    assert code == 0 and [p["code"] for p in data["problems"]] == ["TR401"]
    assert "(2 day(s) late)" in data["problems"][0]["message"]


def test_validate_as_of_is_quiet_for_an_on_time_file(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.put({"submissions/2025/pm-office/transmittal.yaml": TRANSMITTAL})
    code, data = _validate(capsys, repo, "--as-of", "2026-02-24")
    assert code == 0 and data["problems"] == []


def test_validate_as_of_records_a_late_correction_as_an_amendment(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.merge_pr(
        {"submissions/2025/pm-office/transmittal.yaml": TRANSMITTAL}, when="2026-02-20" + T
    )
    repo.put({"submissions/2025/pm-office/transmittal.yaml": TRANSMITTAL + "# corrected\n"})
    code, data = _validate(capsys, repo, "--as-of", "2026-03-10")
    assert code == 0 and [p["code"] for p in data["problems"]] == ["TR402"]


def test_state_and_body_filters_with_the_totals_first(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["status", "--repo", str(repo.root), "--as-of", "2026-02-01", "--period", "2025"]
    _, out = run(capsys, *args, "--state", "late", "--lang", "en", "--no-check")
    lines = out.splitlines()
    assert lines[1].startswith("1 duties: 0 on time, 1 late")  # the totals, before any row
    assert "(energy)" in out and "missing" not in out.split("\n", 2)[2]
    assert "Left out of the report" not in out  # --no-check: the files are not checked
    _, out = run(capsys, *args, "--state", "missing", "--body", "water", "--format", "json")
    rows = json.loads(out)["rows"]
    assert rows and {(r["body"], r["state"]) for r in rows} == {("water", "missing")}


def test_an_unknown_body_is_a_usage_error(repo: GitRepo) -> None:
    assert main(["status", "--repo", str(repo.root), "--body", "nope"]) == 2


def test_the_text_fits_an_80_column_terminal(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    for lang in ("kk", "ru", "en"):
        _, out = run(capsys, "status", "--repo", str(repo.root), "--as-of", "2026-02-01",
                     "--lang", lang)  # fmt: skip
        assert max(len(line) for line in out.splitlines()) <= 80
