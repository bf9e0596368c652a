"""The consolidated Annex 6 report as immutable values, before any language or format.

Everything here is language-neutral: texts stay :class:`~generator.model.Text` or raw
submission values, codes stay codes. :mod:`generator.report.view` turns a
:class:`Consolidation` into one language; the renderers only format that view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from generator.model import EDITIONS, Edition
from generator.problems import Problem

__all__ = ["EDITIONS", "Edition"]


def freeze(value: Any, drop: frozenset[str] = frozenset()) -> Any:
    """A deep read-only copy of parsed YAML, without the keys named in ``drop``."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: freeze(v, drop) for k, v in value.items() if k not in drop})
    if isinstance(value, list | tuple):
        return tuple(freeze(v, drop) for v in value)
    return value


def thaw(value: Any) -> Any:
    """Plain dicts and lists again (for JSON)."""
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value


@dataclass(frozen=True)
class Entry:
    """One entry of one valid submission; ``uid`` is unique in the report."""

    uid: str
    path: str
    body: str
    kind: str
    table: str
    index: int
    annex: int | None
    treaty: str | None
    row: Mapping[str, Any]


@dataclass(frozen=True)
class StatusCount:
    """Entries of Annex 1 for one group (area or body), by implementation status."""

    key: str
    treaties: int
    entries: int
    by_status: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Measure:
    treaty: str
    body: str
    area: str
    date: str
    text: Any
    document: str


@dataclass(frozen=True)
class TreatiesInForce:
    """Section II."""

    by_area: tuple[StatusCount, ...]
    by_body: tuple[StatusCount, ...]
    statuses: tuple[tuple[str, int], ...]
    measures_total: int
    notable: tuple[Measure, ...]


@dataclass(frozen=True)
class DomesticProcedures:
    """Section III."""

    by_stage: tuple[tuple[str, int], ...]
    overdue: tuple[Entry, ...]


@dataclass(frozen=True)
class TreatyGroup:
    """Entries about one treaty (section IV and the per-treaty annex table)."""

    treaty: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Recommendation:
    """One recommendation of section V; ``attachment`` is the copy's repository path.

    ``pages`` is the copy's page count, None when the file is missing or is not a PDF that
    can be read (then the copy is a missing part of the report, not a path).
    """

    organisation: Any
    title: Any
    reference: str
    date: str
    attachment: str | None
    attachment_found: bool
    pages: int | None = None


@dataclass(frozen=True)
class Assessment:
    """What the MFA wrote itself (sections I and V, commentary, the covering letter's
    number, date and signatory); empty or None fields are missing.

    ``recommendations_given``: the file has a ``recommendations`` list (an empty list says
    there were none this year; no list at all means the MFA has not written section V).
    """

    entry: Entry | None
    text: Any
    by_partner: tuple[Mapping[str, Any], ...]
    by_area: tuple[Mapping[str, Any], ...]
    commentary: Mapping[str, Any]
    recommendations: tuple[Recommendation, ...]
    recommendations_given: bool = False
    outgoing: Mapping[str, Any] = field(default_factory=dict)
    signatory: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class BodyTimeliness:
    """One body's duty for one form, from ``treaty status``."""

    body: str
    kind: str
    due: str
    submitted: str
    state: str
    days_late: int | None
    entries: int
    # Each change after receipt: (YYYY-MM-DD, days after the due date; 0 = not after it).
    amended: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class FormGroup:
    """Chapter-6 entries of one internal form (internal edition only)."""

    kind: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Excluded:
    """What of the period is left out, with its reasons (problems): a whole file, or with
    ``entry`` ("annex1[3]": table key and row index in the file) one entry of a file
    whose other entries are shown."""

    path: str
    body: str
    problems: tuple[Problem, ...]
    entry: str = ""
    kind: str = ""


@dataclass(frozen=True)
class TotalRow:
    """Entries of one body and form: ``received`` (in files that pass or whose errors lie
    inside entries), ``shown``, and ``excluded`` (entries with errors, left out)."""

    body: str
    kind: str
    received: int
    shown: int
    excluded: int = 0

    @property
    def balanced(self) -> bool:
        return self.received == self.shown


@dataclass(frozen=True)
class Totals:
    forms: tuple[str, ...]
    rows: tuple[TotalRow, ...]

    @property
    def received(self) -> int:
        return sum(r.received for r in self.rows)

    @property
    def shown(self) -> int:
        return sum(r.shown for r in self.rows)

    @property
    def excluded(self) -> int:
        return sum(r.excluded for r in self.rows)

    @property
    def submitted(self) -> int:
        """Entries submitted in the files that were read: shown + excluded."""
        return self.received + self.excluded

    @property
    def balanced(self) -> bool:
        return all(r.balanced for r in self.rows)


@dataclass(frozen=True)
class Consolidation:
    period: int
    edition: Edition
    as_of: dt.date
    forms: tuple[str, ...]
    entries: tuple[Entry, ...]
    assessment: Assessment
    section2: TreatiesInForce
    section3: DomesticProcedures
    section4: tuple[TreatyGroup, ...]
    per_treaty: tuple[TreatyGroup, ...]
    per_body: tuple[BodyTimeliness, ...] | None
    chapter6: tuple[FormGroup, ...]
    excluded: tuple[Excluded, ...]
    totals: Totals
    # Treaties a shown report leaves out (TR318/TR319), each with its problem.
    omitted: tuple[Excluded, ...] = ()
