"""Benchmark ``treaty validate`` on a synthetic repository.

A country's repository reaches about 60 bodies x 10 years, about 100k entries. This script
builds such a repository (:mod:`synthetic`) in a temporary folder (``--scale 1``; the
default is smaller so it runs in well under a minute), then measures, each in a fresh
process so that times and peak memory are clean:

- opening the project (forms, registries) and validating the whole repository;
- validating five named files (what pre-commit and pull requests do), first with no
  parsed registers kept (``named_files_first_run``), then as every later run does, with
  the registers kept under ``.git/treaty-cache`` (``named_files``);
- the ``treaty validate`` command on those five files, end to end.

The repository is a ``git init`` folder, like a real checkout.

Results go to ``bench/results/validate.json``. Compare ratios within one run (time per
entry, named files vs whole repository), not absolute times between machines.

    .venv/bin/python bench/validate_bench.py            # about 10k entries
    .venv/bin/python bench/validate_bench.py --scale 1  # about 100k entries
"""

from __future__ import annotations

import shutil
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from measure import machine, python_child, ratio, script_main, treaty
from synthetic import YEARS, bodies_for, build

NAME = "validate"
RESULTS = Path(__file__).resolve().parent / "results" / f"{NAME}.json"

# One measurement, run in a child process: prints {"seconds", "peak_rss_kb", ...} as JSON.
CHILD = """
import json, resource, sys, time
from pathlib import Path
start = time.perf_counter()
from generator.check.project import open_project
from generator.check.validate import validate
root = Path(sys.argv[1])
project = open_project(root)
opened = time.perf_counter()
result = validate(project, sys.argv[2:])
done = time.perf_counter()
print(json.dumps({
    "seconds": done - start,
    "open_seconds": opened - start,
    "validate_seconds": done - opened,
    "files": result.files_checked,
    "entries": result.entries_checked,
    "errors": result.errors,
    "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}))
"""


def measure(root: Path, paths: list[str], first_run: bool = False) -> dict[str, Any]:
    """Validate ``paths`` (all when empty); ``first_run``: with no registers kept."""
    forget = partial(shutil.rmtree, root / ".git" / "treaty-cache", ignore_errors=True)
    return python_child(CHILD, [str(root), *paths], root, forget if first_run else None)


def _named(written: list[str]) -> list[str]:
    """Five files spread over the repository: like a pull request touching a few reports."""
    step = max(1, len(written) // 5)
    return written[::step][:5]


def run(scale: float, years: tuple[int, ...] = YEARS) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="treaty-bench-") as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        repo = build(root, bodies_for(scale), years)
        built = time.perf_counter() - started
        written = list(repo.written)
        whole = measure(root, [], first_run=True)
        named_paths = _named(written)
        first = measure(root, named_paths, first_run=True)
        named = measure(root, named_paths)
        cli = treaty(["validate", *named_paths], root)
        size = repo.submission_bytes
    return {
        **machine(),
        "scale": scale,
        "bodies": repo.bodies,
        "years": len(years),
        "submission_files": len(written),
        "submission_bytes": size,
        "build_seconds": round(built, 3),
        "whole_repository": whole,
        "named_files_first_run": first,
        "named_files": {"paths": named_paths, **named},
        "cli_named_files_seconds": round(cli.seconds, 3),
        "cli_named_files_peak_rss_kb": cli.peak_rss_kb,
        "ratios": _ratios(whole, first, named),
    }


def _ratios(whole: dict[str, Any], first: dict[str, Any], named: dict[str, Any]) -> dict[str, Any]:
    return {
        "microseconds_per_entry": ratio(whole["validate_seconds"] * 1e6, whole["entries"], 2),
        "files_per_second": ratio(whole["files"], whole["validate_seconds"], 1),
        "named_vs_whole_seconds": ratio(named["seconds"], whole["seconds"]),
        "named_first_run_vs_whole_seconds": ratio(first["seconds"], whole["seconds"]),
        "open_share_of_named": ratio(named["open_seconds"], named["seconds"], 3),
        "peak_rss_named_vs_whole": ratio(named["peak_rss_kb"], whole["peak_rss_kb"], 3),
    }


def headline(results: dict[str, Any]) -> dict[str, str]:
    """The figures the summary table shows."""
    whole, r = results["whole_repository"], results["ratios"]
    return {
        "measured": "validate the whole repository (library, fresh process)",
        "work": f"{whole['entries']} entries, {whole['files']} files",
        "seconds": f"{whole['seconds']:.2f}",
        "peak MB": f"{whole['peak_rss_kb'] / 1024:.0f}",
        "ratios": f"{r['microseconds_per_entry']} us/entry; 5 named files / whole "
        f"{r['named_vs_whole_seconds']}",
    }


def main(argv: list[str] | None = None) -> int:
    return script_main(__doc__ or NAME, RESULTS, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
