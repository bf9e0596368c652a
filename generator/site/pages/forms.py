"""Forms reference: each form's fields, types, labels and an example, from the schemas."""

from __future__ import annotations

import yaml

from generator.model import Form
from generator.site.data import SiteData
from generator.site.edition import PUBLIC, redact, visible_forms
from generator.site.fields import field_docs
from generator.site.render import render_page
from generator.site.texts import SiteTexts


def _example(form: Form, data: SiteData) -> str:
    schema = data.project.forms.schemas.get(form.schema_file) or {}
    examples = schema.get("examples") or []
    if not examples:
        return ""
    example = examples[0]
    if data.edition == PUBLIC:
        example = redact(example, form.internal_fields)
    return yaml.safe_dump(example, allow_unicode=True, sort_keys=False, width=100)


def _form_page(form: Form, data: SiteData, texts: SiteTexts) -> str:
    lang = texts.lang
    schema = data.project.forms.schemas.get(form.schema_file) or {}
    fields = [
        f
        for f in field_docs(schema, data.project.forms.schemas)
        if data.edition != PUBLIC or not f.internal
    ]
    return render_page(
        "form.md.j2",
        f"forms/{form.kind}.md",
        form.title.get(lang),
        texts,
        form=form,
        fields=fields,
        labels={f.name: form.label(f.name, lang) for f in fields},
        example=_example(form, data),
        cadence=texts(f"cadence.{form.cadence.value}"),
        visibility=texts(f"visibility.{form.visibility.value}"),
    )


def pages(data: SiteData, texts: SiteTexts) -> dict[str, str]:
    forms = visible_forms(data.project.forms, data.edition)
    found = {
        "forms/index.md": render_page(
            "forms.md.j2", "forms/index.md", texts("forms.title"), texts, forms=forms
        )
    }
    for form in forms:
        found[f"forms/{form.kind}.md"] = _form_page(form, data, texts)
    return found
