"""Hostile files through ``treaty validate``: exit 1, one clear problem line, no traceback.

Each attack runs in-process (``generator.cli.main.main``) and as a real subprocess with a
two-second timeout. Big files are generated here, in ``tmp_path``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cli.main import main
from generator.load.files import BOM
from testing.repo import water_annex1, write

TIF = "submissions/2025/water/treaties-in-force.yaml"
HEAD = "form: treaties-in-force\nperiod: 2025\nbody: water\n"
TREATY = Path(sys.executable).parent / "treaty"


def _billion_laughs(repo: Path) -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
        previous = name
    write(repo, TIF, "\n".join(lines) + "\n")
    return TIF


def _ten_megabytes(repo: Path) -> str:
    row = "  - treaty: kz-cn-2001-transboundary-rivers\n"
    write(repo, TIF, HEAD + "annex1:\n" + row * (10 * 1024 * 1024 // len(row) + 1))
    return TIF


def _deep_flow(repo: Path) -> str:
    write(repo, TIF, "[" * 10_000 + "]" * 10_000 + "\n")
    return TIF


def _deep_block(repo: Path) -> str:
    write(repo, TIF, "- " * 10_000 + "x\n")
    return TIF


def _duplicate_keys(repo: Path) -> str:
    write(repo, TIF, HEAD + "annex1: []\nbody: water\n")
    return TIF


def _python_object(repo: Path) -> str:
    pwned = repo.parent / "pwned"
    write(repo, TIF, HEAD + f'annex1: !!python/object/apply:os.system ["touch {pwned}"]\n')
    return TIF


def _latin1(repo: Path) -> str:
    write(repo, TIF, (HEAD + "annex1: []\nnote: café\n").encode("latin-1"))
    return TIF


def _bom(repo: Path) -> str:
    write(repo, TIF, BOM + (HEAD + "annex1: []\n").encode())
    return TIF


def _symlink_outside(repo: Path) -> str:
    secret = write(repo.parent, "secret.yaml", "password: hunter2-secret\n")
    (repo / TIF).parent.mkdir(parents=True, exist_ok=True)
    (repo / TIF).symlink_to(secret)
    return TIF


def _unknown_body(repo: Path) -> str:
    rel = "submissions/2025/ministry-of-magic/treaties-in-force.yaml"
    write(repo, rel, "form: treaties-in-force\nperiod: 2025\nbody: ministry-of-magic\nannex1: []\n")
    return rel


@dataclass(frozen=True)
class Attack:
    name: str
    build: Callable[[Path], str]
    code: str


ATTACKS = [
    Attack("billion-laughs", _billion_laughs, "TR105"),
    Attack("ten-megabytes", _ten_megabytes, "TR003"),
    Attack("10000-levels-flow", _deep_flow, "TR106"),
    Attack("10000-levels-block", _deep_block, "TR106"),
    Attack("duplicate-keys", _duplicate_keys, "TR103"),
    Attack("python-object-tag", _python_object, "TR104"),
    Attack("latin-1", _latin1, "TR001"),
    Attack("byte-order-mark", _bom, "TR002"),
    Attack("symlink-outside", _symlink_outside, "TR004"),
    Attack("unknown-body", _unknown_body, "TR309"),
]
IDS = [a.name for a in ATTACKS]


def _problem_lines(output: str, rel: str, code: str) -> list[str]:
    pattern = re.compile(rf"^{re.escape(rel)}:\d+:\d+: error {code} \S.*$")
    return [line for line in output.splitlines() if pattern.match(line)]


def _assert_clean(output: str, rel: str, attack: Attack) -> None:
    assert "Traceback" not in output
    assert len(_problem_lines(output, rel, attack.code)) == 1, output
    assert "hunter2" not in output


@pytest.mark.parametrize("attack", ATTACKS, ids=IDS)
def test_attack_in_process(repo: Path, attack: Attack, capsys: pytest.CaptureFixture[str]) -> None:
    rel = attack.build(repo)
    code = main(["validate", "--repo", str(repo), "--lang", "en", str(repo / rel)])
    out, err = capsys.readouterr()
    assert code == 1
    _assert_clean(out + err, rel, attack)
    assert not (repo.parent / "pwned").exists()


@pytest.mark.parametrize("attack", ATTACKS, ids=IDS)
def test_attack_in_a_subprocess_within_two_seconds(repo: Path, attack: Attack) -> None:
    rel = attack.build(repo)
    done = subprocess.run(
        [str(TREATY), "validate", "--lang", "en", rel],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=2,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    _assert_clean(done.stdout + done.stderr, rel, attack)
    assert not (repo.parent / "pwned").exists()


@pytest.mark.parametrize("attack", ATTACKS, ids=IDS)
def test_whole_repository_reports_the_attack_too(
    repo: Path, attack: Attack, capsys: pytest.CaptureFixture[str]
) -> None:
    rel = attack.build(repo)
    code = main(["validate", "--repo", str(repo), "--lang", "en"])
    out, err = capsys.readouterr()
    assert code == 1
    _assert_clean(out + err, rel, attack)


# --- exit codes -------------------------------------------------------------------------

VALID_TIF = HEAD + water_annex1()


def test_exit_0_for_a_valid_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo, TIF, VALID_TIF)
    assert main(["validate", "--repo", str(repo), "--lang", "en", str(repo / TIF)]) == 0
    assert "1 file(s)" in capsys.readouterr().out


def test_exit_0_with_only_warnings(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    row = (
        "  - treaty: ect-1994-energy-charter-treaty\n    obligations: {ru: Обмен.}\n"
        "    measures: [{text: {ru: Проведено.}}]\n    status: implemented\n"
    )
    write(repo, TIF, HEAD + water_annex1(row))
    assert main(["validate", "--repo", str(repo), "--lang", "en", str(repo / TIF)]) == 0
    assert ": warning TR314 " in capsys.readouterr().out


def test_exit_1_for_an_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo, TIF, HEAD)
    assert main(["validate", "--repo", str(repo), "--lang", "en"]) == 1
    assert f"{TIF}:1:1: error TR201 " in capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [["--format", "xml"], ["--lang", "de"], ["--no-such-option"]],
    ids=["format", "lang", "option"],
)
def test_exit_2_for_usage_errors(
    repo: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--repo", str(repo), *args]) == 2
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert err.strip()


def test_exit_2_for_a_folder_that_is_not_a_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--repo", str(tmp_path)]) == 2
    assert "not a Treaty Reports repository" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{ not json", "cannot read schema"),
        ('{"type": 5}', "is not valid at"),
    ],
    ids=["not-json", "not-a-schema"],
)
def test_exit_3_for_a_broken_schema_one_line_no_traceback(
    repo: Path, content: str, words: str
) -> None:
    write(repo, "schemas/treaties-in-force.schema.json", content)
    write(repo, TIF, VALID_TIF)
    done = subprocess.run(
        [str(TREATY), "validate", TIF],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    assert done.returncode == 3
    assert "Traceback" not in done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], done.stderr
