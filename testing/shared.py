"""Folders made once per test run, also when pytest-xdist spreads the tests over workers.

A session fixture is made once per process; under ``pytest -n 2`` each worker would build
the demo site and reports again. :func:`once_per_run` makes a folder in the run's temporary
folder that every worker shares (``pytest-N/`` above the workers' ``popen-gwN/``): the first
worker to ask makes it under a file lock, the others wait and then read it. Whatever is
made so is read only: a test that changes it works on a copy.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of this run: the workers' common parent under xdist."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def once_per_run(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]
) -> Path:
    """``run_folder/shared/name``, made by ``make(folder)`` (an empty folder) in the first
    process that asks; a folder left half made by a failed ``make`` is made again."""
    shared = run_folder(tmp_path_factory) / "shared"
    shared.mkdir(exist_ok=True)
    folder, made = shared / name, shared / f"{name}.made"
    with FileLock(str(shared / f"{name}.lock")):
        if not made.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            made.touch()
    return folder
