"""Issue 15: property-based fuzzing of valid submissions. Over a fixed seed and 2,000 cases,
each mutating a valid file (bytes, lines, YAML tags, scalars), ``treaty validate``,
``treaty status`` and ``treaty report`` never exit 3, never print a traceback and never take
more than 5 s for one case.

The three commands run in this process through :func:`generator.cli.main.main`, the same
entry point as the ``treaty`` executable. The project (forms, schemas, registers) is opened
once, and the Rules (``law/``, which ``validate`` reads to cite a point) are read once: only
files under ``submissions/`` are mutated, and neither holds anything read from there, so
reading them again for every command would only repeat the same work up to 6,000 times.
"""

from __future__ import annotations

import contextlib
import functools
import io
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

import generator.cli.report
import generator.cli.status
import generator.cli.validate
import generator.law.load
from generator.check.project import Project, open_project
from generator.cli.main import main
from testing.repo import REPO_ROOT, make_repo

CASES = 2000
SEED = 20260115
FILES = (
    "submissions/2025/energy/treaties-in-force.yaml",
    "submissions/2025/energy/activity-plan.yaml",
    "submissions/2025/energy/event-reports/2025-09-09-kz-cn-energy-investment-forum.yaml",
    "submissions/2025/mfa/assessment.yaml",
)
TAGS = (
    "!!int", "!!float", "!!bool", "!!null", "!!str", "!!timestamp", "!!binary", "!!set",
    "!!omap", "!!pairs", "!!seq", "!!map", "!!merge", "!!python/object:os.system", "!foo",
    "!", "!<tag:x>", "&a", "*a",
)  # fmt: skip
SCALARS = (
    "abc", "1.5", "''", '""', "maybe", "x", "~", "null", "[]", "{}", "- a", "[", "{", "'",
    '"', "|", ">", "#", "@x", "`x`", "%x", "1" * 4400, "9" * 400 + ".5e99999", ".nan", "-.inf",
    "0x_", "0b", "0o9", "1_0", "2025-13-45", "2025-02-29", "1:30:00", '"\\x00"', '"\\e[31m"',
    '"\\a\\b\\v\\f"', '"\\uFFFE"', '"\\ud800"', '"\\U0010FFFF"', '"\\u202e"', '"\\N\\_\\L\\P"',
    '"\\x"', "\u202eevil", "\u2028", "<script>alert(1)</script>", "=HYPERLINK(1)", "a: b",
    "a:b", " ", "\t", "x" * 5000,
)  # fmt: skip


@pytest.fixture(scope="module")
def fuzz_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A git repository with the real schemas and registers and the files of :data:`FILES`,
    committed (so ``status`` has history), with the project opened once for all commands."""
    root = make_repo(tmp_path_factory.mktemp("fuzz") / "repo")
    for rel in FILES:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO_ROOT / rel, root / rel)
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["-c", "user.name=t", "-c", "user.email=t@example.kz", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)
    opened: dict[Path, Project] = {}

    def once(path: Path) -> Project:
        key = Path(path).resolve()
        if key not in opened:
            opened[key] = open_project(key)
        return opened[key]

    modules = (generator.cli.validate, generator.cli.status, generator.cli.report)
    saved = [getattr(m, "open_project") for m in modules]  # noqa: B009
    for module in modules:
        setattr(module, "open_project", once)  # noqa: B010
    load_law = generator.law.load.load_law  # validate imports it when a problem cites a point
    generator.law.load.load_law = functools.cache(load_law)
    yield root
    generator.law.load.load_law = load_law
    for module, original in zip(modules, saved, strict=True):
        setattr(module, "open_project", original)  # noqa: B010


Mutation = Callable[[bytes], bytes]


def _lines(raw: bytes) -> list[bytes]:
    return raw.split(b"\n")


@st.composite
def byte_mutation(draw: st.DrawFn, raw: bytes) -> bytes:
    at = draw(st.integers(0, len(raw)))
    span = draw(st.integers(0, 8))
    new = draw(st.binary(max_size=8))
    return raw[:at] + new + raw[at + span :]


@st.composite
def line_mutation(draw: st.DrawFn, raw: bytes) -> bytes:
    lines = _lines(raw)
    i = draw(st.integers(0, len(lines) - 1))
    j = draw(st.integers(0, len(lines) - 1))
    action = draw(st.sampled_from(("delete", "duplicate", "swap", "indent", "dedent", "cut")))
    if action == "delete":
        del lines[i]
    elif action == "duplicate":
        lines.insert(i, lines[i])
    elif action == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    elif action == "indent":
        lines[i] = draw(st.sampled_from((b" ", b"  ", b"\t", b"    "))) + lines[i]
    elif action == "dedent":
        lines[i] = lines[i][draw(st.integers(1, 4)) :]
    else:
        lines = lines[:i]
    return b"\n".join(lines)


def _value_lines(lines: list[bytes]) -> list[int]:
    return [n for n, line in enumerate(lines) if b": " in line or line.rstrip().endswith(b":")]


@st.composite
def tag_mutation(draw: st.DrawFn, raw: bytes) -> bytes:
    lines = _lines(raw)
    n = draw(st.sampled_from(_value_lines(lines) or [0]))
    key, sep, value = lines[n].partition(b": ")
    tag = draw(st.sampled_from(TAGS)).encode()
    lines[n] = key + b": " + tag + b" " + value if sep else lines[n] + b" " + tag
    return b"\n".join(lines)


@st.composite
def scalar_mutation(draw: st.DrawFn, raw: bytes) -> bytes:
    lines = _lines(raw)
    n = draw(st.sampled_from(_value_lines(lines) or [0]))
    key = lines[n].partition(b":")[0]
    value = draw(st.one_of(st.sampled_from(SCALARS), st.text(max_size=40)))
    lines[n] = key + b": " + value.encode("utf-8", "surrogatepass")
    return b"\n".join(lines)


MUTATIONS = (byte_mutation, line_mutation, tag_mutation, scalar_mutation)


@st.composite
def mutated_file(draw: st.DrawFn) -> tuple[str, bytes]:
    rel = draw(st.sampled_from(FILES))
    raw = (REPO_ROOT / rel).read_bytes()
    for _ in range(draw(st.integers(1, 3))):
        raw = draw(draw(st.sampled_from(MUTATIONS))(raw))
    return rel, raw


def _run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = main(args)
    return status, out.getvalue()


@pytest.mark.long
@seed(SEED)
@settings(
    max_examples=CASES,
    deadline=5000,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=mutated_file())
def test_no_mutation_of_a_valid_file_stops_a_command(
    fuzz_repo: Path, case: tuple[str, bytes]
) -> None:
    rel, raw = case
    for name in FILES:
        shutil.copyfile(REPO_ROOT / name, fuzz_repo / name)
    (fuzz_repo / rel).write_bytes(raw)
    repo = str(fuzz_repo)
    out = fuzz_repo.parent / "report.md"
    commands = (
        ["validate", "--repo", repo, "--lang", "en"],
        ["status", "--repo", repo, "--as-of", "2026-03-01", "--period", "2025"],
        ["report", "--repo", repo, "--period", "2025", "--format", "md", "-o", str(out),
         "--as-of", "2026-03-01"],
    )  # fmt: skip
    for args in commands:
        status, printed = _run(args)
        assert status in (0, 1), (args[0], status, printed[-2000:])
        assert "Traceback" not in printed and "internal error" not in printed, printed[-2000:]
