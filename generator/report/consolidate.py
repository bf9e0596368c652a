"""Stage "consolidate": the valid submissions of a period become one :class:`Consolidation`.

Pure: the validation result, the timeliness rows and "as of" are arguments. The CLI reads
the clock and calls ``treaty status``'s engine; this module reads nothing but the project.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from generator.check.project import Project
from generator.check.validate import OMISSIONS, FileResult, ValidationResult
from generator.model import Form, Submission, Visibility
from generator.paths import place_of
from generator.report.edition import dropped_fields, report_forms
from generator.report.model import Consolidation, Edition, Entry, Excluded, FormGroup, freeze
from generator.report.sections import (
    assessment,
    by_treaty,
    domestic_procedures,
    problems_and_proposals,
    treaties_in_force,
)
from generator.report.timeliness import StatusRowLike, timeliness
from generator.report.totals import EntryKey, conserve, entry_key, received, totals

ASSESSMENT_KIND = "assessment"
_PERIOD_PATH = re.compile(r"^submissions/(?P<period>\d{4})/(?P<body>[^/]+)/")


def _entries(submission: Submission, form: Form, edition: Edition) -> list[Entry]:
    drop = dropped_fields(form, edition)
    annexes = {t.key: t.annex for t in form.tables}
    found = []
    for table, index, row in submission.entries(form):
        treaty = row.get("treaty") if table else None
        found.append(
            Entry(
                uid=f"{submission.path}#{table}[{index}]" if table else submission.path,
                path=submission.path,
                body=submission.body,
                kind=submission.kind,
                table=table,
                index=index,
                annex=annexes.get(table)
                if table
                else (min(form.annexes) if form.annexes else None),
                treaty=str(treaty) if isinstance(treaty, str) else None,
                row=freeze(row, drop),
            )
        )
    return found


def _excluded_kind(project: Project, rel: str) -> str | None:
    place = place_of(rel, project.forms, set(project.forms.schemas))
    return getattr(place, "kind", None)


def excluded(
    project: Project,
    invalid: Iterable[FileResult],
    period: int,
    kinds: Sequence[str],
    partly: frozenset[str] = frozenset(),
) -> tuple[Excluded, ...]:
    """Invalid files of the period, but those in ``partly`` (whose errors lie inside
    entries: those entries are excluded one by one); a public edition leaves out those of
    internal forms."""
    found = []
    for result in invalid:
        match = _PERIOD_PATH.match(result.rel)
        if not match or int(match["period"]) != period or result.rel in partly:
            continue
        kind = _excluded_kind(project, result.rel)
        form = project.forms.get(kind) if kind else None
        if form is not None and form.kind not in kinds and form.visibility is Visibility.INTERNAL:
            continue
        errors = tuple(p for p in result.problems if p.is_error)
        found.append(
            Excluded(path=result.rel, body=match["body"], problems=errors, kind=kind or "")
        )
    return tuple(sorted(found, key=lambda e: e.path))


def split(
    result: ValidationResult, period: int, by_kind: dict[str, Form]
) -> tuple[list[Submission], list[Excluded]]:
    """The period's submissions of the edition's forms, and the entries left out: a file
    whose every error lies inside entries is kept without those entries (each listed);
    a file wrong as a whole (or that does not parse) is left to :func:`excluded`."""
    kept: list[Submission] = []
    left: list[Excluded] = []
    for file in result.files:
        place = file.place
        form = by_kind.get(place.kind) if place is not None else None
        if place is None or form is None or place.period != period:
            continue
        whole = file.submission()
        if whole is not None:
            kept.append(whole)
            continue
        partial = file.partial(form)
        errors = file.entry_errors(form)
        if partial is None or errors is None:
            continue
        kept.append(partial)
        for (table, index), problems in sorted(errors.items()):
            entry = f"{table}[{index}]"
            left.append(Excluded(file.rel, partial.body, problems, entry, partial.kind))
    return sorted(kept, key=lambda s: s.path), left


def omissions(submissions: Iterable[Submission], result: ValidationResult) -> tuple[Excluded, ...]:
    """The treaties a body's shown report leaves out (TR318/TR319: the register assigns
    them to the body for the period), one row per problem, so the report says so."""
    shown = {s.path: s.body for s in submissions}
    found = [
        Excluded(f.rel, shown[f.rel], (p,), kind=f.place.kind if f.place else "")
        for f in result.files
        if f.rel in shown
        for p in f.problems
        if p.code in OMISSIONS
    ]
    return tuple(sorted(found, key=lambda x: (x.path, x.problems[0].line, x.problems[0].path)))


def _submitted_keys(submissions: Iterable[Submission], by_kind: dict[str, Form]) -> list[EntryKey]:
    """The key of every entry submitted in the files read, the excluded ones too."""
    keys = []
    for submission in submissions:
        form = by_kind[submission.kind]
        every = replace(submission, skipped=frozenset())
        for table, index, _row in every.entries(form):
            keys.append(entry_key(form, submission.period, submission.path, table, index))
    return keys


def _excluded_key(x: Excluded, by_kind: dict[str, Form], period: int) -> EntryKey:
    table, _, index = x.entry.rstrip("]").partition("[")
    return entry_key(by_kind[x.kind], period, x.path, table, int(index))


def _order(entry: str) -> tuple[str, int]:
    table, _, index = entry.rstrip("]").partition("[")
    return table, int(index) if index.isdigit() else -1


def consolidate(
    project: Project,
    result: ValidationResult,
    period: int,
    edition: Edition,
    as_of: dt.date,
    status: Iterable[StatusRowLike] | None = None,
) -> Consolidation:
    """Build the report's content; raises ConservationError if an entry would be lost."""
    forms = report_forms(project.forms, edition)
    kinds = tuple(f.kind for f in forms)
    by_kind = {f.kind: f for f in forms}
    submissions, left = split(result, period, by_kind)
    entries = tuple(e for s in submissions for e in _entries(s, by_kind[s.kind], edition))
    mfa = next((e for e in entries if e.kind == ASSESSMENT_KIND), None)
    annex_entries = [e for e in entries if by_kind[e.kind].visibility is Visibility.PUBLIC]
    treaty_entries = [e for e in annex_entries if e.kind != ASSESSMENT_KIND]
    per_treaty = by_treaty(treaty_entries)
    chapter6 = tuple(
        FormGroup(kind=f.kind, entries=tuple(e for e in entries if e.kind == f.kind))
        for f in forms
        if f.visibility is Visibility.INTERNAL
    )
    assessments = [e for e in entries if e.kind == ASSESSMENT_KIND]
    shown = [*(e for g in per_treaty for e in g.entries), *assessments]
    shown += [e for g in chapter6 for e in g.entries]
    counted = received(submissions, project.forms)
    conserve(
        _submitted_keys(submissions, by_kind),
        [entry_key(by_kind[e.kind], period, e.path, e.table, e.index) for e in shown],
        [_excluded_key(x, by_kind, period) for x in left],
    )
    partly = frozenset(x.path for x in left) | frozenset(s.path for s in submissions)
    whole = excluded(project, result.invalid(), period, kinds, partly)
    return Consolidation(
        period=period,
        edition=edition,
        as_of=as_of,
        forms=kinds,
        entries=entries,
        assessment=assessment(mfa, project.root),
        section2=treaties_in_force(treaty_entries, project.registry),
        section3=domestic_procedures(treaty_entries),
        section4=problems_and_proposals(treaty_entries),
        per_treaty=per_treaty,
        per_body=None if status is None else timeliness(status, period, kinds, counted),
        chapter6=chapter6,
        excluded=tuple(sorted((*whole, *left), key=lambda x: (x.path, _order(x.entry)))),
        omitted=omissions(submissions, result),
        totals=totals(kinds, counted, entries, shown, left),
    )
