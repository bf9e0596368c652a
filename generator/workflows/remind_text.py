"""The words of a reminder issue, in kk and ru (and en on request), from the catalogues."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.check.project import Project
from generator.law.cite import citer
from generator.model import Cadence
from generator.workflows.messages import messages
from generator.workflows.remind import OverdueDuty, ReminderText
from generator.workflows.render import render


@dataclass(frozen=True)
class ReminderSection:
    lang_name: str
    alert: str
    lines: tuple[str, ...]


def place(project: Project, duty: OverdueDuty) -> str:
    """Where the report goes: its file, or the folder for per-event reports."""
    row = duty.row
    if row.files:
        return row.files[0]
    form = project.forms.get(row.kind)
    base = f"submissions/{row.period}/{row.body}/"
    if form is not None and form.cadence is Cadence.EVENT and form.folder:
        return f"{base}{form.folder}/"
    return f"{base}{row.kind}.yaml"


def _section(project: Project, duty: OverdueDuty, lang: str, as_of_days: int) -> ReminderSection:
    m = messages(lang)
    row = duty.row
    form = project.forms.get(row.kind)
    form_title = form.title.get(lang) if form else row.kind
    due = row.due.isoformat() if row.due else ""
    alert = m(f"reminder_{duty.stage}", due=due, days=as_of_days)
    citation = citer(lang)(row.rule)  # the point, with its status (a draft point says so)
    lines = [m("reminder_what", form_title=form_title, period=row.period, citation=citation)]
    if row.event:
        lines.append(m("reminder_event", event=row.event))
    lines.append(m("reminder_where", folder=place(project, duty)))
    lines.append(m("reminder_how"))
    return ReminderSection(m("lang_name"), alert, tuple(lines))


def title(project: Project, duty: OverdueDuty, langs: Sequence[str]) -> str:
    row = duty.row
    form = project.forms.get(row.kind)
    names = []
    for lang in langs:
        form_title = form.title.get(lang) if form else row.kind
        body_name = project.registry.body_name(row.body, lang)
        names.append(messages(lang)("reminder_title", body_name=body_name,
                                    form_title=form_title, period=row.period))  # fmt: skip
    return " / ".join(dict.fromkeys(names))


def reminder_text(
    project: Project,
    duty: OverdueDuty,
    assignees: tuple[str, ...],
    langs: Sequence[str] = ("kk", "ru"),
) -> ReminderText:
    body = project.registry.bodies.get(duty.row.body)
    mentions = body.maintainers if body else ()
    days = duty.row.days_late or 0
    sections = [_section(project, duty, lang, days) for lang in langs]
    text = render("reminder.md.j2", marker=duty.marker, sections=sections, mentions=mentions)
    return ReminderText(title(project, duty, langs), text, assignees)


def close_note(duty: OverdueDuty, langs: Sequence[str] = ("kk", "ru")) -> str:
    submitted = duty.row.submitted.isoformat() if duty.row.submitted else ""
    notes = [messages(lang)("reminder_closed", submitted=submitted) for lang in langs]
    return render("closed.md.j2", notes=notes)
