"""The MFA's consolidated Annex 6 report: consolidate → view → render.

Public API::

    from generator.report import build_report
    built = build_report(project, result, period=2025, fmt="pdf", lang="kk",
                         out=Path("report.pdf"), as_of=date(2026, 2, 1),
                         when=datetime(...), edition="public", status=rows,
                         final=True, attach=True)
    built.missing  # what the MFA has still to write; a final report is then not written
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.check.project import Project
from generator.check.validate import ValidationResult
from generator.report.completeness import MissingPart, missing_parts
from generator.report.consolidate import consolidate
from generator.report.model import Consolidation, Edition
from generator.report.render.write import WRITER_BY_FORMAT, Job
from generator.report.timeliness import StatusRowLike
from generator.report.view import build_document

FORMATS: tuple[str, ...] = tuple(WRITER_BY_FORMAT)

__all__ = ["FORMATS", "BuiltReport", "Consolidation", "MissingPart", "build_report", "consolidate"]


@dataclass(frozen=True)
class BuiltReport:
    """What ``build_report`` did: the files written, or, for a final report that cannot be
    signed yet, no files and the parts the MFA has still to write."""

    consolidation: Consolidation
    paths: tuple[Path, ...]
    missing: tuple[MissingPart, ...]


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
    final: bool = False,
    attach: bool = False,
) -> BuiltReport:
    """Consolidate the period and write it in ``fmt``: a draft, or with ``final`` the
    document to sign, written only when no MFA-written part is missing. ``attach`` appends
    the recommendations' copies to a PDF.

    Raises ConservationError (exit 1) if an entry would be lost or duplicated.
    """
    found = consolidate(project, result, period, edition, as_of, status)
    missing = missing_parts(found)
    if final and missing:
        return BuiltReport(found, (), missing)
    document = build_document(found, project, lang, final=final)
    job = Job(found, document, project, lang, when, attach=attach)
    return BuiltReport(found, WRITER_BY_FORMAT[fmt](job, out), missing)
