"""What a clerk asks for (form, body, period, event date, file name), checked.

Every refusal is a :class:`~generator.errors.UsageError` in the clerk's language.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.check.project import Project
from generator.check.suggest import closest
from generator.errors import UsageError
from generator.i18n import area_strings
from generator.model import Body, Cadence, Form

YEAR = re.compile(r"^[0-9]{4}$")


def refuse(lang: str, key: str, **args: object) -> UsageError:
    """The usage error ``usage.<key>`` of the clerk catalogue, in ``lang``."""
    return UsageError(area_strings("clerk", lang)(f"usage.{key}", **args))


def _suggestion(lang: str, value: str, known: list[str]) -> str:
    hint = closest(value, known)
    if not hint:
        return ""
    return area_strings("clerk", lang)("usage.suggestion", value=hint["suggestion"])


@dataclass(frozen=True)
class Target:
    """A file to make: its form, body and period, and for per-event forms its date and name."""

    form: Form
    body: Body
    period: int
    event_date: dt.date | None = None
    slug: str | None = None

    @property
    def rel(self) -> str:
        """The file's path in the repository (``submissions/<period>/<body>/...``)."""
        folder = f"submissions/{self.period}/{self.body.code}"
        if self.form.cadence is Cadence.ANNUAL or self.event_date is None:
            return f"{folder}/{self.form.kind}.yaml"
        return f"{folder}/{self.form.folder}/{self.event_date.isoformat()}-{self.slug}.yaml"


def _form(project: Project, kind: str, lang: str) -> Form:
    form = project.forms.get(kind)
    if form is None:
        known = sorted(project.forms.forms)
        raise refuse(lang, "unknown_form", value=kind, known=", ".join(known),
                     suggestion=_suggestion(lang, kind, known))  # fmt: skip
    return form


def _body(project: Project, code: str, form: Form, lang: str) -> Body:
    body = project.registry.bodies.get(code)
    if body is None:
        known = sorted(project.registry.bodies)
        raise refuse(lang, "unknown_body", value=code, suggestion=_suggestion(lang, code, known))
    if not form.allows(body):
        who = [b.code for b in project.registry.bodies.values() if form.allows(b)]
        shown = ", ".join(who[:8]) + (f", … ({len(who)})" if len(who) > 8 else "")
        raise refuse(lang, "not_filed_by", body=code, form=form.kind, who=shown)
    return body


def parse_period(value: str, lang: str, today: dt.date) -> int:
    """A reporting year between 2000 and 2100 (the bounds of ``common.schema.json``)."""
    text = value.strip()
    if not YEAR.match(text) or not 2000 <= int(text) <= 2100:
        raise refuse(lang, "bad_period", value=value, example=today.year - 1)
    return int(text)


def _day(value: str, lang: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise refuse(lang, "bad_date", value=value) from None


def _slug_pattern(project: Project) -> re.Pattern[str]:
    common = project.forms.schemas.get("common.schema.json", {})
    pattern = common.get("$defs", {}).get("slug", {}).get("pattern", r"^[a-z0-9]+(-[a-z0-9]+)*$")
    return re.compile(str(pattern))


def _event(
    project: Project, form: Form, period: int, event_date: str | None, slug: str | None, lang: str
) -> tuple[dt.date | None, str | None]:
    if form.cadence is Cadence.ANNUAL:
        if event_date is not None or slug is not None:
            raise refuse(lang, "annual_only", form=form.kind)
        return None, None
    if event_date is None:
        raise refuse(lang, "event_date_needed", form=form.kind)
    if slug is None:
        raise refuse(lang, "slug_needed", form=form.kind)
    day = _day(event_date, lang)
    if day.year != period:
        raise refuse(lang, "outside_period", date=day.isoformat(), period=period)
    if len(slug) > 80 or not _slug_pattern(project).match(slug):
        raise refuse(lang, "bad_slug", value=slug)
    return day, slug


def resolve_target(
    project: Project,
    kind: str,
    body: str,
    period: str,
    *,
    event_date: str | None = None,
    slug: str | None = None,
    lang: str = "kk",
    today: dt.date,
) -> Target:
    """The file a clerk asked for, or a usage error saying in ``lang`` what is wrong."""
    form = _form(project, kind, lang)
    found = _body(project, body, form, lang)
    year = parse_period(period, lang, today)
    day, name = _event(project, form, year, event_date, slug, lang)
    return Target(form=form, body=found, period=year, event_date=day, slug=name)
