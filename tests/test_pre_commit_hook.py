"""The pre-commit hook this repository exports works in a ministry's own clone, offline.

``pre-commit try-repo`` installs the hook from this repository at a commit, exactly as a
ministry's ``.pre-commit-config.yaml`` naming it would (``.pre-commit-hooks.yaml``:
``language: python``, so pre-commit makes a virtual environment and runs ``pip install .``
in it), and runs it on every file of a temporary git repository holding a ministry's
submissions. Nothing is fetched: pip gets the project's dependencies from a wheelhouse
made from this environment (:mod:`testing.wheels`) with ``PIP_NO_INDEX``, no pip
configuration is read, and every proxy points at a closed port.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from testing.git import IDENTITY, commit_all, git
from testing.repo import REPO_ROOT, make_repo, write
from testing.wheels import wheelhouse

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
HOOK = "treaty-validate"
GOOD = "submissions/2025/energy/treaties-in-force.yaml"
BAD = "submissions/2025/energy/domestic-procedures.yaml"

pytestmark = pytest.mark.skipif(
    not (REPO_ROOT / ".git").exists(), reason="needs this repository as a git checkout"
)


def _ministry(folder: Path) -> Path:
    """A ministry's clone: the layout, the registers, the Rules, one good and one broken
    report."""
    repo = make_repo(folder)
    shutil.copytree(REPO_ROOT / "law", repo / "law")
    git(repo, "init", "-q", "-b", "main")
    write(repo, GOOD, (REPO_ROOT / GOOD).read_text(encoding="utf-8"))
    text = (REPO_ROOT / BAD).read_text(encoding="utf-8")
    assert "\nperiod: 2025\n" in text
    write(repo, BAD, text.replace("\nperiod: 2025\n", "\nperiod: twenty\n"))
    commit_all(repo, "reports")
    return repo


def _try_repo(ministry: Path, home: Path, wheels: Path) -> subprocess.CompletedProcess[str]:
    commit = git(REPO_ROOT, "rev-parse", "HEAD").strip()
    dead = "http://127.0.0.1:9"
    env = {
        **os.environ,
        **IDENTITY,
        "PRE_COMMIT_HOME": str(home),
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheels),
        "PIP_CONFIG_FILE": os.devnull,
        "HTTP_PROXY": dead,
        "HTTPS_PROXY": dead,
        "http_proxy": dead,
        "https_proxy": dead,
    }
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(REPO_ROOT), HOOK, "--ref", commit, "--all-files"],
        cwd=ministry, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip


def test_the_hook_checks_a_ministry_s_reports_offline(tmp_path: Path) -> None:
    ministry = _ministry(tmp_path / "ministry")
    wheels = wheelhouse(tmp_path / "wheels")
    home = tmp_path / "pre-commit"
    failed = _try_repo(ministry, home, wheels)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert f"{BAD}:3:" in output and "TR202" in output  # period: twenty, at its line
    assert GOOD not in output
    # the broken report fixed: the hook (installed once, in pre-commit's cache) passes
    write(ministry, BAD, (REPO_ROOT / BAD).read_text(encoding="utf-8"))
    commit_all(ministry, "fixed")
    passed = _try_repo(ministry, home, wheels)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
