"""The benchmarks run end to end at a tiny scale and write the results they promise.

No timing is asserted (the machine is shared); only that every result file is written
with its keys, and that the counts the benchmarks report agree with each other.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

RUN = Path(__file__).resolve().parents[2] / "bench" / "run.py"
COMMON = {"date", "python", "machine", "cpus", "scale", "bodies", "years", "ratios"}


def _results(out: Path) -> dict[str, dict[str, Any]]:
    done = subprocess.run(
        [sys.executable, str(RUN), "--scale", "0.01", "--years", "1", "--repeat", "1",
         "--out-dir", str(out)],
        capture_output=True, text=True, check=False, cwd=out,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return {
        name: json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        for name in ("validate", "status", "report", "site")
    }


def _check_validate(found: dict[str, Any]) -> None:
    measured = {"floor", "whole_repository", "whole_repository_one_process", "check_jsonschema",
                "named_files", "named_files_first_run", "cli_named_files", "targets"}  # fmt: skip
    assert COMMON | measured <= set(found)
    assert {"whole_vs_floor_seconds", "check_jsonschema_vs_whole_seconds",
            "microseconds_per_entry", "named_vs_whole_seconds"} <= set(found["ratios"])  # fmt: skip
    assert set(found["targets"]["met"]) == set(found["targets"]["limits"])
    submissions = found["submission_files"]
    # the floor and check-jsonschema read the submissions; treaty validate the registers too
    assert found["floor"]["files"] == found["check_jsonschema"]["files"] == submissions
    assert found["check_jsonschema"]["calls_with_problems"] == 0  # it agrees: all valid
    for whole in (found["whole_repository"], found["whole_repository_one_process"]):
        assert whole["errors"] == 0 and whole["files"] > submissions and whole["exit_code"] == 0
        assert 0 < whole["peak_pss_kb"] <= whole["sum_of_peak_rss_kb"]
    assert found["whole_repository_one_process"]["processes"] == 1


def _check_status(found: dict[str, Any]) -> None:
    assert COMMON | {"library", "library_one_period", "cli_json", "merged_pull_requests"} <= set(
        found
    )
    lib = found["library"]
    assert {"history_seconds", "rows_seconds", "peak_rss_kb"} <= set(lib)
    assert {"history_vs_rows_seconds", "microseconds_per_row"} <= set(found["ratios"])
    # the synthetic history brings every submission to main through merged pull requests
    assert found["merged_pull_requests"] > 0
    assert lib["history_files"] > found["submission_files"]
    assert found["cli_json"]["rows"] == lib["rows"] and found["cli_json"]["exit_code"] == 0


def _check_report(found: dict[str, Any]) -> None:
    assert COMMON | {"stages", "cli", "small", "period"} <= set(found)
    assert set(found["cli"]) >= {"md", "json", "csv"}
    assert set(found["small"]["cli"]) >= {"md", "docx", "pdf"}
    stages = found["stages"]
    assert stages["entries_shown"] == stages["entries_received"] > 0
    ratios = found["ratios"]
    assert {"md_microseconds_per_entry", "pdf_vs_md_seconds_small"} <= set(ratios)
    assert {"validate_share_of_stages", "status_share_of_stages"} <= set(ratios)


def _check_site(found: dict[str, Any]) -> None:
    assert COMMON | {"runs", "targets", "downloads"} <= set(found)
    run = found["runs"][-1]
    public, plain = run["public"], run["plain"]
    assert public["pages"] == plain["pages"] > 100  # the same number of pages, both ways
    assert run["both"]["pages"] > public["pages"]
    assert set(public["query_bytes"]) == {"kk", "ru", "en"}
    assert all(size > 0 for size in public["query_bytes"].values())
    assert 0 < public["largest_page_bytes"] < public["output_bytes"]
    assert set(found["targets"]["met"]) >= {"public_seconds", "largest_page_kb", "query_kb",
                                            "peak_memory_flat"}  # fmt: skip
    assert set(found["targets"]["memory"]) == {"peak_growth_mb", "peak_growth_per_body_mb",
                                               "plain_peak_growth_mb"}  # fmt: skip
    assert {"seconds_per_page", "ours_vs_plain_seconds"} <= set(found["ratios"])


@pytest.mark.long
def test_every_benchmark_writes_its_results(tmp_path: Path) -> None:
    found = _results(tmp_path)
    _check_validate(found["validate"])
    _check_status(found["status"])
    _check_report(found["report"])
    _check_site(found["site"])
    table = [
        line for line in (tmp_path / "summary.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("| ") and not line.startswith("| benchmark")
    ]  # fmt: skip
    names = [line.split(" | ")[0] for line in table]
    assert names == ["| validate", "| status", "| report", "| site"]
