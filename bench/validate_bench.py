"""Benchmark ``treaty validate`` on a synthetic repository, against the parse floor and
check-jsonschema in the same run.

A country's repository reaches about 60 bodies x 10 years, about 100k entries. This script
builds such a repository (:mod:`synthetic`) in a temporary folder (``--scale 1``; the
default is smaller so it runs in about a minute), then measures, each in a fresh process
so that times and peak memory are clean:

- ``floor``: libyaml's ``CSafeLoader`` loading every submission file, and nothing else
  (no checks, nothing kept): the least any validator written with PyYAML can cost;
- ``whole_repository``: ``treaty validate --repo R --format json`` (every submission *and*
  the registers), with no parsed registers kept from an earlier run (``.git/treaty-cache``
  forgotten before each run), so it pays what a fresh clone pays; and the same with
  ``--jobs 1`` (``whole_repository_one_process``);
- ``check_jsonschema``: ``check-jsonschema --schemafile schemas/<form>.schema.json`` on the
  same submission files, one call per form (all of that form's files in one call), run once
  (it is slow);
- ``named_files``: ``treaty validate`` on five named files (what pre-commit and pull
  requests do), with the registers kept, as every run after the first has them; and the
  library's own figures for those five files with and without the kept registers.

The floor and ``treaty validate`` are run :data:`measure.REPEAT` times each, one after the
other, and the fastest of each is kept (the machine is shared: the slower runs measure the
neighbours); the load average is recorded before each measurement. ``treaty validate``
checks a large repository on every core, so memory is that of the command's whole process
tree (:func:`measure.command_tree`): the peak of its RSS added up, of its PSS added up, and
the sum of each process's own peak RSS (the strictest: shared pages counted in each
process). The memory target is read on the PSS; ``whole_repository_one_process``
(``--jobs 1``: no workers) is measured beside it, where all three are one process's.

Results go to ``bench/results/validate.json`` (``--out``), with the targets and whether
they were met. Compare ratios within one run, not absolute times between machines.

    .venv/bin/python bench/validate_bench.py            # scale 0.1: about 1,500 files
    .venv/bin/python bench/validate_bench.py --scale 1 --check-jsonschema-every 10 \\
        --out bench/results/validate-scale-1.json

``--only named`` measures the named files alone (a repository of the same scale is built,
its registers parsed and kept by a first run); ``--bytecode`` compiles the package's
bytecode first, as an installed package has it (with ``PYTHONDONTWRITEBYTECODE`` set and no
``__pycache__``, every run compiles ``generator/`` from source). Whether bytecode was there
is recorded.

    .venv/bin/python bench/validate_bench.py --scale 1 --only named --bytecode \\
        --out bench/results/validate-named-scale-1.json
"""

from __future__ import annotations

import compileall
import json
import os
import shutil
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

import measure
from measure import command_tree, machine, python_child, ratio, scale_parser, write, years_of
from synthetic import YEARS, bodies_for, build

NAME = "validate"
RESULTS = Path(__file__).resolve().parent / "results" / f"{NAME}.json"
TREATY = Path(sys.executable).parent / "treaty"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
TARGETS = {"whole_vs_floor_seconds": 1.3, "whole_peak_mb": 150,
           "check_jsonschema_vs_whole_seconds": 10, "named_seconds": 0.5}  # fmt: skip

# The floor: libyaml loads every submission file; nothing is checked or kept.
FLOOR = """
import json, sys, yaml
from pathlib import Path
files = sorted(Path(sys.argv[1], "submissions").rglob("*.yaml"))
for path in files:
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
print(json.dumps({"files": len(files)}))
"""

# The library on named files, in a child process: prints {"seconds", ...} as JSON.
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


def load() -> list[float]:
    """The machine's load average (1, 5, 15 minutes) now."""
    return [round(x, 2) for x in os.getloadavg()]


def _forget(root: Path) -> None:
    shutil.rmtree(root / ".git" / "treaty-cache", ignore_errors=True)


