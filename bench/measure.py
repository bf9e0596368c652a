"""Measuring in a fresh process, so that times and peak memory are clean.

- :func:`python_child` runs a snippet that prints its own measurements as JSON;
- :func:`command` runs a command (the ``treaty`` CLI) and takes its wall time and peak
  resident memory from the kernel (``wait4``), not from the command itself;
- :func:`command_tree` runs a command that may start worker processes and adds up the
  memory of its whole process tree, sampled from ``/proc``.

Compare ratios within one run: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from synthetic import YEARS

TREATY = Path(sys.executable).parent / "treaty"
REPEAT = 2  # runs of each treaty command; the fastest is kept (bench/run.py --repeat)


@dataclass(frozen=True)
class Ran:
    """One command's wall time, peak memory (kB), exit code and output."""

    seconds: float
    peak_rss_kb: int
    code: int
    stdout: bytes
    stderr: bytes

    def summary(self) -> dict[str, Any]:
        return {"seconds": round(self.seconds, 4), "peak_rss_kb": self.peak_rss_kb,
                "exit_code": self.code}  # fmt: skip


def command(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> Ran:
    """Run ``args`` in ``cwd`` (``env`` added to the environment); wall time and the
    kernel's peak RSS of that process."""
    environ = {**os.environ, **(env or {})}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=environ, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Ran(seconds, usage.ru_maxrss, process.returncode, out.read(), err.read())


SAMPLE = 0.05  # seconds between two looks at a process tree's memory


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii") as f:
                parent = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def tree_memory_kb(pids: list[int]) -> tuple[int, int]:
    """(RSS, PSS) of ``pids`` added up. PSS shares each page among the processes that map
    it: a forked worker's pages shared with its parent are counted once, not twice."""
    rss = pss = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            continue
    return rss, pss


def _high_water_kb(pid: int) -> int | None:
    """The process's own peak RSS so far (``VmHWM``), or None once it has gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


@dataclass(frozen=True)
class RanTree:
    """A command and its worker processes: wall time, output, and memory three ways:
    the peak of the tree's RSS added up, of its PSS added up (both sampled every
    :data:`SAMPLE` s), and the sum of each process's own peak RSS (``VmHWM``, the last
    value seen of each; the strictest: peaks at different moments and shared pages are
    all counted in full)."""

    seconds: float
    peak_rss_kb: int
    peak_pss_kb: int
    sum_of_peaks_kb: int
    processes: int
    code: int
    stdout: bytes
    stderr: bytes

    def summary(self) -> dict[str, Any]:
        return {"seconds": round(self.seconds, 4), "peak_rss_kb": self.peak_rss_kb,
                "peak_pss_kb": self.peak_pss_kb, "sum_of_peak_rss_kb": self.sum_of_peaks_kb,
                "processes": self.processes, "exit_code": self.code}  # fmt: skip


def command_tree(args: list[str], cwd: Path) -> RanTree:
    """Run ``args`` in ``cwd``; wall time and the memory of its process tree."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, stdout=out, stderr=err)
        peak = peak_pss = 0
        high: dict[int, int] = {}
        while process.poll() is None:
            pids = process_tree(process.pid)
            rss, pss = tree_memory_kb(pids)
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            for pid in pids:
                if (hwm := _high_water_kb(pid)) is not None:
                    high[pid] = max(high.get(pid, 0), hwm)
            time.sleep(SAMPLE)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return RanTree(seconds, peak, peak_pss, sum(high.values()), len(high),
                       process.returncode, out.read(), err.read())  # fmt: skip


def treaty(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> Ran:
    """The ``treaty`` command of this virtual environment: the fastest of :data:`REPEAT`
    runs (the machine is shared; the slower runs measure the neighbours). A failed run
    is returned at once."""
    fastest: Ran | None = None
    for _ in range(max(1, REPEAT)):
        ran = command([str(TREATY), *args], cwd, env)
        if ran.code != 0:
            return ran
        fastest = ran if fastest is None or ran.seconds < fastest.seconds else fastest
    assert fastest is not None
    return fastest


def python_child(
    code: str, args: list[str], cwd: Path, before: Callable[[], None] | None = None
) -> dict[str, Any]:
    """Run ``code`` with ``args`` in a fresh interpreter :data:`REPEAT` times (calling
    ``before`` before each run); the JSON line it prints (with its ``seconds``) of the
    fastest run."""
    fastest: dict[str, Any] | None = None
    for _ in range(max(1, REPEAT)):
        if before is not None:
            before()
        ran = command([sys.executable, "-c", code, *args], cwd)
        if ran.code != 0:
            detail = ran.stderr.decode("utf-8", "replace")
            raise RuntimeError(f"benchmark child failed ({ran.code}):\n{detail}")
        found: dict[str, Any] = json.loads(ran.stdout)
        found.setdefault("peak_rss_kb", ran.peak_rss_kb)
        if fastest is None or found["seconds"] < fastest["seconds"]:
            fastest = found
    assert fastest is not None
    return fastest


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    return {
        "date": dt.date.today().isoformat(),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
    }


def ratio(numerator: float, denominator: float, digits: int = 4) -> float | None:
    return round(numerator / denominator, digits) if denominator else None


def write(results: dict[str, Any], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def scale_parser(description: str, out: Path, default_scale: float) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument(
        "--scale", type=float, default=default_scale,
        help="fraction of the 60 bodies x 10 years repository (1 = about 100k entries)",
    )  # fmt: skip
    parser.add_argument(
        "--years", type=int, default=len(YEARS), choices=range(1, len(YEARS) + 1),
        metavar="N", help=f"only the last N of the {len(YEARS)} years",
    )  # fmt: skip
    parser.add_argument("--out", type=Path, default=out, help="where to write the JSON")
    return parser


def years_of(count: int) -> tuple[int, ...]:
    """The last ``count`` synthetic years."""
    return YEARS[-count:]


def script_main(
    description: str,
    out: Path,
    run: Callable[[float, tuple[int, ...]], dict[str, Any]],
    argv: list[str] | None,
    default_scale: float = 0.1,
) -> int:
    """One benchmark as a script: ``--scale``, ``--out``; prints the ratios."""
    args = scale_parser(description, out, default_scale).parse_args(argv)
    results = run(args.scale, years_of(args.years))
    write(results, args.out)
    print(json.dumps(results["ratios"], indent=2))
    print(f"written to {args.out}")
    return 0
