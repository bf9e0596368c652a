"""Forms reference: each form's fields, types, labels and an example, from the schemas.

What a field means is told in the page's language: from the form's ``descriptions:``
(by path, then by name), then from ``schemas/forms/common/descriptions.yaml`` (the fields
every form has, then the field's shared type). Only where no translation exists is the
schema's English description shown, marked as English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.check.project import Project
from generator.deadlines.duties import Duty, DutyBook, load_duties
from generator.drafts.blank import blank_data, form_schema
from generator.errors import ConfigurationError
from generator.forms import FORMS_DIR, FormSet
from generator.law.cite import cite_point
from generator.law.messages import load_catalogue
from generator.load.yamlsafe import load_config_yaml
from generator.model import Cadence, Form, Text, Visibility
from generator.registry import Registry
from generator.site.edition import PUBLIC, redact
from generator.site.fields import FieldDoc, field_docs
from generator.site.pages.common import SitePages
from generator.site.render import render_page
from generator.site.session import BuildSession
from generator.site.texts import SiteTexts

SHARED_FILE = f"{FORMS_DIR}/common/descriptions.yaml"
ENGLISH = "en"
LIST_OF = "list of "


@dataclass(frozen=True)
class SharedDescriptions:
    """Descriptions every form shares: of shared types (``$defs``) and of common fields."""

    types: Mapping[str, Text]
    fields: Mapping[str, Text]


@dataclass(frozen=True)
class Localized:
    text: str
    english: bool  # the schema's English description stands in for a missing translation


@dataclass(frozen=True)
class FieldRow:
    path: str
    label: str
    type: str
    required: bool
    description: Localized
    values: tuple[tuple[str, str], ...]  # (code, label in the page's language)
    internal: bool


def _texts(raw: object) -> dict[str, Text]:
    if not isinstance(raw, Mapping):
        return {}
    return {str(k): Text.from_data(v) for k, v in raw.items() if isinstance(v, Mapping)}


def load_shared(root: Path) -> SharedDescriptions:
    """``schemas/forms/common/descriptions.yaml`` (empty when the repository has none)."""
    path = root / SHARED_FILE
    if not path.is_file():
        return SharedDescriptions({}, {})
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigurationError(f"cannot read {SHARED_FILE}: {error}") from None
    data = load_config_yaml(text, SHARED_FILE)
    if not isinstance(data, Mapping):
        raise ConfigurationError(f"{SHARED_FILE}: expected a mapping with descriptions:")
    return SharedDescriptions(_texts(data.get("descriptions")), _texts(data.get("fields")))


def _type_description(schemas: Mapping[str, Mapping[str, Any]], name: str) -> str:
    for schema in schemas.values():
        node = (schema.get("$defs") or {}).get(name)
        if isinstance(node, Mapping):
            return str(node.get("description") or "")
    return ""


def field_description(
    form: Form, field: FieldDoc, forms: FormSet, shared: SharedDescriptions
) -> Text | None:
    """What ``field`` means, in up to three languages, or None when nothing translates it."""
    own = _texts(form.extra.get("descriptions"))
    for key in (field.path, field.name):
        if key in own:
            return own[key]
    if field.name in shared.fields:
        return shared.fields[field.name]
    described_by_type = field.description == _type_description(forms.schemas, field.type)
    if field.type in shared.types and described_by_type:
        return shared.types[field.type]
    return None


def localize(text: Text | None, english: str, lang: str) -> Localized:
    """``text`` in ``lang``; else the schema's ``english`` description, marked as such."""
    if text is not None and text.has(lang):
        return Localized(text.get(lang), False)
    return Localized(english, bool(english) and lang != ENGLISH)


def _value_label(form: Form, forms: FormSet, name: str, code: str, lang: str) -> str:
    own = (form.extra.get("values") or {}).get(name) or {}
    if code in own:
        return Text.from_data(own[code]).get(lang)
    return forms.value_label(name, code, lang)