def _measured(ran: measure.RanTree, loadavg: list[float]) -> dict[str, Any]:
    if ran.code not in (0, 1):
        raise RuntimeError(f"benchmark command failed ({ran.code}):\n{ran.stderr.decode()}")
    return {**ran.summary(), "loadavg_before": loadavg}


def floor(root: Path) -> dict[str, Any]:
    before = load()
    ran = command_tree([sys.executable, "-c", FLOOR, str(root)], root)
    return {**_measured(ran, before), **json.loads(ran.stdout)}


def whole(root: Path, jobs: int | None = None) -> dict[str, Any]:
    """``treaty validate`` on the whole repository, as a fresh clone runs it (``jobs``:
    its ``--jobs``; by default it uses every core)."""
    _forget(root)
    before = load()
    args = [str(TREATY), "validate", "--repo", str(root), "--format", "json"]
    ran = command_tree(args + (["--jobs", str(jobs)] if jobs else []), root)
    found = json.loads(ran.stdout)
    errors = sum(1 for p in found["problems"] if p["severity"] == "error")
    return {**_measured(ran, before), "files": found["files_checked"],
            "entries": found["entries_checked"], "errors": errors,
            "problems": len(found["problems"])}  # fmt: skip


def _by_schema(root: Path, written: list[str]) -> dict[str, list[str]]:
    """The submission files grouped by the schema of their form."""
    from generator.forms import load_forms
    from generator.paths import FilePlace, place_of

    forms = load_forms(root)
    groups: dict[str, list[str]] = {}
    for rel in written:
        place = place_of(rel, forms, set(forms.schemas))
        form = forms.get(place.kind) if isinstance(place, FilePlace) else None
        if form is not None:
            groups.setdefault(form.schema_file, []).append(rel)
    return groups


def check_jsonschema(root: Path, written: list[str], every: int = 1) -> dict[str, Any]:
    """check-jsonschema on the same files, one call per form, run once (it is slow).

    ``every`` > 1: only every ``every``-th file of each form is checked and the seconds of
    each call are scaled up to all of that form's files (its cost per file is flat: each
    file is read and checked on its own); ``measured_seconds`` is what was actually taken."""
    before = load()
    seconds = measured = 0.0
    peak = calls = failed = checked = 0
    groups = _by_schema(root, written)
    for schema, files in sorted(groups.items()):
        sample = files[:: max(1, every)]
        ran = command_tree([str(CHECK_JSONSCHEMA), "--schemafile", f"schemas/{schema}", *sample],
                           root)  # fmt: skip
        if ran.code not in (0, 1):
            raise RuntimeError(f"check-jsonschema failed ({ran.code}): {ran.stderr.decode()}")
        measured += ran.seconds
        seconds += ran.seconds * len(files) / len(sample)
        peak = max(peak, ran.sum_of_peaks_kb)
        calls += 1
        failed += ran.code
        checked += len(sample)
    return {"seconds": round(seconds, 3), "measured_seconds": round(measured, 3),
            "files": sum(map(len, groups.values())), "files_checked": checked,
            "every": max(1, every), "sum_of_peak_rss_kb": peak, "calls": calls,
            "calls_with_problems": failed, "loadavg_before": before}  # fmt: skip


