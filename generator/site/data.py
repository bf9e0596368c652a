"""Everything the site shows, loaded once per build through the same core the CLI uses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.check.project import Project, open_project
from generator.check.validate import ValidationResult, validate
from generator.deadlines.excluded import excluded_files
from generator.deadlines.status import StatusReport, build_status
from generator.deadlines.values import ExcludedFile
from generator.law.load import load_law
from generator.law.model import Law
from generator.model import Submission
from generator.site.edition import for_edition, shows_form


@dataclass(frozen=True)
class SiteData:
    """The repository as one edition of the site sees it on ``as_of``."""

    project: Project
    edition: str
    as_of: dt.date
    submissions: tuple[Submission, ...]
    invalid_files: tuple[str, ...]
    status: StatusReport
    law: Law | None
    result: ValidationResult
    rules_version: str = ""
    # What the site leaves out until it is corrected (whole files, or entries of them).
    excluded: tuple[ExcludedFile, ...] = ()

    @property
    def periods(self) -> list[int]:
        """Every period with a submission or a duty, newest first."""
        found = {s.period for s in self.submissions} | {r.period for r in self.status.rows}
        return sorted(found, reverse=True)

    def of_body(self, code: str) -> list[Submission]:
        return [s for s in self.submissions if s.body == code]


def load_rules(root: Path) -> Law | None:
    if not (root / "law" / "instrument.yaml").is_file():
        return None
    return load_law(root / "law", root / "schemas")


def _status(project: Project, as_of: dt.date, edition: str) -> StatusReport:
    """Every duty's state, limited to the forms the edition shows."""
    report = build_status(project, as_of)
    rows = tuple(r for r in report.rows if shows_form(project.forms.get(r.kind), edition))
    return StatusReport(report.as_of, rows)


def left_out(project: Project, result: ValidationResult, edition: str) -> tuple[ExcludedFile, ...]:
    """What the site leaves out until corrected, of the forms the edition shows."""
    return excluded_files(result, project.forms, shown=lambda form: shows_form(form, edition))


def load_site_data(root: Path, edition: str, as_of: dt.date, rules_version: str = "") -> SiteData:
    """Validate the repository and gather what the site shows (once per build: the plugin's
    :class:`~generator.site.session.BuildSession` keeps it for that build only)."""
    project = open_project(root)
    result = validate(project, documents=True)
    return SiteData(
        project=project,
        edition=edition,
        as_of=as_of,
        submissions=for_edition(result.shown(project.forms), project.forms, edition),
        invalid_files=tuple(sorted({f.rel for f in result.invalid()})),
        excluded=left_out(project, result, edition),
        status=_status(project, as_of, edition),
        law=load_rules(project.root),
        result=result,
        rules_version=rules_version,
    )
