"""Forms reference: each form's fields, types, labels and an example, from the schemas.

What a field means is told in the page's language: from the form's ``descriptions:``
(by path, then by name), then from ``schemas/forms/common/descriptions.yaml`` (the fields
every form has, then the field's shared type). Only where no translation exists is the
schema's English description shown, marked as English.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ConfigurationError
from generator.forms import FORMS_DIR, FormSet
from generator.load.yamlsafe import load_config_yaml
from generator.model import Form, Text
from generator.site.edition import PUBLIC, redact, visible_forms
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


def _example(form: Form, forms: FormSet, edition: str) -> str:
    schema = forms.schemas.get(form.schema_file) or {}
    examples = schema.get("examples") or []
    if not examples:
        return ""
    example = examples[0]
    if edition == PUBLIC:
        example = redact(example, form.internal_fields)
    return yaml.safe_dump(example, allow_unicode=True, sort_keys=False, width=100)


def form_page(
    form: Form, forms: FormSet, shared: SharedDescriptions, edition: str, texts: SiteTexts
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
    )


def pages(session: BuildSession, texts: SiteTexts) -> SitePages:
    data = session.data
    forms = data.project.forms
    shown = visible_forms(forms, data.edition)
    shared = load_shared(data.project.root)
    found = {
        "forms/index.md": render_page(
            "forms.md.j2", "forms/index.md", texts("forms.title"), texts, forms=shown
        )
    }
    for form in shown:
        found[f"forms/{form.kind}.md"] = form_page(form, forms, shared, data.edition, texts)
    return SitePages(found)
