"""``treaty new``: a new submission at its right path, with blanks where the clerk writes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.check.project import Project
from generator.check.validate import check_text
from generator.drafts.blank import (
    blank_data,
    form_schema,
    optional_fields,
    treaties_for,
    treaty_table,
)
from generator.drafts.emit import schema_line, yaml_text
from generator.drafts.target import Target, refuse
from generator.i18n import area_strings
from generator.problems import Problem


@dataclass(frozen=True)
class Draft:
    """A new file: where it goes, its data, its text, and the treaty titles of its rows."""

    target: Target
    data: dict[str, Any]
    text: str
    titles: dict[str, str]

    @property
    def rel(self) -> str:
        return self.target.rel


def _comments(project: Project, target: Target, lang: str, treaties: int) -> list[str]:
    say = area_strings("clerk", lang)
    form, body = target.form, target.body
    lines = [say("draft.header", title=form.title.get(lang), body=body.name.get(lang),
                 period=target.period), say("draft.blanks")]  # fmt: skip
    if treaty_table(form):
        status = say(f"draft.status_{form.treaty_status}")
        lines.append(say("draft.treaties", status=status, period=target.period))
        if not treaties:
            lines.append(say("draft.no_treaties", period=target.period))
    return lines


def _optional(project: Project, schema: Any, lang: str) -> list[str]:
    names = optional_fields(schema)
    if not names:
        return []
    shown = ", ".join(f"{n} ({project.forms.label(n, lang)})" for n in names)
    return [area_strings("clerk", lang)("draft.optional", fields=shown)]


def make_draft(project: Project, target: Target, lang: str = "kk") -> Draft:
    """The new file for ``target`` (nothing is written)."""
    form = target.form
    schema = form_schema(project.forms, form)
    treaties = treaties_for(project.registry, form, target.body.code, target.period)
    if treaty_table(form) is None:
        treaties = []
    data = blank_data(schema, form, target.body.code, target.period, treaties, target.event_date)
    titles = {t.id: t.title.get(lang) for t in project.registry.treaties.values()}
    text = yaml_text(
        data,
        schema=schema_line(form.schema_file, target.rel),
        titles=titles,
        before=_comments(project, target, lang, len(treaties)),
        after=_optional(project, schema, lang),
    )
    return Draft(target=target, data=data, text=text, titles=titles)


def blanks(project: Project, draft: Draft) -> tuple[Problem, ...]:
    """What ``treaty validate`` says of the draft: the places still to fill."""
    return check_text(project, draft.rel, draft.text).problems


def write_new(root: Path, draft: Draft, lang: str = "kk") -> Path:
    """Write the draft at its path under ``root``; an existing file is never overwritten."""
    path = root / draft.rel
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as out:
            out.write(draft.text)
    except FileExistsError:
        raise refuse(lang, "exists", path=draft.rel) from None
    return path