def _row(
    form: Form, field: FieldDoc, forms: FormSet, shared: SharedDescriptions, lang: str
) -> FieldRow:
    label = form.label(field.name, lang)
    return FieldRow(
        path=field.path,
        label="" if label == field.name else label,
        type=field.type,
        required=field.required,
        description=localize(
            field_description(form, field, forms, shared), field.description, lang
        ),
        values=tuple((v, _value_label(form, forms, field.name, v, lang)) for v in field.values),
        internal=field.internal,
    )


def _types(
    fields: Sequence[FieldDoc], forms: FormSet, shared: SharedDescriptions, lang: str
) -> list[tuple[str, Localized]]:
    """The shared types the fields use, in order of first use, with what each means."""
    names = dict.fromkeys(f.type.removeprefix(LIST_OF) for f in fields)
    return [
        (name, localize(shared.types.get(name), _type_description(forms.schemas, name), lang))
        for name in names
        if name in shared.types
    ]


@dataclass(frozen=True)
class Example:
    """The example file of a form page, which the reader's browser makes their own: the
    body and period lines (and the dates of the example's year) follow the reader's choice."""

    text: str  # from the first line after the schema line
    schema_line: str
    body: str
    period: int
    blank: bool  # the blanks of a new file, not filled-in values (an internal form, public)


def example_data(form: Form, forms: FormSet, edition: str) -> tuple[dict[str, Any], bool]:
    """The form's example: the schema's first ``examples`` document (internal fields left
    out of the public edition). An internal form's example values stay out of the public
    edition: it shows the blanks ``treaty new`` gives instead."""
    schema = forms.schemas.get(form.schema_file) or {}
    examples = schema.get("examples") or []
    example = dict(examples[0]) if examples else {}
    if edition == PUBLIC and (form.visibility is Visibility.INTERNAL or not example):
        body, period = str(example.get("body", "")), int(example.get("period", 2025))
        day = None
        if form.date_field and isinstance(example.get(form.date_field), str):
            day = dt.date.fromisoformat(example[form.date_field])
        return blank_data(form_schema(forms, form), form, body, period, [], day), True
    if edition == PUBLIC:
        example = redact(example, form.internal_fields)
    return example, False


def _example(form: Form, forms: FormSet, edition: str) -> Example | None:
    data, blank = example_data(form, forms, edition)
    if not data:
        return None
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    up = "../../../../" if form.cadence is Cadence.EVENT else "../../../"
    line = f"# yaml-language-server: $schema={up}schemas/{form.schema_file}"
    return Example(text, line, str(data.get("body", "")), int(data.get("period", 0)), blank)


@dataclass(frozen=True)
class DutyRow:
    """One duty that a form meets: the point, who owes it, and when (in words)."""

    rule: str
    who: str
    when: str


def _field_label(form: Form, forms: FormSet, name: str, lang: str) -> str:
    own = form.labels.get(name)
    return own.get(lang) if own else forms.label(name, lang)


def _due_words(duty: Duty, form: Form, forms: FormSet, texts: SiteTexts) -> str:
    due = duty.due
    lang = texts.lang
    if due.fixed is not None:
        month, day, year = due.fixed
        words = texts(f"forms.due_{year}", day=day, month=texts(f"month.{month}"))
        half = duty.match.get("half")
        return f"{words} ({texts('forms.half', half=half)})" if half else words
    if due.working_days is not None:
        after = _field_label(form, forms, due.after or "", lang)
        key = "forms.due_request" if due.on_request else "forms.due_working_days"
        return texts(key, days=due.working_days, after=after)
    if due.before:
        return texts("forms.due_before", field=_field_label(form, forms, due.before, lang))
    return texts("forms.due_none")


