"""What a reporter formats: localized problems plus the counts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.check.validate import ValidationResult
from generator.forms import FormSet
from generator.i18n import Catalogue
from generator.problems import LocalizedProblem


@dataclass(frozen=True)
class ReportView:
    files_checked: int
    entries_checked: int
    errors: int
    warnings: int
    problems: tuple[LocalizedProblem, ...]
    catalogue: Catalogue

    @classmethod
    def of(
        cls,
        result: ValidationResult,
        catalogue: Catalogue,
        forms: FormSet,
        cite: Callable[[str], str] | None = None,
    ) -> ReportView:
        """``cite`` gives the Rules' citations their status (see :meth:`Catalogue.localize`)."""
        return cls(
            files_checked=result.files_checked,
            entries_checked=result.entries_checked,
            errors=result.errors,
            warnings=result.warnings,
            problems=tuple(catalogue.localize(p, forms, cite) for p in result.problems),
            catalogue=catalogue,
        )

    def summary(self) -> str:
        return self.catalogue.label(
            "summary",
            files=self.files_checked,
            entries=self.entries_checked,
            errors=self.errors,
            warnings=self.warnings,
        )
