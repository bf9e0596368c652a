"""Measuring in a fresh process, so that times and peak memory are clean.

- :func:`python_child` runs a snippet that prints its own measurements as JSON;
- :func:`command` runs a command (the ``treaty`` CLI) and takes its wall time and peak
  resident memory from the kernel (``wait4``), not from the command itself.

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
