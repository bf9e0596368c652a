"""Benchmark ``treaty validate`` on a synthetic repository.

A country's repository reaches about 60 bodies x 10 years, about 100k entries. This script
builds such a repository in a temporary folder (``--scale 1``; the default is smaller so it
runs in well under a minute), then measures, each in a fresh process so that times and peak
memory are clean:

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

import argparse
import datetime as dt
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
RESULTS = REPO_ROOT / "bench" / "results" / "validate.json"
BODIES = 60
YEARS = tuple(range(2016, 2026))
ANNEX1_ROWS = 120
ANNEX3_ROWS = 20
SIGNED = 10
EVENTS = 16
SCHEMA_LINE = "# yaml-language-server: $schema={up}schemas/{kind}.schema.json\n"

# One measurement, run in a child process: prints {"seconds", "peak_rss_kb", ...} as JSON.
CHILD = """
import json, resource, sys, time
from pathlib import Path
start = time.perf_counter()
from generator.project import open_project
from generator.validate import validate
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


def _text(kk: str, ru: str) -> str:
    return "{kk: " + kk + ", ru: " + ru + "}"


def _bodies_yaml(codes: list[str]) -> str:
    lines = ["bodies:"]
    for code in codes:
        lines += [
            f"  - code: {code}",
            "    name: " + _text(f"Министрлік {code}", f"Министерство {code}"),
            "    category: ministry",
            f'    maintainers: ["@bench/{code}"]',
            "    verified: false",
        ]
    return "\n".join(lines) + "\n"


def _treaty(treaty_id: str, body: str, in_force: str) -> list[str]:
    return [
        f"  - id: {treaty_id}",
        "    title: " + _text(f"Келісім {treaty_id}", f"Соглашение {treaty_id}"),
        "    level: intergovernmental",
        "    kind: bilateral",
        "    parties: [KZ, CN]",
        '    signed: {date: "1999-05-01", place: {ru: Астана}}',
        f"    in_force: {in_force}",
        f"    bodies: [{body}]",
        "    area: other",
    ]


def _treaties_yaml(codes: list[str]) -> str:
    lines = ["illustrative: true", "treaties:"]
    for code in codes:
        for n in range(ANNEX1_ROWS):
            lines += _treaty(f"{code}-force-{n:03d}", code, '"2000-01-01"')
        for n in range(SIGNED):
            lines += _treaty(f"{code}-signed-{n:03d}", code, "null")
    return "\n".join(lines) + "\n"


def _annual(kind: str, year: int, body: str) -> str:
    return SCHEMA_LINE.format(up="../../../", kind=kind) + (
        f"form: {kind}\nperiod: {year}\nbody: {body}\n"
    )


def _treaties_in_force(year: int, body: str) -> str:
    rows = ["annex1:"]
    for n in range(ANNEX1_ROWS):
        rows += [
            f"  - treaty: {body}-force-{n:03d}",
            "    obligations: " + _text("Деректер алмасу.", "Обмен данными."),
            "    measures:",
            f'      - date: "{year}-05-20"',
            "        text: " + _text("Деректер алмасу жүргізілді.", "Проведён обмен данными."),
            "    status: implemented",
        ]
    rows.append("annex3:")
    for n in range(ANNEX3_ROWS):
        rows += [
            f"  - treaty: {body}-force-{n:03d}",
            "    mechanism: " + _text("Бірлескен комиссия", "Совместная комиссия"),
            f'    meetings: [{{date: "{year}-09-10", place: {{ru: Урумчи}}, level: {{ru: Вице}}}}]',
            "    results: " + _text("Хаттамаға қол қойылды.", "Подписан протокол."),
        ]
    return _annual("treaties-in-force", year, body) + "\n".join(rows) + "\n"


def _domestic(year: int, body: str) -> str:
    rows = ["annex4:"]
    for n in range(SIGNED):
        rows += [
            f"  - treaty: {body}-signed-{n:03d}",
            "    procedure: ratification",
            "    stage: parliament",
            f'    stage_date: "{year}-10-01"',
            f'    expected_completion: "{year + 1}-03-31"',
        ]
    return _annual("domestic-procedures", year, body) + "\n".join(rows) + "\n"


