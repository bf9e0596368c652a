"""Attacks of issue 15, each on a fresh copy of the demo repository (``demo_repo``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from testing.fixtures import copy_repo
from tests.workflows.conftest import api, git_repo

ENERGY = "submissions/2025/energy/treaties-in-force.yaml"
AS_OF = "2026-03-01"


@pytest.fixture
def copy(demo_repo: Path, tmp_path: Path) -> Path:
    """A writable copy of the demo repository, with its git history."""
    return copy_repo(demo_repo, tmp_path / "repo")


def unprivileged(command: list[str]) -> list[str]:
    """``command`` run so that file permissions apply, even to root: root keeps its user
    but loses the two capabilities that let it read and list anything."""
    if os.geteuid() != 0:
        return command
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]


__all__ = ["api", "git_repo"]
