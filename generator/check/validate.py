"""Run every check on a set of files and collect the results as values.

A whole repository is checked on every core (:mod:`generator.check.workers`), and each
file's parsed document is kept only when the caller asks for it (``documents=True``: the
report and the site read the submissions; ``treaty validate`` and the pull-request check
need only the problems), so memory stays that of the results.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from generator.check.characters import character_findings, visible
from generator.check.copied import check_copied
from generator.check.findings import Finding
from generator.check.meaning import check_registry, check_submission
from generator.check.project import Project
from generator.check.references import attached, check_references
from generator.check.scan import scan
from generator.check.workers import MAX_PROCESSES, available_cpus, map_chunks
from generator.codes import CODES
from generator.forms import FormSet
from generator.load.files import (
    SourceFile,
    discover,
    is_attachment_candidate,
    problem,
    read_text,
)
from generator.load.positions import compose, json_path, locate
from generator.load.yamlsafe import YamlProblem, load_yaml
from generator.model import Form, Submission
from generator.paths import FilePlace, PathError, place_of
from generator.problems import Problem, Severity

# Whole-repository runs of at least this many files use every core, in chunks of files.
PARALLEL_FROM = 400
CHUNK = 128


class DocumentsNotKept(RuntimeError):
    """A submission was asked of a result validated without ``documents=True``."""


_ENTRY = re.compile(r"^\$\.(?P<table>[A-Za-z0-9_]+)\[(?P<index>\d+)\]")
#: Errors that say a row is missing, not that one is wrong: the rows there still stand.
OMISSIONS = frozenset({"TR318", "TR319"})


def entry_of(problem: Problem, form: Form) -> tuple[str, int] | None:
    """The entry (table key, row index) a problem lies in, or None (the file as a whole)."""
    match = _ENTRY.match(problem.path)
    if match is None or match["table"] not in form.entries:
        return None
    return match["table"], int(match["index"])


@dataclass(frozen=True)
class FileResult:
    rel: str
    place: FilePlace | None
    data: Any  # the parsed document; None when not kept (``validate(documents=False)``)
    entries: int
    problems: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        return not any(p.is_error for p in self.problems)

    def submission(self) -> Submission | None:
        place = self.place
        if not self.valid or place is None or place.is_registry or place.period is None:
            return None
        if self.data is None:  # a valid file always has its document, unless it was dropped
            raise DocumentsNotKept(f"{self.rel}: validated without documents=True")
        return self._as_submission(place, place.period, frozenset())

    def _as_submission(
        self, place: FilePlace, period: int, skipped: frozenset[tuple[str, int]]
    ) -> Submission:
        return Submission(
            path=self.rel,
            kind=place.kind,
            period=period,
            body=place.body or "",
            data=self.data,
            event_date=place.event_date,
            slug=place.slug,
            skipped=skipped,
        )

    def entry_errors(self, form: Form) -> Mapping[tuple[str, int], tuple[Problem, ...]] | None:
        """The errors of each entry that has any, when every error of the file lies inside
        an entry (or says a treaty is missing); None when one concerns the file as a whole
        (its header, a table, a value outside the tables), or the file did not parse."""
        if not isinstance(self.data, dict) or self.place is None or not form.entries:
            return None
        found: dict[tuple[str, int], list[Problem]] = {}
        for found_problem in self.problems:
            if not found_problem.is_error or found_problem.code in OMISSIONS:
                continue
            entry = entry_of(found_problem, form)
            if entry is None:
                return None
            found.setdefault(entry, []).append(found_problem)
        return {entry: tuple(problems) for entry, problems in found.items()}

    def partial(self, form: Form) -> Submission | None:
        """The submission without the entries that have errors (see :meth:`entry_errors`);
        None when the file as a whole is wrong."""
        place = self.place
        errors = self.entry_errors(form)
        if errors is None or place is None or place.is_registry or place.period is None:
            return None
        return self._as_submission(place, place.period, frozenset(errors))


@dataclass(frozen=True)
class ValidationResult:
    files: tuple[FileResult, ...]
    problems: tuple[Problem, ...]

    @property
    def files_checked(self) -> int:
        return len(self.files)

    @property
    def entries_checked(self) -> int:
        return sum(f.entries for f in self.files)

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.WARNING)

    def submissions(self) -> list[Submission]:
        return [s for f in self.files if (s := f.submission()) is not None]

    def invalid(self) -> list[FileResult]:
        return [f for f in self.files if not f.valid]

    def shown(self, forms: FormSet) -> list[Submission]:
        """The submissions as the report and the site show them: each valid file whole,
        and each file whose every error lies inside entries without those entries."""
        found = []
        for f in self.files:
            form = forms.get(f.place.kind) if f.place is not None else None
            made = f.submission() if f.valid else (f.partial(form) if form else None)
            if made is not None:
                found.append(made)
        return found

    def with_problems(self, extra: Iterable[Problem]) -> ValidationResult:
        """This result with ``extra`` problems added, to the whole and to each file's own."""
        added = tuple(extra)
        if not added:
            return self
        files = tuple(
            replace(f, problems=_sorted((*f.problems, *(p for p in added if p.file == f.rel))))
            for f in self.files
        )
        return ValidationResult(files, _sorted((*self.problems, *added)))


