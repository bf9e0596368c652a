"""Session fixtures shared by every test folder (registered in ``tests/conftest.py``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli.main import main
from testing.repo import REPO_ROOT
from testing.shared import once_per_run


@pytest.fixture(scope="session")
def demo_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo repository (``treaty demo``), built once per run (:func:`once_per_run`). Read
    it; a test that changes it works on a copy (:func:`copy_repo`)."""

    def make(folder: Path) -> None:
        assert main(["demo", str(folder / "repo"), "--repo", str(REPO_ROOT)]) == 0

    return once_per_run(tmp_path_factory, "demo", make) / "repo"


def copy_repo(source: Path, dest: Path) -> Path:
    """A copy of a repository, git history included."""
    shutil.copytree(source, dest, symlinks=True)
    return dest
