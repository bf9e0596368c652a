"""A web form for every form (``forms/<kind>/new/``), generated from its schema and form file.

The page carries, as JSON in a ``<script type="application/json">``, what the browser needs
for the fields:

- ``spec``: the form's fields as a tree (labels, descriptions and value labels in the page's
  language), built here from the JSON Schema with its shared definitions written out;
- ``schemas``: the form's JSON Schema and those it refers to, each with an ``$id``, for
  Ajv (vendored in ``site/docs/assets/vendor/ajv/``) to validate with as the clerk types;
- ``messages``: the CLI's own catalogue entries for the schema problems (TR2xx) and the
  clerk catalogue's file-name refusals, so the browser says what ``treaty validate`` says;
- the bodies that file the form.

The register's treaties (so that choosing a body fills one row per treaty, as ``treaty new``
does, and a treaty field suggests the register's identifiers) grow with the country: they are
written ONCE per language, as ``forms/register.json`` below the language's root
(:func:`register_file`), and every web form fetches them at page load by a relative address
(``register`` in the page's JSON), so the form works offline once loaded. Until they arrive,
or if they cannot, the form says so and works without them (treaties typed by hand).

``assets/webform.js`` builds the fields from ``spec`` with DOM calls (never HTML strings).
A form's layout is not confidential: the pages exist in both editions.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import partial
from typing import Any

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from generator.check.schema import LOCAL_BASE, inline_refs, referenced, with_base_ids
from generator.deadlines.duties import load_duties
from generator.drafts.blank import is_text, treaty_table
from generator.forms import FormSet
from generator.i18n import area_texts, catalogue
from generator.model import Cadence, Form, Text
from generator.site.data import SiteData
from generator.site.fields import FieldDoc, field_docs
from generator.site.pages.common import SitePages
from generator.site.pages.forms import (
    SharedDescriptions,
    example_data,
    field_description,
    load_shared,
    localize,
    period_rule,
)
from generator.site.render import link, render_html
from generator.site.session import BuildSession
from generator.site.shell import DataFile, DataPage
from generator.site.texts import SiteTexts

PROBLEMS = tuple(f"TR2{n:02d}" for n in range(1, 14))
CLERK_KEYS = ("usage.bad_slug", "usage.outside_period", "usage.slug_needed")
LANGS = ("kk", "ru", "en")
REGISTER = "forms/register.json"  # below the language's root: one per language and edition


def new_src(kind: str) -> str:
    """The web form's source path: ``forms/<kind>/new.md`` (URL ``forms/<kind>/new/``)."""
    return f"forms/{kind}/new.md"


def _without_examples(schema: Mapping[str, Any]) -> dict[str, Any]:
    """A schema without its ``examples`` (Ajv does not need them; the page's example is
    the one the edition may show)."""
    return {k: v for k, v in schema.items() if k != "examples"}