def _event(day: dt.date, body: str) -> str:
    return SCHEMA_LINE.format(up="../../../../", kind="event-report") + "\n".join(
        [
            f"form: event-report\nperiod: {day.year}\nbody: {body}",
            "title: " + _text("Конференция", "Конференция"),
            f'start: "{day.isoformat()}"',
            f'end: "{day.isoformat()}"',
            "country: KZ",
            "place: " + _text("Астана", "Астана"),
            "participants:",
            "  - side: kazakhstan",
            "    organisation: " + _text("Министрлік", "Министерство"),
            "issues: " + _text("Су бөлу.", "Вододеление."),
            "agreements: " + _text("Келісілді.", "Согласовано."),
            "position: " + _text("Қолдаймыз.", "Поддерживаем."),
            "domain: water",
        ]
    )


def build(root: Path, bodies: int, years: tuple[int, ...]) -> list[str]:
    """Write the synthetic repository; return every submission's relative path."""
    for name in ("schemas",):
        shutil.copytree(REPO_ROOT / name, root / name)
    codes = [f"body-{n:02d}" for n in range(1, bodies + 1)]
    (root / "registry").mkdir()
    (root / "registry/bodies.yaml").write_text(_bodies_yaml(codes), encoding="utf-8")
    (root / "registry/treaties.yaml").write_text(_treaties_yaml(codes), encoding="utf-8")
    written: list[str] = []
    for year in years:
        for code in codes:
            folder = root / "submissions" / str(year) / code
            (folder / "event-reports").mkdir(parents=True)
            files = {
                "treaties-in-force.yaml": _treaties_in_force(year, code),
                "domestic-procedures.yaml": _domestic(year, code),
            }
            for n in range(EVENTS):
                day = dt.date(year, 1, 5) + dt.timedelta(days=20 * n)
                files[f"event-reports/{day.isoformat()}-forum-{n}.yaml"] = _event(day, code)
            for name, text in files.items():
                (folder / name).write_text(text, encoding="utf-8")
                written.append(f"submissions/{year}/{code}/{name}")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return written


def measure(root: Path, paths: list[str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(root), *paths],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def measure_cli(root: Path, paths: list[str]) -> float:
    treaty = Path(sys.executable).parent / "treaty"
    start = time.perf_counter()
    subprocess.run([str(treaty), "validate", *paths], cwd=root, capture_output=True, check=False)
    return time.perf_counter() - start


def _named(written: list[str]) -> list[str]:
    """Five files spread over the repository: like a pull request touching a few reports."""
    step = max(1, len(written) // 5)
    return written[::step][:5]


def run(scale: float) -> dict[str, object]:
    bodies = max(1, round(BODIES * scale))
    with tempfile.TemporaryDirectory(prefix="treaty-bench-") as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        written = build(root, bodies, YEARS)
        built = time.perf_counter() - started
        size = sum(p.stat().st_size for p in (root / "submissions").rglob("*.yaml"))
        whole = measure(root, [])
        shutil.rmtree(root / ".git" / "treaty-cache", ignore_errors=True)
        named_paths = _named(written)
        first = measure(root, named_paths)
        named = measure(root, named_paths)
        cli = measure_cli(root, named_paths)
    entries = float(whole["entries"])
    return {
        "date": dt.date.today().isoformat(),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "scale": scale,
        "bodies": bodies,
        "years": len(YEARS),
        "submission_files": len(written),
        "submission_bytes": size,
        "build_seconds": round(built, 3),
        "whole_repository": whole,
        "named_files_first_run": first,
        "named_files": {"paths": named_paths, **named},
        "cli_named_files_seconds": round(cli, 3),
        "ratios": {
            "microseconds_per_entry": round(whole["validate_seconds"] / entries * 1e6, 2),
            "files_per_second": round(whole["files"] / whole["validate_seconds"], 1),
            "named_vs_whole_seconds": round(named["seconds"] / whole["seconds"], 4),
            "named_first_run_vs_whole_seconds": round(first["seconds"] / whole["seconds"], 4),
            "open_share_of_named": round(named["open_seconds"] / named["seconds"], 3),
            "peak_rss_named_vs_whole": round(named["peak_rss_kb"] / whole["peak_rss_kb"], 3),
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scale",
        type=float,
        default=0.1,
        help="fraction of the 60 bodies x 10 years repository (1 = about 100k entries)",
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the JSON")
    args = parser.parse_args(argv)
    results = run(args.scale)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results["ratios"], indent=2))
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
