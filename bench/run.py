"""Run every benchmark (validate, status, report, site) at one scale; write their results.

Each benchmark builds its own synthetic repository (:mod:`synthetic`) and measures in fresh
processes. Results: ``<out-dir>/<name>.json`` for each, and ``<out-dir>/summary.md``, a
small table. The default scale (6 of the 60 bodies, 10 years) finishes in about two
minutes on a 2-core machine; ``--scale 1`` is the national size.

Read the ratios, not the absolute times: they are taken within one run on a shared,
noisy machine.

    .venv/bin/python bench/run.py                 # about 2 minutes
    .venv/bin/python bench/run.py --scale 1       # 60 bodies x 10 years, much longer
    .venv/bin/python bench/run.py --only status --scale 0.5
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import measure
import report_bench
import site_bench
import status_bench
import validate_bench
from measure import machine, write, years_of
from synthetic import YEARS

RESULTS = Path(__file__).resolve().parent / "results"
BENCHES: dict[str, ModuleType] = {
    m.NAME: m for m in (validate_bench, status_bench, report_bench, site_bench)
}  # fmt: skip
COLUMNS = ("benchmark", "scale", "bodies", "measured", "work", "seconds", "peak MB", "ratios")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.1,
                        help="fraction of the 60 bodies (1 = about 100k entries)")  # fmt: skip
    parser.add_argument("--years", type=int, default=len(YEARS), metavar="N",
                        choices=range(1, len(YEARS) + 1), help="only the last N years")  # fmt: skip
    parser.add_argument("--out-dir", type=Path, default=RESULTS, help="where results go")
    parser.add_argument("--repeat", type=int, default=measure.REPEAT, metavar="N",
                        help="run each treaty command N times, keep the fastest")  # fmt: skip
    parser.add_argument("--only", action="append", choices=sorted(BENCHES),
                        help="run only this benchmark (repeatable)")  # fmt: skip
    return parser


def summary(results: dict[str, dict[str, Any]], seconds: float) -> str:
    """The Markdown table of ``summary.md``."""
    about = machine()
    lines = [
        "# Benchmark summary",
        "",
        f"{about['date']}, Python {about['python']}, {about['machine']}, "
        f"{about['cpus']} CPUs; whole run {seconds:.0f} s. "
        "Seconds and peak memory are of what the `measured` column names (a `treaty` "
        f"command: the fastest of {measure.REPEAT} runs); compare the ratios, not times "
        "across machines.",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    for name, found in results.items():
        head: dict[str, str] = BENCHES[name].headline(found)
        cells = [name, str(found["scale"]), str(found["bodies"]), *head.values()]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def run_all(
    scale: float, years: tuple[int, ...], out_dir: Path, only: list[str] | None = None
) -> dict[str, dict[str, Any]]:
    """Run the benchmarks; write ``<name>.json`` each and ``summary.md`` into ``out_dir``."""
    started = time.perf_counter()
    results: dict[str, dict[str, Any]] = {}
    for name, module in BENCHES.items():
        if only and name not in only:
            continue
        bench: Callable[[float, tuple[int, ...]], dict[str, Any]] = module.run
        results[name] = bench(scale, years)
        write(results[name], out_dir / f"{name}.json")
        print(f"{name}: {results[name]['ratios']}", flush=True)
    text = summary(results, time.perf_counter() - started)
    (out_dir / "summary.md").write_text(text, encoding="utf-8")
    return results


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    measure.REPEAT = max(1, args.repeat)
    run_all(args.scale, years_of(args.years), args.out_dir, args.only)
    print((args.out_dir / "summary.md").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
