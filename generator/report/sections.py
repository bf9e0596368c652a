"""Sections II, III and IV, and the MFA's own sections I and V, built from entries."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from generator.registry import Registry
from generator.report.model import (
    Assessment,
    DomesticProcedures,
    Entry,
    Measure,
    Recommendation,
    StatusCount,
    TreatiesInForce,
    TreatyGroup,
)

IMPLEMENTATION_TABLE = "annex1"
PROBLEM_TABLES = ("annex2", "annex5")
STAGE_TABLE = "annex4"
OVERDUE_TABLE = "annex5"
STATUSES = ("implemented", "in-progress", "not-implemented")


def area_of(treaty: str | None, registry: Registry) -> str:
    found = registry.treaties.get(treaty or "")
    return found.area if found else "other"


def _status_count(key: str, entries: Sequence[Entry]) -> StatusCount:
    counts = Counter(str(e.row.get("status", "")) for e in entries)
    known = [(s, counts.get(s, 0)) for s in STATUSES]
    other = sorted((s, n) for s, n in counts.items() if s not in STATUSES)
    return StatusCount(
        key=key,
        treaties=len({e.treaty for e in entries}),
        entries=len(entries),
        by_status=(*known, *other),
    )


def _grouped(entries: Iterable[Entry], key: Any) -> dict[str, list[Entry]]:
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[key(entry)].append(entry)
    return dict(sorted(groups.items()))


def _measures(entries: Sequence[Entry], registry: Registry) -> list[Measure]:
    found: list[Measure] = []
    for entry in entries:
        for item in entry.row.get("measures") or ():
            if isinstance(item, Mapping):
                found.append(
                    Measure(
                        treaty=entry.treaty or "",
                        body=entry.body,
                        area=area_of(entry.treaty, registry),
                        date=str(item.get("date") or ""),
                        text=item.get("text"),
                        document=str(item.get("document") or ""),
                    )
                )
    return found


def treaties_in_force(entries: Sequence[Entry], registry: Registry) -> TreatiesInForce:
    """Section II: Annex 1 by area and by body, counts by status, notable measures.

    A measure is notable when the body names the document (act, protocol) that records it.
    """
    rows = [e for e in entries if e.table == IMPLEMENTATION_TABLE]
    by_area = _grouped(rows, lambda e: area_of(e.treaty, registry))
    by_body = _grouped(rows, lambda e: e.body)
    measures = _measures(rows, registry)
    notable = sorted(
        (m for m in measures if m.document),
        key=lambda m: (m.area, m.date, m.treaty, m.body),
    )
    return TreatiesInForce(
        by_area=tuple(_status_count(k, v) for k, v in by_area.items()),
        by_body=tuple(_status_count(k, v) for k, v in by_body.items()),
        statuses=_status_count("", rows).by_status,
        measures_total=len(measures),
        notable=tuple(notable),
    )


def domestic_procedures(entries: Sequence[Entry]) -> DomesticProcedures:
    """Section III: Annex 4 by stage; Annex 5's overdue procedures with their reasons."""
    stages = Counter(str(e.row.get("stage", "")) for e in entries if e.table == STAGE_TABLE)
    overdue = sorted(
        (e for e in entries if e.table == OVERDUE_TABLE),
        key=lambda e: (str(e.row.get("overdue_since", "")), e.treaty or "", e.body),
    )
    return DomesticProcedures(by_stage=tuple(sorted(stages.items())), overdue=tuple(overdue))


def by_treaty(entries: Iterable[Entry]) -> tuple[TreatyGroup, ...]:
    """Entries grouped by treaty id, each group ordered by body, annex and row."""
    groups = _grouped(entries, lambda e: e.treaty or "")
    return tuple(
        TreatyGroup(treaty=k, entries=tuple(sorted(v, key=lambda e: (e.body, e.annex or 0, e.uid))))
        for k, v in groups.items()
    )


def problems_and_proposals(entries: Sequence[Entry]) -> tuple[TreatyGroup, ...]:
    """Section IV: Annexes 2 and 5, grouped by treaty."""
    return by_treaty(e for e in entries if e.table in PROBLEM_TABLES)


def _inside(root: Path, rel: str | None) -> bool:
    """Whether ``rel`` names a file inside the repository."""
    if not rel:
        return False
    target = (root / rel).resolve()
    return target.is_relative_to(root.resolve()) and target.is_file()


def pdf_pages(path: Path) -> int | None:
    """The page count of a PDF file, or None if it is not a PDF that pypdf can read."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        return len(PdfReader(str(path)).pages)
    except (OSError, PyPdfError, ValueError, KeyError, TypeError):
        return None


def _recommendation(raw: Mapping[str, Any], folder: PurePosixPath, root: Path) -> Recommendation:
    attachment = raw.get("attachment")
    path = str(folder / str(attachment)) if attachment else None
    found = _inside(root, path)
    return Recommendation(
        organisation=raw.get("organisation"),
        title=raw.get("title"),
        reference=str(raw.get("reference") or ""),
        date=str(raw.get("date") or ""),
        attachment=path,
        attachment_found=found,
        pages=pdf_pages(root / path) if found and path else None,
    )


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def assessment(entry: Entry | None, root: Path) -> Assessment:
    """Sections I and V and the commentary, as the MFA wrote them (or nothing)."""
    data: Mapping[str, Any] = entry.row if entry else {}
    folder = PurePosixPath(entry.path).parent if entry else PurePosixPath()
    recommendations = tuple(
        _recommendation(r, folder, root)
        for r in data.get("recommendations") or ()
        if isinstance(r, Mapping)
    )
    return Assessment(
        entry=entry,
        text=data.get("assessment"),
        by_partner=tuple(data.get("by_partner") or ()),
        by_area=tuple(data.get("by_area") or ()),
        commentary=data.get("commentary") or {},
        recommendations=recommendations,
        recommendations_given=isinstance(data.get("recommendations"), list | tuple),
        outgoing=_mapping(data.get("outgoing")),
        signatory=_mapping(data.get("signatory")),
    )