def _named(written: list[str]) -> list[str]:
    """Five files spread over the repository: like a pull request touching a few reports."""
    step = max(1, len(written) // 5)
    return written[::step][:5]


def _fastest(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return {**min(runs, key=lambda r: r["seconds"]), "all_seconds": [r["seconds"] for r in runs]}


def named_cli(root: Path, paths: list[str]) -> dict[str, Any]:
    """``treaty validate`` on five files, registers kept (fastest of the runs)."""
    runs = []
    for _ in range(max(1, measure.REPEAT)):
        before = load()
        runs.append(_measured(command_tree([str(TREATY), "validate", *paths], root), before))
    return _fastest(runs)


PACKAGE = Path(__file__).resolve().parents[1] / "generator"


def bytecode() -> str:
    """Whether the package's modules start from compiled bytecode or from source."""
    cached = any(PACKAGE.rglob("__pycache__/*.pyc"))
    return "compiled" if cached or not sys.flags.dont_write_bytecode else "from source"


def run_named(scale: float, years: tuple[int, ...] = YEARS) -> dict[str, Any]:
    """Only the five named files: the library's figures (first run, then registers kept)
    and ``treaty validate`` as a command, in a repository of the same scale."""
    started_from = bytecode()
    with tempfile.TemporaryDirectory(prefix="treaty-bench-") as tmp:
        root = Path(tmp)
        repo = build(root, bodies_for(scale), years)
        named_paths = _named(list(repo.written))
        first = python_child(CHILD, [str(root), *named_paths], root, partial(_forget, root))
        named_lib = python_child(CHILD, [str(root), *named_paths], root)
        cli = named_cli(root, named_paths)
    seconds = cli["seconds"]
    return {
        **machine(),
        "scale": scale,
        "bodies": repo.bodies,
        "years": len(years),
        "submission_files": len(repo.written),
        "bytecode": started_from,
        "named_files_first_run": first,
        "named_files": {"paths": named_paths, **named_lib},
        "cli_named_files": cli,
        "load_after": load(),
        "targets": {"limits": {"named_seconds": TARGETS["named_seconds"]},
                    "met": {"named_seconds": seconds <= TARGETS["named_seconds"]}},
    }  # fmt: skip


def run(scale: float, years: tuple[int, ...] = YEARS, every: int = 1) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="treaty-bench-") as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        repo = build(root, bodies_for(scale), years)
        built = time.perf_counter() - started
        written = list(repo.written)
        floors, wholes, ones = [], [], []
        for _ in range(max(1, measure.REPEAT)):  # one after the other: the same load
            floors.append(floor(root))
            wholes.append(whole(root))
            ones.append(whole(root, jobs=1))
        checked = check_jsonschema(root, written, every)
        named_paths = _named(written)
        forget = partial(_forget, root)
        first = python_child(CHILD, [str(root), *named_paths], root, forget)
        named_lib = python_child(CHILD, [str(root), *named_paths], root)
        cli = named_cli(root, named_paths)
        size = repo.submission_bytes
    results = {
        **machine(),
        "scale": scale,
        "bodies": repo.bodies,
        "years": len(years),
        "submission_files": len(written),
        "submission_bytes": size,
        "build_seconds": round(built, 3),
        "floor": _fastest(floors),
        "whole_repository": _fastest(wholes),
        "whole_repository_one_process": _fastest(ones),
        "check_jsonschema": checked,
        "named_files_first_run": first,
        "named_files": {"paths": named_paths, **named_lib},
        "cli_named_files": cli,
        "load_after": load(),
    }
    results["ratios"] = _ratios(results)
    results["targets"] = _targets(results)
    return results


def _ratios(found: dict[str, Any]) -> dict[str, Any]:
    whole, floor_, named = found["whole_repository"], found["floor"], found["named_files"]
    return {
        "whole_vs_floor_seconds": ratio(whole["seconds"], floor_["seconds"], 3),
        "check_jsonschema_vs_whole_seconds": ratio(
            found["check_jsonschema"]["seconds"], whole["seconds"], 1
        ),
        "one_process_vs_floor_seconds": ratio(
            found["whole_repository_one_process"]["seconds"], floor_["seconds"], 3
        ),
        "whole_vs_floor_peak_pss": ratio(whole["peak_pss_kb"], floor_["peak_pss_kb"], 2),
        "microseconds_per_entry": ratio(whole["seconds"] * 1e6, whole["entries"], 2),
        "files_per_second": ratio(whole["files"], whole["seconds"], 1),
        "named_vs_whole_seconds": ratio(found["cli_named_files"]["seconds"], whole["seconds"]),
        "named_first_run_vs_named_seconds": ratio(
            found["named_files_first_run"]["seconds"], named["seconds"], 3
        ),
        "open_share_of_named": ratio(named["open_seconds"], named["seconds"], 3),
    }


def _targets(found: dict[str, Any]) -> dict[str, Any]:
    """Each target, met or not. Memory: the peak of the PSS of ``treaty validate``'s whole
    process tree (the command and its workers, pages they share counted once); the sum of
    each process's own peak RSS, which counts shared pages in every process, is beside it,
    and so is ``--jobs 1``, which has no workers."""
    r, whole = found["ratios"], found["whole_repository"]
    one = found["whole_repository_one_process"]
    pss_mb = round(whole["peak_pss_kb"] / 1024, 1)
    met = {
        "whole_vs_floor_seconds": r["whole_vs_floor_seconds"] <= TARGETS["whole_vs_floor_seconds"],
        "whole_peak_mb": pss_mb <= TARGETS["whole_peak_mb"],
        "check_jsonschema_vs_whole_seconds": r["check_jsonschema_vs_whole_seconds"]
        >= TARGETS["check_jsonschema_vs_whole_seconds"],
        "named_seconds": found["cli_named_files"]["seconds"] <= TARGETS["named_seconds"],
    }
    return {
        "limits": TARGETS,
        "whole_peak_mb": pss_mb,
        "memory": "peak PSS of the command's process tree (the command and its workers)",
        "whole_sum_of_peak_rss_mb": round(whole["sum_of_peak_rss_kb"] / 1024, 1),
        "one_process_peak_rss_mb": round(one["sum_of_peak_rss_kb"] / 1024, 1),
        "one_process_vs_floor_seconds": r["one_process_vs_floor_seconds"],
        "met": met,
    }


def headline(results: dict[str, Any]) -> dict[str, str]:
    """The figures the summary table shows."""
    whole, r = results["whole_repository"], results["ratios"]
    return {
        "measured": "`treaty validate` on the whole repository (fresh process, all workers)",
        "work": f"{whole['entries']} entries, {whole['files']} files",
        "seconds": f"{whole['seconds']:.2f}",
        "peak MB": f"{whole['peak_pss_kb'] / 1024:.0f} (PSS, with workers)",
        "ratios": f"{r['whole_vs_floor_seconds']} x the libyaml floor; check-jsonschema "
        f"{r['check_jsonschema_vs_whole_seconds']} x slower; 5 named files "
        f"{results['cli_named_files']['seconds']:.2f} s",
    }


def main(argv: list[str] | None = None) -> int:
    parser = scale_parser(__doc__ or NAME, RESULTS, 0.1)
    parser.add_argument("--check-jsonschema-every", type=int, default=1, metavar="N",
                        help="check-jsonschema on every N-th file of each form only, its "
                        "seconds scaled up to all files (it takes ~10 min at scale 1)")  # fmt: skip
    parser.add_argument("--repeat", type=int, default=measure.REPEAT, metavar="N",
                        help="runs of the floor and each validate (the fastest kept)")  # fmt: skip
    parser.add_argument("--only", choices=("named",), default=None,
                        help="measure only the five named files")  # fmt: skip
    parser.add_argument("--bytecode", action="store_true",
                        help="compile the package's bytecode first (as installed)")  # fmt: skip
    args = parser.parse_args(argv)
    measure.REPEAT = max(1, args.repeat)
    if args.bytecode:
        compileall.compile_dir(PACKAGE, quiet=1)
    if args.only == "named":
        results = run_named(args.scale, years_of(args.years))
        write(results, args.out)
        named = results["cli_named_files"]["seconds"]
        print(json.dumps({"seconds": named, "bytecode": results["bytecode"]}))
        print(f"written to {args.out}")
        return 0
    results = run(args.scale, years_of(args.years), args.check_jsonschema_every)
    results["bytecode"] = bytecode()
    write(results, args.out)
    print(json.dumps({"ratios": results["ratios"], "met": results["targets"]["met"]}, indent=2))
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
