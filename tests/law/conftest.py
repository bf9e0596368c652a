"""Shared fixtures for the law tests: the repository's law/ folder, loaded once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.law.load import LAW_DIR, load_law
from generator.law.messages import LawCatalogue, load_catalogue
from generator.law.model import Law


@pytest.fixture(scope="session")
def law() -> Law:
    return load_law()


@pytest.fixture(scope="session")
def en() -> LawCatalogue:
    return load_catalogue("en")


@pytest.fixture
def law_copy(tmp_path: Path) -> Path:
    """A writable copy of law/ under tmp_path."""
    target = tmp_path / "law"
    shutil.copytree(LAW_DIR, target)
    return target
