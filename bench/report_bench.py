"""Benchmark ``treaty report`` for one period on a synthetic repository with git history.

The repository is :mod:`synthetic`'s, with its back-dated history (the report's
timeliness annex reads ``treaty status``'s rows). Each measurement runs in a fresh process:

- the stages in the library (``stages``): opening the project, validating the repository,
  the status rows of the period, consolidating, building the document, writing Markdown;
- the whole ``treaty report`` command for the period in md, json and csv (``cli``);
- docx and pdf, which go through pandoc and typst and are slow, only on a small repository
  (``small``: one body), next to md on that same repository for the ratio.

Results go to ``bench/results/report.json``. Compare the ratios (time per entry, each
format against md, the share of validation), not absolute times between machines.

    .venv/bin/python bench/report_bench.py            # 6 bodies
    .venv/bin/python bench/report_bench.py --scale 1  # 60 bodies
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from measure import machine, python_child, ratio, script_main, treaty
from status_bench import as_of_for
from synthetic import YEARS, bodies_for, build

NAME = "report"
RESULTS = Path(__file__).resolve().parent / "results" / f"{NAME}.json"
FORMATS = ("md", "json", "csv")
SLOW_FORMATS = ("docx", "pdf")
SMALL_SCALE = 0.01  # one body: docx and pdf are measured only at this scale
WHEN = "1767225600"  # SOURCE_DATE_EPOCH-like fixed creation time (2026-01-01)

# The stages in a child process: argv = root, period, as_of, format, out.
CHILD = """
import datetime as dt, json, resource, sys, time
from pathlib import Path
start = time.perf_counter()
from generator.check.project import open_project
from generator.check.validate import validate
from generator.deadlines.status import build_status
from generator.report.consolidate import consolidate
from generator.report.view import build_document
from generator.report.render.write import WRITER_BY_FORMAT, Job
root, period, as_of = Path(sys.argv[1]), int(sys.argv[2]), dt.date.fromisoformat(sys.argv[3])
fmt, out = sys.argv[4], Path(sys.argv[5])
marks = [("start", start)]
project = open_project(root); marks.append(("open", time.perf_counter()))
result = validate(project, documents=True); marks.append(("validate", time.perf_counter()))
rows = build_status(project, as_of, period).rows; marks.append(("status", time.perf_counter()))
found = consolidate(project, result, period, "public", as_of, rows)
marks.append(("consolidate", time.perf_counter()))
document = build_document(found, project, "kk"); marks.append(("view", time.perf_counter()))
when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
written = WRITER_BY_FORMAT[fmt](Job(found, document, project, "kk", when), out)
marks.append(("write", time.perf_counter()))
stages = {f"{name}_seconds": b - a for (_, a), (name, b) in zip(marks, marks[1:])}
print(json.dumps({
    "seconds": marks[-1][1] - start,
    **stages,
    "entries_received": found.totals.received,
    "entries_shown": found.totals.shown,
    "entries_validated": result.entries_checked,
    "status_rows": len(rows),
    "output_bytes": sum(p.stat().st_size for p in written),
    "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}))
"""


def _stages(root: Path, period: int, fmt: str, out: Path) -> dict[str, Any]:
    args = [str(root), str(period), as_of_for((period,)).isoformat(), fmt, str(out / f"r.{fmt}")]
    return python_child(CHILD, args, root)


def _cli(root: Path, period: int, fmt: str, out: Path) -> dict[str, Any]:
    target = out / fmt / f"annex6-{period}.{fmt}"
    args = ["report", "--period", str(period), "--format", fmt, "-o", str(target),
            "--as-of", as_of_for((period,)).isoformat()]  # fmt: skip
    ran = treaty(args, root, {"SOURCE_DATE_EPOCH": WHEN})
    if ran.code != 0:
        raise RuntimeError(ran.stderr.decode("utf-8", "replace"))
    written = sum(p.stat().st_size for p in target.parent.iterdir())
    return {**ran.summary(), "output_bytes": written}


def _measure(scale: float, years: tuple[int, ...], formats: tuple[str, ...]) -> dict[str, Any]:
    """Build one repository; the stages (md) and the command in each of ``formats``."""
    period = years[-1]
    with tempfile.TemporaryDirectory(prefix="treaty-bench-") as tmp:
        root, out = Path(tmp) / "repo", Path(tmp) / "out"
        root.mkdir()
        started = time.perf_counter()
        repo = build(root, bodies_for(scale), years, history=True)
        built = time.perf_counter() - started
        stages = _stages(root, period, "md", out)
        cli = {fmt: _cli(root, period, fmt, out) for fmt in formats}
    return {
        "scale": scale,
        "bodies": repo.bodies,
        "years": len(years),
        "submission_files": len(repo.written),
        "build_seconds": round(built, 3),
        "period": period,
        "stages": stages,
        "cli": cli,
    }


def run(scale: float, years: tuple[int, ...] = YEARS) -> dict[str, Any]:
    if bodies_for(scale) <= bodies_for(SMALL_SCALE):
        main = small = _measure(scale, years, (*FORMATS, *SLOW_FORMATS))
    else:
        main = _measure(scale, years, FORMATS)
        small = _measure(SMALL_SCALE, years, ("md", *SLOW_FORMATS))
    return {**machine(), **main, "small": small, "ratios": _ratios(main, small)}


def _ratios(main: dict[str, Any], small: dict[str, Any]) -> dict[str, Any]:
    stages, entries = main["stages"], main["stages"]["entries_shown"]
    found: dict[str, Any] = {
        f"{fmt}_microseconds_per_entry": ratio(run["seconds"] * 1e6, entries, 1)
        for fmt, run in main["cli"].items()
    }
    found |= {
        f"{fmt}_vs_md_seconds": ratio(run["seconds"], main["cli"]["md"]["seconds"], 3)
        for fmt, run in main["cli"].items()
        if fmt != "md"
    }
    md_small = small["cli"]["md"]["seconds"]
    for fmt in SLOW_FORMATS:
        found[f"{fmt}_vs_md_seconds_small"] = ratio(small["cli"][fmt]["seconds"], md_small, 3)
        found[f"{fmt}_microseconds_per_entry_small"] = ratio(
            small["cli"][fmt]["seconds"] * 1e6, small["stages"]["entries_shown"], 1
        )
    found |= {
        f"{name}_share_of_stages": ratio(stages[f"{name}_seconds"], stages["seconds"], 3)
        for name in ("open", "validate", "status", "consolidate", "view", "write")
    }
    found["peak_rss_md_kb_per_entry"] = ratio(main["cli"]["md"]["peak_rss_kb"], entries, 2)
    return found


def headline(results: dict[str, Any]) -> dict[str, str]:
    """The figures the summary table shows."""
    md, r = results["cli"]["md"], results["ratios"]
    return {
        "measured": "`treaty report --format md`, one period",
        "work": f"{results['stages']['entries_shown']} entries of {results['period']}",
        "seconds": f"{md['seconds']:.2f}",
        "peak MB": f"{md['peak_rss_kb'] / 1024:.0f}",
        "ratios": f"md {r['md_microseconds_per_entry']} us/entry; validate share "
        f"{r['validate_share_of_stages']}; pdf/md (small) {r['pdf_vs_md_seconds_small']}",
    }


def main(argv: list[str] | None = None) -> int:
    return script_main(__doc__ or NAME, RESULTS, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
