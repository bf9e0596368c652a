"""What the PR comment and the job summary show, per language: plain values for templates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.check.project import Project
from generator.codes import CODES
from generator.deadlines.render import AREA as DEADLINES
from generator.deadlines.render import reading_notes
from generator.deadlines.status import StatusRow
from generator.i18n import area_catalogue, catalogue
from generator.law.cite import cite_point, citer
from generator.law.messages import load_catalogue
from generator.problems import Problem
from generator.workflows.check import CheckOutcome, kind_of
from generator.workflows.messages import Messages, messages


@dataclass(frozen=True)
class ProblemRow:
    file: str
    line: int
    column: int
    severity: str
    code: str
    message: str
    hint: str
    form_title: str
    form_url: str
    rule: str
    rule_url: str


@dataclass(frozen=True)
class FileRow:
    file: str
    problems: tuple[str, ...]
    timeliness: str
    late: bool


@dataclass(frozen=True)
class CommentSection:
    lang: str
    text: Messages
    summary: str
    errors: int
    problems: tuple[ProblemRow, ...]
    files: tuple[FileRow, ...]
    late: tuple[tuple[str, str], ...]
    received: str


def rule_link(rule: str, text: Messages, site: str) -> tuple[str, str]:
    """The citation of a point of the Rules and its page on the site (same as the site's)."""
    if not rule:
        return "", ""
    try:
        citation = cite_point(rule, load_catalogue(text.lang))
    except ValueError:
        return text("rule_link", point=rule), ""
    url = text("rule_url", site=site, path=citation.url) if site else ""
    return citation.label, url


def _problem_row(project: Project, problem: Problem, text: Messages, site: str) -> ProblemRow:
    local = catalogue(text.lang).localize(problem, project.forms, citer(text.lang))
    kind = kind_of(project, problem.file)
    form = project.forms.get(kind) if kind else None
    rule = CODES[problem.code].rule or (form.rule if form else "")
    rule_label, rule_url = rule_link(rule, text, site)
    return ProblemRow(
        file=problem.file,
        line=problem.line,
        column=problem.column,
        severity=text(problem.severity.value),
        code=problem.code,
        message=local.message,
        hint=local.hint,
        form_title=form.title.get(text.lang) if form else "",
        form_url=text("form_url", site=site, kind=kind) if form and site else "",
        rule=rule_label,
        rule_url=rule_url,
    )


def timeliness_text(item: StatusRow | None, text: Messages) -> str:
    if item is None:
        return text("state_none")
    due = item.due.isoformat() if item.due else ""
    if item.due is None and item.state != "exempt":
        return text("state_none")
    citation = citer(text.lang)(item.exempt_by or "50") if item.state == "exempt" else ""
    said = text(f"state_{item.state}", due=due, days=item.days_late or 0, citation=citation)
    notes = reading_notes(item, area_catalogue(DEADLINES, text.lang))
    return "; ".join([said, *notes])


def _file_row(outcome: CheckOutcome, path: str, text: Messages) -> FileRow:
    found = outcome.problems_of(path)
    counts = [f"{p.code} {text(p.severity.value)} ({p.line}:{p.column})" for p in found]
    item = outcome.rows.get(path)
    late = any(p.code == "TR401" for p in found)
    return FileRow(path, tuple(counts), timeliness_text(item, text), late)


def _late_row(late: Problem, text: Messages) -> tuple[str, str]:
    args = late.args
    return late.file, text(
        "late_row", due=args["due"], received=args["submitted"], days=args["days"]
    )


def section(project: Project, outcome: CheckOutcome, lang: str, site: str) -> CommentSection:
    text = messages(lang)
    result = outcome.result
    files = sorted({*outcome.checked(), *(p.file for p in result.problems)})
    return CommentSection(
        lang=lang,
        text=text,
        summary=text("summary", files=len(files), errors=result.errors, warnings=result.warnings),
        errors=result.errors,
        problems=tuple(_problem_row(project, p, text, site) for p in result.problems),
        files=tuple(_file_row(outcome, f, text) for f in files),
        late=tuple(_late_row(t, text) for t in outcome.late()),
        received=text("received_note", received=outcome.received.isoformat()),
    )


def sections(
    project: Project, outcome: CheckOutcome, langs: Sequence[str], site: str
) -> list[CommentSection]:
    return [section(project, outcome, lang, site) for lang in langs]
