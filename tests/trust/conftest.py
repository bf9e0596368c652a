"""Attacks of issue 15, each on a fresh copy of the demo repository (made once per run)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.cli.main import main
from testing.repo import REPO_ROOT

ENERGY = "submissions/2025/energy/treaties-in-force.yaml"
AS_OF = "2026-03-01"


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("trust-demo") / "repo"
    assert main(["demo", str(target), "--repo", str(REPO_ROOT)]) == 0
    return target


@pytest.fixture
def copy(demo: Path, tmp_path: Path) -> Path:
    """A writable copy of the demo repository, with its git history."""
    target = tmp_path / "repo"
    shutil.copytree(demo, target, symlinks=True)
    return target


def unprivileged(command: list[str]) -> list[str]:
    """``command`` run so that file permissions apply, even to root: root keeps its user
    but loses the two capabilities that let it read and list anything."""
    if os.geteuid() != 0:
        return command
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]
