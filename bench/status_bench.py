"""Benchmark ``treaty status`` (``build_status``) on a synthetic repository with git history.

The synthetic repository (:mod:`synthetic`, 60 bodies x 10 years at ``--scale 1``) gets a
back-dated first-parent history, one merged pull request per body and day, written with one
``git fast-import`` stream (:mod:`synthetic_git`). Then, each in a fresh process:

- the library (``library``): opening the project, reading the duty rules (with the
  holiday calendar), reading the git history (``read_history``, one ``git log`` call), and
  computing the rows (``build_status`` given that history: reading the submissions,
  judging every duty);
- the same for one period (``library_one_period``: what ``treaty report`` asks for);
- the whole ``treaty status --format json`` command, for every period and for one.

Results go to ``bench/results/status.json``. Compare the ratios (history reading vs row
computing, time per row, command vs library), not absolute times between machines.

    .venv/bin/python bench/status_bench.py            # 6 bodies, about 1k pull requests
    .venv/bin/python bench/status_bench.py --scale 1  # 60 bodies, about 10k pull requests
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from measure import machine, python_child, ratio, script_main, treaty
from synthetic import YEARS, bodies_for, build

NAME = "status"
RESULTS = Path(__file__).resolve().parent / "results" / f"{NAME}.json"

# One measurement in a child process: argv = root, as_of, period ("" for every period).
CHILD = """
import collections, json, resource, sys, time
from pathlib import Path
start = time.perf_counter()
from generator.check.project import open_project
from generator.deadlines.duties import load_duties
from generator.deadlines.history import read_history
from generator.deadlines.status import build_status
root, as_of, period = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
import datetime as dt
project = open_project(root)
opened = time.perf_counter()
timezone = load_duties(project).timezone
duties = time.perf_counter()
history = read_history(project.root, tz=timezone)
read = time.perf_counter()
report = build_status(project, dt.date.fromisoformat(as_of), int(period) if period else None,
                      history=history)
done = time.perf_counter()
print(json.dumps({
    "seconds": done - start,
    "open_seconds": opened - start,
    "duties_seconds": duties - opened,
    "history_seconds": read - duties,
    "rows_seconds": done - read,
    "history_files": len(history.files),
    "amended_files": sum(1 for f in history.files.values() if f.amendments),
    "rows": len(report.rows),
    "states": dict(sorted(collections.Counter(r.state for r in report.rows).items())),
    "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}))
"""


def as_of_for(years: tuple[int, ...]) -> dt.date:
    """A day after every synthetic pull request is merged (all annual files are due)."""
    return dt.date(years[-1] + 1, 3, 2)


def _library(root: Path, as_of: dt.date, period: int | None) -> dict[str, Any]:
    return python_child(CHILD, [str(root), as_of.isoformat(), str(period or "")], root)


def _cli(root: Path, as_of: dt.date, period: int | None) -> dict[str, Any]:
    args = ["status", "--format", "json", "--as-of", as_of.isoformat()]
    ran = treaty([*args, "--period", str(period)] if period else args, root)
    if ran.code != 0:
        raise RuntimeError(ran.stderr.decode("utf-8", "replace"))
    rows = len(json.loads(ran.stdout)["rows"])
    return {**ran.summary(), "rows": rows, "output_bytes": len(ran.stdout)}


def run(scale: float, years: tuple[int, ...] = YEARS) -> dict[str, Any]:
    as_of, period = as_of_for(years), years[-1]
    with tempfile.TemporaryDirectory(prefix="treaty-bench-") as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        repo = build(root, bodies_for(scale), years, history=True)
        built = time.perf_counter() - started
        library = _library(root, as_of, None)
        one_period = _library(root, as_of, period)
        cli = _cli(root, as_of, None)
        cli_period = _cli(root, as_of, period)
    return {
        **machine(),
        "scale": scale,
        "bodies": repo.bodies,
        "years": len(years),
        "submission_files": len(repo.written),
        "merged_pull_requests": repo.merges,
        "build_seconds": round(built, 3),
        "as_of": as_of.isoformat(),
        "period": period,
        "library": library,
        "library_one_period": one_period,
        "cli_json": cli,
        "cli_json_one_period": cli_period,
        "ratios": _ratios(library, one_period, cli, cli_period),
    }


def _ratios(
    lib: dict[str, Any], one: dict[str, Any], cli: dict[str, Any], cli_one: dict[str, Any]
) -> dict[str, Any]:
    return {
        "history_vs_rows_seconds": ratio(lib["history_seconds"], lib["rows_seconds"]),
        "history_share_of_library": ratio(lib["history_seconds"], lib["seconds"], 3),
        "microseconds_per_row": ratio(lib["rows_seconds"] * 1e6, lib["rows"], 1),
        "microseconds_per_history_file": ratio(
            lib["history_seconds"] * 1e6, lib["history_files"], 1
        ),
        "one_period_vs_all_rows_seconds": ratio(one["rows_seconds"], lib["rows_seconds"]),
        "cli_vs_library_seconds": ratio(cli["seconds"], lib["seconds"]),
        "cli_one_period_vs_all_seconds": ratio(cli_one["seconds"], cli["seconds"]),
        "peak_rss_cli_vs_library": ratio(cli["peak_rss_kb"], lib["peak_rss_kb"], 3),
    }


def headline(results: dict[str, Any]) -> dict[str, str]:
    """The figures the summary table shows."""
    lib, cli, r = results["library"], results["cli_json"], results["ratios"]
    return {
        "measured": "`treaty status --format json`, every period",
        "work": f"{lib['rows']} rows, {results['merged_pull_requests']} merges",
        "seconds": f"{cli['seconds']:.2f}",
        "peak MB": f"{cli['peak_rss_kb'] / 1024:.0f}",
        "ratios": f"history/rows {r['history_vs_rows_seconds']}; "
        f"{r['microseconds_per_row']} us/row",
    }


def main(argv: list[str] | None = None) -> int:
    return script_main(__doc__ or NAME, RESULTS, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
