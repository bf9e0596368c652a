"""Shared fixtures.

- ``repo``: a throwaway repository in ``tmp_path`` holding copies of the real ``schemas/``
  and ``registry/`` and an empty ``submissions/``. Write files into it with
  :func:`testing.repo.write` (``write(repo, "submissions/2025/water/x.yaml", text)``).
- ``project``: that repository opened (forms, registries, compiled schemas), for calling the
  library directly. Open it *after* writing registry files you want it to see.

Helpers live in the ``testing`` package at the repository root (not a test module).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check.project import Project, open_project
from testing.repo import make_repo

pytest_plugins = ["testing.fixtures"]  # demo_repo: the demo repository, built once


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``long`` (minutes each) first, the rest in their order: under xdist a
    worker starts on each long test at once instead of the last one holding up the run."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the real schemas and registries, and no submissions."""
    return make_repo(tmp_path / "repo")


@pytest.fixture
def project(repo: Path) -> Project:
    """The ``repo`` fixture, opened."""
    return open_project(repo)