def _who(duty: Duty, book: DutyBook, registry: Registry, texts: SiteTexts) -> str:
    """Who owes the duty: the categories and bodies ``owed_by`` names, less those an
    exemption of point 50 lifts (said so, with its point)."""
    lifted = [e for e in book.exemptions if e.categories and e.field is None and e.covers(duty)]
    gone = {c for e in lifted for c in e.categories}
    names = [texts(f"category.{c}") for c in duty.categories if c not in gone]
    names += [registry.bodies[c].name.get(texts.lang) for c in duty.codes if c in registry.bodies]
    who = ", ".join(names)
    for e in lifted:
        away = [texts(f"category.{c}") for c in e.categories if c in duty.categories]
        if away:
            point = cite_point(e.citation, load_catalogue(texts.lang)).label
            who += "; " + texts("forms.except", who=", ".join(away), point=point)
    return who


def duty_rows(project: Project, form: Form, forms: FormSet, texts: SiteTexts) -> list[DutyRow]:
    """The duties of ``registry/duties.yaml`` that ``form`` meets, in words."""
    book = load_duties(project)
    return [
        DutyRow(d.rule, _who(d, book, project.registry, texts), _due_words(d, form, forms, texts))
        for d in book.duties
        if form.kind in d.kinds
    ]


def form_page(
    form: Form,
    forms: FormSet,
    shared: SharedDescriptions,
    edition: str,
    texts: SiteTexts,
    *,
    duties: Sequence[DutyRow] = (),
    bodies: Sequence[tuple[str, str]] = (),
    period_rule: str = "last",
    repo_url: str = "",
) -> str:
    """The Markdown page ``forms/<kind>.md`` in the language of ``texts``."""
    lang = texts.lang
    schema = forms.schemas.get(form.schema_file) or {}
    fields = [f for f in field_docs(schema, forms.schemas) if edition != PUBLIC or not f.internal]
    return render_page(
        "form.md.j2",
        f"forms/{form.kind}.md",
        form.title.get(lang),
        texts,
        form=form,
        fields=[_row(form, f, forms, shared, lang) for f in fields],
        types=_types(fields, forms, shared, lang),
        example=_example(form, forms, edition),
        cadence=texts(f"cadence.{form.cadence.value}"),
        visibility=texts(f"visibility.{form.visibility.value}"),
        duties=duties,
        bodies=bodies,
        period_rule=period_rule,
        new_form=f"forms/{form.kind}/new.md",
        cli_doc=f"{repo_url.rstrip('/')}/blob/main/docs/cli.md" if repo_url else "",
    )


def period_rule(duties: Sequence[Duty], form: Form) -> str:
    """How the reader's browser picks the period from today's date: ``last`` (the year just
    ended, for reports due in the next year) or ``current`` (due in the year itself, and
    per-event files)."""
    for duty in duties:
        if form.kind in duty.kinds and duty.due.fixed is not None:
            return "last" if duty.due.fixed[2] == "next" else "current"
    return "current"


def pages(session: BuildSession, texts: SiteTexts) -> SitePages:
    """The forms reference: every form, in both editions (a form's layout is public; only
    the submissions of an internal form, and internal fields, stay out of the public one)."""
    data = session.data
    project = data.project
    forms = project.forms
    shown = list(forms)
    shared = load_shared(project.root)
    book = load_duties(project)
    rows = {form.kind: duty_rows(project, form, forms, texts) for form in shown}
    found = {
        "forms/index.md": render_page(
            "forms.md.j2", "forms/index.md", texts("forms.title"), texts, forms=shown, duties=rows
        )
    }
    for form in shown:
        bodies = [(b.code, b.name.get(texts.lang)) for b in project.registry.bodies.values()
                  if form.allows(b)]  # fmt: skip
        found[f"forms/{form.kind}.md"] = form_page(
            form, forms, shared, data.edition, texts, duties=rows[form.kind], bodies=bodies,
            period_rule=period_rule(book.duties, form), repo_url=session.options.repo_url,
        )  # fmt: skip
    return SitePages(found)
