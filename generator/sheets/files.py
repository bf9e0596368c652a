"""The three spreadsheet routes: a template for a new file, an export of a file, an import.

Import writes the YAML the cells say and checks it as ``treaty validate`` would; every
problem is then moved from its line to the cell it came from (``F.xlsx:Annex 1!C7``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from openpyxl.utils import column_index_from_string

from generator.check.project import Project
from generator.check.validate import FileResult, ValidationResult, check_text
from generator.codes import CODES
from generator.drafts import Target, make_draft, schema_line, yaml_text
from generator.drafts.blank import fits
from generator.drafts.target import refuse
from generator.load.positions import json_path
from generator.load.yamlsafe import YamlProblem, load_yaml
from generator.model import Cadence, Form, Text
from generator.paths import FilePlace, place_of
from generator.problems import Problem
from generator.sheets.book import BookSpec, workbook
from generator.sheets.grid import from_grid, lost, to_grid
from generator.sheets.layout import Layout, layout_of
from generator.sheets.locate import cell_of
from generator.sheets.read import SheetRead, Stray, read_book

BODY_CODE = re.compile(r"^[a-z][a-z0-9-]{1,40}$")
_CELL = re.compile(r"^(?P<sheet>.*)!(?P<column>[A-Z]+)(?P<row>[0-9]+)$")


def _treaties(
    project: Project, form: Form, body: str, period: int, lang: str
) -> list[tuple[str, str]]:
    """The dropdown's treaties: those the table may name in the period, the body's first."""
    fitting = [t for t in project.registry.treaties.values() if fits(t, form.treaty_status, period)]
    own = [t for t in fitting if body in t.bodies]
    others = [t for t in fitting if body not in t.bodies]
    return [(t.id, t.title.get(lang)) for t in own + others]


def _spec(
    project: Project, layout: Layout, rel: str, body: str, period: int, lang: str, name: str
) -> BookSpec:
    known = project.registry.bodies.get(body)
    return BookSpec(
        forms=project.forms, layout=layout, rel=rel, title=layout.form.title,
        body=known.name if known else Text(kk=body), period=period, lang=lang, name=name,
        treaties=_treaties(project, layout.form, body, period, lang),
        bodies=sorted(project.registry.bodies),
    )  # fmt: skip


def template(project: Project, target: Target, lang: str, name: str, when: dt.datetime) -> bytes:
    """A workbook for a new file: the same rows as ``treaty new``, cells left to fill."""
    draft = make_draft(project, target, lang)
    layout = layout_of(project.forms, target.form)
    spec = _spec(project, layout, target.rel, target.body.code, target.period, lang, name)
    return workbook(spec, to_grid(layout, draft.data), when)


def _relative(project: Project, path: Path) -> str | None:
    try:
        return path.resolve().relative_to(project.root).as_posix()
    except ValueError:
        return None


def _safe(project: Project, rel: str) -> FilePlace | None:
    """What a path says, if it is a submission's place this program may write to."""
    if not rel or any(part in ("", ".", "..") for part in rel.split("/")):
        return None
    place = place_of(rel, project.forms, set(project.forms.schemas))
    if (
        not isinstance(place, FilePlace)
        or place.is_registry
        or not BODY_CODE.match(place.body or "")
    ):
        return None
    return place


def export(project: Project, path: Path, lang: str, name: str, when: dt.datetime) -> bytes:
    """A workbook holding the file's data, cell for cell; refused when a cell cannot hold it."""
    rel = _relative(project, path) or path.name
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YamlProblem):
        raise refuse(lang, "broken_file", path=rel) from None
    place = _safe(project, rel)
    kind = place.kind if place else (data.get("form") if isinstance(data, dict) else None)
    form = project.forms.get(str(kind)) if kind else None
    if form is None or not isinstance(data, dict):
        raise refuse(lang, "not_a_report", path=rel)
    layout = layout_of(project.forms, form)
    grid = to_grid(layout, data)
    missing = lost(data, from_grid(layout, grid)[0])
    if missing:
        raise refuse(lang, "cannot_hold", path=rel, where=json_path(missing[0]))
    where = rel if place else _derived(form, data) or rel
    body, period = str(data.get("body", "")), data.get("period")
    year = period if isinstance(period, int) else when.year
    return workbook(_spec(project, layout, where, body, year, lang, name), grid, when)


def _derived(form: Form, data: dict[str, Any]) -> str:
    """An annual file's place from its own fields ("" when they do not say it)."""
    period, body = data.get("period"), data.get("body")
    if form.cadence is not Cadence.ANNUAL or not isinstance(period, int):
        return ""
    if not isinstance(body, str) or not BODY_CODE.match(body):
        return ""
    return f"submissions/{period}/{body}/{form.kind}.yaml"


@dataclass(frozen=True)
class Imported:
    """A workbook read back: the file it makes, its text, and the problems at their cells."""

    rel: str  # the place the file is checked at
    text: str
    result: ValidationResult


def _at_cell(problem: Problem, name: str, cell: str) -> Problem:
    match = _CELL.match(cell)
    row = int(match["row"]) if match else 1
    column = column_index_from_string(match["column"]) if match else 1
    return replace(problem, file=name, line=row, column=column, cell=cell)


def _stray(name: str, stray: Stray) -> Problem:
    code = CODES["TR204"]
    found = Problem(name, 1, 1, "$", code.code, code.severity, {"field": stray.label})
    return _at_cell(found, name, stray.cell)


def _place(project: Project, read: SheetRead, data: dict[str, Any], out: str | None) -> str:
    """Where the file is checked: where it is written (inside the repository), else where
    the workbook says it goes, else what its own fields say (annual forms)."""
    for rel in (out or "", read.path, _derived(read.layout.form, data)):
        if _safe(project, rel):
            return rel
    return ""


def import_book(
    project: Project, path: Path, name: str, lang: str, out: Path | None = None
) -> Imported:
    """The file a workbook says, checked; ``name`` is how problems name the workbook."""
    read = read_book(path, project.forms, lang)
    data, index = from_grid(read.layout, read.grid)
    rel = _place(project, read, data, _relative(project, out) if out else None)
    if not rel:
        raise refuse(lang, "no_place", sheet=read.place.general_title)
    titles = {t.id: t.title.get(lang) for t in project.registry.treaties.values()}
    text = yaml_text(data, schema=schema_line(read.layout.form.schema_file, rel), titles=titles)
    checked = check_text(project, rel, text)
    problems = [
        _at_cell(p, name, cell_of(read.layout, read.place, index, p.path, _missing(p)))
        for p in checked.problems
    ]
    problems += [_stray(name, s) for s in read.strays]
    problems.sort(key=lambda p: (_sheet_rank(read, p.cell), p.line, p.column, p.code))
    result = FileResult(name, checked.place, data, checked.entries, tuple(problems))
    return Imported(rel, text, ValidationResult((result,), tuple(problems)))


def _sheet_rank(read: SheetRead, cell: str) -> int:
    title = cell.rsplit("!", 1)[0]
    return read.order.index(title) if title in read.order else len(read.order)


def _missing(problem: Problem) -> str:
    return str(problem.args.get("field", "")) if problem.code == "TR201" else ""