def _referenced(schema: Any, schemas: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The schema files ``schema`` refers to, transitively, in a stable order."""
    found: set[str] = set()
    pending = [schema]
    while pending:
        for name in referenced(pending.pop()) & set(schemas) - found:
            found.add(name)
            pending.append(schemas[name])
    return sorted(found)


class _Spec:
    """The field tree of one form in one language."""

    def __init__(self, form: Form, forms: FormSet, shared: SharedDescriptions, lang: str) -> None:
        self.form, self.forms, self.shared, self.lang = form, forms, shared, lang
        schema = forms.schemas[form.schema_file]
        self.docs = {d.path: d for d in field_docs(schema, forms.schemas)}

    def label(self, name: str) -> str:
        own = self.form.labels.get(name)
        return own.get(self.lang) if own else self.forms.label(name, self.lang)

    def values(self, name: str, codes: list[Any]) -> list[list[str]]:
        own = (self.form.extra.get("values") or {}).get(name) or {}
        out = []
        for code in codes:
            text = own.get(code)
            label = Text.from_data(text).get(self.lang) if isinstance(text, Mapping) else ""
            out.append([str(code), label or self.forms.value_label(name, str(code), self.lang)])
        return out

    def describe(self, doc: FieldDoc | None) -> dict[str, Any]:
        if doc is None:
            return {"text": "", "english": False}
        found = localize(
            field_description(self.form, doc, self.forms, self.shared), doc.description, self.lang
        )
        return {"text": found.text, "english": found.english}

    def node(self, name: str, node: Mapping[str, Any], doc_path: str, required: bool) -> Any:
        doc = self.docs.get(doc_path)
        spec: dict[str, Any] = {
            "name": name,
            "label": self.label(name),
            "required": required,
            "help": self.describe(doc),
            "internal": bool(doc and doc.internal),
        }
        kind = node.get("type")
        if "const" in node:
            return {**spec, "kind": "const", "value": node["const"]}
        if is_text(node):
            return {**spec, "kind": "text",
                    "langs": [[lang, self.label(lang)] for lang in LANGS]}  # fmt: skip
        if kind == "object":
            needed = set(node.get("required") or ())
            props: Mapping[str, Any] = node.get("properties") or {}
            fields = [
                self.node(n, sub, f"{doc_path}.{n}", n in needed)
                for n, sub in props.items()
                if isinstance(sub, Mapping)
            ]
            return {**spec, "kind": "object", "fields": fields}
        if kind == "array":
            items = node.get("items")
            inner = items if isinstance(items, Mapping) else {}
            item = self.node(name, inner, f"{doc_path}[]", True)
            return {**spec, "kind": "list", "item": item, "min": int(node.get("minItems") or 0)}
        if "enum" in node:
            return {**spec, "kind": "enum", "values": self.values(name, list(node["enum"]))}
        if kind == "boolean":
            return {**spec, "kind": "boolean"}
        if kind in ("integer", "number"):
            return {**spec, "kind": "integer" if kind == "integer" else "number"}
        role = doc.type if doc else ""
        if node.get("format") == "date":
            role = "date"
        return {**spec, "kind": "string", "role": role}

    def tree(self) -> list[Any]:
        schema = inline_refs(
            self.forms.schemas[self.form.schema_file], self.forms.schemas, self.form.schema_file
        )
        needed = set(schema.get("required") or ())
        props: Mapping[str, Any] = schema.get("properties") or {}
        return [self.node(n, sub, n, n in needed) for n, sub in props.items()]


def messages(lang: str) -> dict[str, Any]:
    """The catalogue entries the browser needs, exported from ``generator/catalogues``."""
    cat = catalogue(lang)
    clerk = area_texts("clerk", lang)
    return {
        "problems": {code: dict(cat.problems.get(code, {})) for code in PROBLEMS},
        "path_errors": dict(cat.path_errors),
        "did_you_mean": cat.labels.get("did_you_mean", ""),
        "clerk": {key: clerk[key] for key in CLERK_KEYS if key in clerk},
    }


def form_data(data: SiteData, form: Form, texts: SiteTexts, repo_url: str) -> dict[str, Any]:
    """Everything the web form of ``form`` needs in the browser, in the page's language."""
    project, lang = data.project, texts.lang
    forms = project.forms
    named = with_base_ids(forms.schemas)
    own = form.schema_file
    files = [own, *_referenced(forms.schemas[own], forms.schemas)]
    bodies = [
        [b.code, b.name.get(lang)] for b in project.registry.bodies.values() if form.allows(b)
    ]
    table = treaty_table(form)
    example, blank = example_data(form, forms, data.edition)  # none of an internal form's
    common = forms.schemas.get("common.schema.json", {})
    slug = (common.get("$defs") or {}).get("slug", {}).get("pattern", "^[a-z0-9]+(-[a-z0-9]+)*$")
    return {
        "kind": form.kind,
        "lang": lang,
        "schema_file": own,
        "schema_id": LOCAL_BASE + own,
        "schemas": {name: _without_examples(named[name]) for name in files},
        "spec": _Spec(form, forms, load_shared(project.root), lang).tree(),
        "example": None if blank else example,  # TR205 shows a correct value from it
        "labels": {name: forms.label(name, lang) for name in forms.labels}
        | {name: text.get(lang) for name, text in form.labels.items()},
        "messages": messages(lang),
        "bodies": bodies,
        "register": link(REGISTER, new_src(form.kind)),  # relative: fetched by the page
        "table": table,
        "treaty_status": form.treaty_status if table else None,
        "event": form.cadence is Cadence.EVENT,
        "folder": form.folder,
        "date_field": form.date_field,
        "slug_pattern": slug,
        "period_default": period_rule(load_duties(data.project).duties, form),
        "repo_url": repo_url.rstrip("/"),
        "branch": "main",
        "ui": _ui(texts),
    }


def register_data(data: SiteData, lang: str) -> dict[str, Any]:
    """The register's treaties as the web forms use them, in ``lang``: title, bodies and the
    days that decide which table a treaty belongs to. Only register fields (the register is
    public; no submission's content), so the public edition's file carries nothing internal."""
    return {
        "treaties": {
            t.id: {
                "title": t.title.get(lang),
                "bodies": list(t.bodies),
                "in_force": t.in_force_on.isoformat() if t.in_force_on else None,
                "signed": t.signed_on.isoformat() if t.signed_on else None,
            }
            for t in data.project.registry.treaties.values()
        }
    }


def register_file(data: SiteData, lang: str) -> DataFile:
    """``forms/register.json`` of one language, made when it is written."""

    def content() -> bytes:
        text = json.dumps(register_data(data, lang), ensure_ascii=False, separators=(",", ":"))
        return text.encode("utf-8")

    return DataFile(REGISTER, content)


def _ui(texts: SiteTexts) -> dict[str, str]:
    """The web form's own interface texts (``webform.*`` of ``site.<lang>.yaml``)."""
    prefix = "webform."
    return {k.removeprefix(prefix): v for k, v in texts.strings.items() if k.startswith(prefix)}


def _page(data: SiteData, form: Form, texts: SiteTexts, repo_url: str) -> str:
    src = new_src(form.kind)
    title = texts("webform.title", form=form.title.get(texts.lang))
    found = form_data(data, form, texts, repo_url)
    return render_html(
        "webform.html.j2",
        src,
        title,
        texts,
        form=form,
        data=found,
        data_json=page_json(found),
        reference=f"forms/{form.kind}.md",
    )


def page_json(data: Mapping[str, Any]) -> Markup:
    """``data`` as JSON safe inside a ``<script>`` (``<``, ``>``, ``&`` and ``'`` written as
    ``\\u`` escapes, as Jinja's ``tojson`` does), but Cyrillic as it is: escaped, every
    letter took six bytes, and the web form pages twice their size."""
    return htmlsafe_json_dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _pages(data: SiteData, texts: SiteTexts, repo_url: str) -> Iterator[DataPage | DataFile]:
    yield register_file(data, texts.lang)
    for form in data.project.forms:
        title = texts("webform.title", form=form.title.get(texts.lang))
        yield DataPage(
            new_src(form.kind), title, partial(_page, data, form, texts, repo_url), False
        )


def pages(session: BuildSession, texts: SiteTexts) -> SitePages:
    """Every form's web form, in both editions (a form's layout is public)."""
    return SitePages(data=_pages(session.data, texts, session.options.repo_url))
