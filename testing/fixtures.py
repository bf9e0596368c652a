"""Session fixtures shared by every test folder (registered in ``tests/conftest.py``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli.main import main
from testing.repo import REPO_ROOT


@pytest.fixture(scope="session")
def demo_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo repository (``treaty demo``), built once per session. Read it; a test that
    changes it works on a copy (:func:`copy_repo`)."""
    target = tmp_path_factory.mktemp("demo") / "repo"
    assert main(["demo", str(target), "--repo", str(REPO_ROOT)]) == 0
    return target


def copy_repo(source: Path, dest: Path) -> Path:
    """A copy of a repository, git history included."""
    shutil.copytree(source, dest, symlinks=True)
    return dest
