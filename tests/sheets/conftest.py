"""The demo repository, opened once for the spreadsheet tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check.project import Project, open_project


@pytest.fixture(scope="module")
def demo(demo_repo: Path) -> Project:
    return open_project(demo_repo)