def _sorted(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(sorted(problems, key=Problem.sort_key))


_ONE_PER_NAME = frozenset({"TR201", "TR204", "TR314", "TR318", "TR319"})


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One problem per node, except missing/unknown fields and missing treaties, which each
    name a field or a treaty."""
    kept: list[Finding] = []
    seen: set[tuple[Any, ...]] = set()
    for finding in findings:
        key: tuple[Any, ...] = (finding.parts,)
        if finding.code in _ONE_PER_NAME:
            named = finding.args.get("field", finding.args.get("value"))
            key = (finding.parts, finding.code, named)
        if key not in seen:
            seen.add(key)
            kept.append(finding)
    return kept


def _placed(rel: str, text: str, findings: list[Finding], rule: str = "") -> list[Problem]:
    """Give each finding its line and column, and the Rules point it rests on."""
    if not findings:
        return []
    root = compose(text)
    problems = []
    for f in _dedupe(findings):
        line, column = locate(root, f.parts, key=f.at_key)
        code = CODES[f.code]
        path = visible(json_path(f.parts))
        cited = code.rule or rule
        args = {k: visible(v) for k, v in f.args.items()}
        problems.append(Problem(rel, line, column, path, f.code, code.severity, args, rule=cited))
    return problems


def _count_entries(project: Project, place: FilePlace, data: Any) -> int:
    """Rows of the form's tables (a file without tables is one entry); registry items
    (the items of a registry's top-level lists)."""
    if not isinstance(data, dict):
        return 0
    if place.is_registry:
        return sum(len(v) for v in data.values() if isinstance(v, list))
    form = project.forms.get(place.kind)
    if form is None:
        return 0
    if not form.entries:
        return 1
    return sum(len(v) for k in form.entries if isinstance(v := data.get(k), list))


def _findings(
    project: Project, rel: str, place: FilePlace, data: dict[str, Any], text: str
) -> list[Finding]:
    characters = character_findings(data, text)
    schema = f"{place.kind}.schema.json"
    if place.is_registry:
        found = project.checker.check(schema, data)
        return characters + found + check_registry(place.kind, data, project.registry)
    form = project.forms.get(place.kind)
    if form is None:
        return characters
    found = project.checker.check(form.schema_file, data)
    scanned = scan(data)
    return [
        *characters,
        *found,
        *check_submission(place, data, form, project.registry, scanned),
        *check_references(project.root, rel, place, data, scanned),
        *check_copied(project.root, rel, place, data, len(text.encode("utf-8"))),
    ]


def check_text(project: Project, rel: str, text: str, documents: bool = True) -> FileResult:
    """Check one file's text as if it lived at ``rel`` (``documents``: keep what it parsed)."""
    place = place_of(rel, project.forms, set(project.forms.schemas))
    try:
        registry_file = isinstance(place, FilePlace) and place.is_registry
        data = project.parsed.load(rel, text) if registry_file else load_yaml(text)
    except YamlProblem as yp:
        args = {k: visible(v) for k, v in yp.args_.items()}
        only = (Problem(rel, yp.line, yp.column, "$", yp.code, CODES[yp.code].severity, args),)
        return FileResult(rel, None, None, 0, only)
    if isinstance(place, PathError):
        return FileResult(rel, None, data, 0, (problem(rel, "TR006", detail=place.detail),))
    if not isinstance(data, dict):
        line, column = locate(compose(text), ())
        return FileResult(rel, place, data, 0, (problem(rel, "TR108", line, column),))
    form = project.forms.get(place.kind)
    rule = form.rule if form is not None else ""
    problems = _placed(rel, text, _findings(project, rel, place, data, text), rule)
    entries = _count_entries(project, place, data)
    kept = data if documents else None
    return FileResult(rel, place, kept, entries, tuple(sorted(problems, key=Problem.sort_key)))


def check_source(project: Project, source: SourceFile, documents: bool = True) -> FileResult:
    text = read_text(source)
    if isinstance(text, Problem):
        return FileResult(source.rel, None, None, 0, (text,))
    return check_text(project, source.rel, text, documents)


def _check_sources(
    project: Project, documents: bool, sources: Sequence[SourceFile]
) -> list[FileResult]:
    return [check_source(project, s, documents) for s in sources]


def _compile_schemas(project: Project, sources: Sequence[SourceFile]) -> None:
    """Compile the schemas the files need once, before the work is shared out (forked
    workers inherit them instead of each compiling its own)."""
    schemas = set(project.forms.schemas)
    for source in sources:
        place = place_of(source.rel, project.forms, schemas)
        if not isinstance(place, FilePlace):
            continue
        form = project.forms.get(place.kind)
        name = form.schema_file if form is not None else f"{place.kind}.schema.json"
        if project.checker.has(name):
            project.checker.compile(name)


def _processes(files: int, processes: int | None) -> int:
    if processes is not None:
        return max(1, processes)
    return min(available_cpus(), MAX_PROCESSES) if files >= PARALLEL_FROM else 1


def validate(
    project: Project,
    paths: Sequence[str] = (),
    *,
    documents: bool = False,
    processes: int | None = None,
) -> ValidationResult:
    """Check the named files (or the whole repository).

    ``documents``: keep each file's parsed document (for :meth:`ValidationResult.submissions`);
    without it only the problems and counts are kept. ``processes``: how many processes
    share the work (default: every CPU, up to :data:`MAX_PROCESSES`, for
    :data:`PARALLEL_FROM` files or more; else one). The result is the same either way.
    """
    sources, refused = discover(project.root, paths)
    loose = [p.file for p in refused if is_attachment_candidate(p)]
    if loose:  # a document is fine where a report attaches it
        kept = attached(project.root, loose)
        refused = [p for p in refused if not (is_attachment_candidate(p) and p.file in kept)]
    workers = _processes(len(sources), processes)
    if workers > 1:
        _compile_schemas(project, sources)
    work = partial(_check_sources, project, documents)
    files = map_chunks(work, sources, workers, CHUNK)
    files.extend(FileResult(p.file, None, None, 0, (p,)) for p in refused)
    problems = sorted((p for f in files for p in f.problems), key=Problem.sort_key)
    return ValidationResult(tuple(files), tuple(problems))
