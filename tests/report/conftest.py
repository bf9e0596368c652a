"""Fixtures for the report tests: the demo repository (built by ``treaty demo`` from this
repository's demo data, with its back-dated git history) and the report of its demo period
in every format, built once per run through the CLI (shared by the xdist workers:
:func:`testing.shared.once_per_run`)."""

from __future__ import annotations

import functools
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.cli.main import main
from testing.shared import once_per_run

DEMO_PERIOD = 2025
AS_OF = "2026-02-01"
EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
FORMATS = ("md", "html", "docx", "pdf", "json", "csv", "xlsx")


@dataclass(frozen=True)
class Built:
    folder: Path
    lang: str

    def path(self, fmt: str) -> Path:
        return self.folder / f"report.{fmt}"

    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.path("json").read_text(encoding="utf-8"))
        return data


@pytest.fixture(scope="session")
def epoch() -> Iterator[str]:
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    yield EPOCH
    if old is None:
        del os.environ["SOURCE_DATE_EPOCH"]
    else:
        os.environ["SOURCE_DATE_EPOCH"] = old


def build(repo: Path, out: Path, fmt: str, *extra: str, lang: str = "kk") -> int:
    args = ["report", "--repo", str(repo), "--period", str(DEMO_PERIOD), "--format", fmt]
    return main([*args, "--lang", lang, "--as-of", AS_OF, "-o", str(out), *extra])


def build_all(repo: Path, folder: Path, lang: str, formats: tuple[str, ...] = FORMATS) -> Built:
    for fmt in formats:
        assert build(repo, folder / f"report.{fmt}", fmt, lang=lang) == 0, fmt
    return Built(folder, lang)


@pytest.fixture(scope="session")
def kk_report(demo_repo: Path, epoch: str, tmp_path_factory: pytest.TempPathFactory) -> Built:
    folder = once_per_run(tmp_path_factory, "kk", lambda out: build_all(demo_repo, out, "kk"))
    return Built(folder, "kk")


LANGS = ("kk", "ru", "en")


@pytest.fixture(scope="session")
def drafts(
    kk_report: Built, demo_repo: Path, epoch: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Built]:
    """The demo period's draft (the default) as PDF and DOCX in kk, ru and en."""

    def make(folder: Path, lang: str) -> None:
        build_all(demo_repo, folder, lang, ("pdf", "docx"))

    found = {"kk": kk_report}
    for lang in ("ru", "en"):
        folder = once_per_run(tmp_path_factory, lang, functools.partial(make, lang=lang))
        found[lang] = Built(folder, lang)
    return found


@pytest.fixture(scope="session")
def finals(
    demo_repo: Path, epoch: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Built]:
    """The demo period's final document (``--final``) as PDF and DOCX in kk, ru and en."""

    def make(folder: Path, lang: str) -> None:
        for fmt in ("pdf", "docx"):
            assert build(demo_repo, folder / f"report.{fmt}", fmt, "--final", lang=lang) == 0

    found = {}
    for lang in LANGS:
        folder = once_per_run(tmp_path_factory, f"final-{lang}", functools.partial(make, lang=lang))
        found[lang] = Built(folder, lang)
    return found


@pytest.fixture(scope="session")
def opened(drafts: dict[str, Built], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The drafts' DOCX as LibreOffice lays them out (converted to PDF)."""
    from tests.report.office import to_pdf

    def make(folder: Path) -> None:
        copies = []
        for lang in LANGS:
            copy = folder / f"{lang}.docx"
            shutil.copyfile(drafts[lang].path("docx"), copy)
            copies.append(copy)
        to_pdf(copies, folder / "pdf")

    folder = once_per_run(tmp_path_factory, "office", make)
    return {lang: folder / "pdf" / f"{lang}.pdf" for lang in LANGS}


@pytest.fixture
def repo_copy(demo_repo: Path, tmp_path: Path) -> Path:
    """A writable copy of the demo repository (with its git history)."""
    target = tmp_path / "repo"
    shutil.copytree(demo_repo, target, symlinks=True)
    return target
