"""Problems found in submitted files: immutable values that reporters only format."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or late) in one file.

    ``line`` and ``column`` are 1-based and point at the offending YAML node; for a missing
    key they point at the mapping that lacks it. ``path`` is a JSON path such as
    ``$.annex1[2].status``. ``args`` fills the placeholders of the catalogue message.
    ``rule`` is the point of the Rules the file's form (or the check) rests on, e.g. ``2.1``.
    ``cell`` is set when the file is a spreadsheet (``Annex 1!C7``): the problem is then
    shown at that cell instead of a line and column.
    """

    file: str
    line: int
    column: int
    path: str
    code: str
    severity: Severity
    args: Mapping[str, str] = field(default_factory=dict)
    rule: str = ""
    cell: str = ""

    @property
    def position(self) -> str:
        """Where in the file: ``line:column``, or the spreadsheet cell."""
        return self.cell or f"{self.line}:{self.column}"

    @property
    def where(self) -> str:
        """``file:line:column`` (or ``file:Sheet!C7``), as editors and terminals link them."""
        return f"{self.file}:{self.position}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


@dataclass(frozen=True)
class LocalizedProblem:
    """A problem with its message and fix hint rendered in one language."""

    problem: Problem
    message: str
    hint: str
    citation: str = ""

    def as_dict(self) -> dict[str, object]:
        p = self.problem
        return {
            "file": p.file,
            "line": p.line,
            "column": p.column,
            "path": p.path,
            "code": p.code,
            "severity": p.severity.value,
            "message": self.message,
            "hint": self.hint,
            **({"cell": p.cell} if p.cell else {}),
        }


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)
