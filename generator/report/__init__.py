"""The MFA's consolidated Annex 6 report: consolidate → view → render.

Public API::

    from generator.report import build_report
    paths = build_report(project, result, period=2025, fmt="pdf", lang="kk",
                         out=Path("report.pdf"), as_of=date(2026, 2, 1),
                         when=datetime(...), edition="public", status=rows)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from generator.check.project import Project
from generator.check.validate import ValidationResult
from generator.report.consolidate import consolidate
from generator.report.model import Consolidation, Edition
from generator.report.render.write import WRITER_BY_FORMAT, Job
from generator.report.timeliness import StatusRowLike
from generator.report.view import build_document

FORMATS: tuple[str, ...] = tuple(WRITER_BY_FORMAT)

__all__ = ["FORMATS", "Consolidation", "build_report", "consolidate"]


def build_report(
    project: Project,
    result: ValidationResult,
    *,
    period: int,
    fmt: str,
    lang: str,
    out: Path,
    as_of: dt.date,
    when: dt.datetime,
    edition: Edition = "public",
    status: Iterable[StatusRowLike] | None = None,
) -> tuple[Consolidation, tuple[Path, ...]]:
    """Consolidate the period and write it in ``fmt``; returns the files written.

    Raises ConservationError (exit 1) if an entry would be lost or duplicated.
    """
    found = consolidate(project, result, period, edition, as_of, status)
    document = build_document(found, project, lang)
    job = Job(found, document, project, lang, when)
    return found, WRITER_BY_FORMAT[fmt](job, out)
