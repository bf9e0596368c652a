"""Forms as data: read ``schemas/forms/<kind>.yaml`` and the JSON Schemas beside them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from generator.errors import ConfigurationError
from generator.load.jsonfile import read_json_object
from generator.load.yamlsafe import load_config_yaml
from generator.model import Cadence, Column, Form, RulesQuote, Table, Text, Visibility

SCHEMA_DIR = "schemas"
FORMS_DIR = "schemas/forms"


def _text(value: object) -> Text:
    return Text.from_data(value)


def _internal_fields(schema: Mapping[str, Any]) -> frozenset[str]:
    """Names of every property marked ``"x-visibility": "internal"`` anywhere in a schema."""
    found: set[str] = set()
    stack: list[Any] = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for name, sub in (node.get("properties") or {}).items():
                if isinstance(sub, dict) and sub.get("x-visibility") == "internal":
                    found.add(name)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return frozenset(found)


def _table(raw: Mapping[str, Any]) -> Table:
    columns = tuple(
        Column(field=str(c["field"]), label=_text(c.get("label"))) for c in raw.get("columns", [])
    )
    annex = raw.get("annex")
    return Table(
        key=str(raw["key"]),
        annex=int(annex) if annex is not None else None,
        title=_text(raw.get("title")),
        columns=columns,
    )


KNOWN_KEYS = {
    "kind", "schema", "cadence", "folder", "date_field", "bodies", "visibility", "rule",
    "annexes", "title", "short_title", "description", "entries", "treaty_status", "tables",
    "labels", "rules_quote",
}  # fmt: skip


def _quotes(raw: object) -> tuple[RulesQuote, ...]:
    items = raw if isinstance(raw, list) else []
    return tuple(
        RulesQuote(str(q["point"]), tuple(str(p) for p in q.get("paragraphs") or ()))
        for q in items
        if isinstance(q, Mapping) and "point" in q
    )


def form_from_data(raw: Mapping[str, Any], schema: Mapping[str, Any]) -> Form:
    bodies = raw.get("bodies") or {}
    return Form(
        kind=str(raw["kind"]),
        schema_file=str(raw["schema"]),
        cadence=Cadence(raw.get("cadence", "annual")),
        folder=raw.get("folder"),
        date_field=raw.get("date_field"),
        body_codes=tuple(bodies.get("codes") or ()),
        body_categories=tuple(bodies.get("categories") or ()),
        visibility=Visibility(raw.get("visibility", "public")),
        rule=str(raw.get("rule", "")),
        annexes=tuple(int(a) for a in raw.get("annexes") or ()),
        title=_text(raw.get("title")),
        description=_text(raw.get("description")),
        entries=tuple(raw.get("entries") or ()),
        treaty_status=raw.get("treaty_status"),
        tables=tuple(_table(t) for t in raw.get("tables") or ()),
        labels={str(k): _text(v) for k, v in (raw.get("labels") or {}).items()},
        internal_fields=_internal_fields(schema),
        short_title=_text(raw["short_title"]) if raw.get("short_title") else None,
        quotes=_quotes(raw.get("rules_quote")),
        extra={k: v for k, v in raw.items() if k not in KNOWN_KEYS},
    )


@dataclass(frozen=True)
class FormSet:
    """Every form of the repository, keyed by kind, with its schema."""

    forms: Mapping[str, Form]
    schemas: Mapping[str, Mapping[str, Any]]

    def __iter__(self) -> Iterator[Form]:
        return iter(self.forms.values())

    def get(self, kind: str) -> Form | None:
        return self.forms.get(kind)

    def by_folder(self, folder: str) -> Form | None:
        return next((f for f in self.forms.values() if f.folder == folder), None)

    @cached_property
    def labels(self) -> dict[str, Text]:
        merged: dict[str, Text] = {}
        for form in self.forms.values():
            for name, text in form.labels.items():
                merged.setdefault(name, text)
        return merged

    def label(self, name: str, lang: str) -> str:
        text = self.labels.get(name)
        return text.get(lang) if text else name

    @cached_property
    def value_labels(self) -> dict[str, dict[str, Text]]:
        """Labels of enumerated values (``values:`` in the form files), by field."""
        merged: dict[str, dict[str, Text]] = {}
        for form in self.forms.values():
            for name, values in (form.extra.get("values") or {}).items():
                target = merged.setdefault(str(name), {})
                for value, text in (values or {}).items():
                    target.setdefault(str(value), _text(text))
        return merged

    def value_label(self, name: str, value: str, lang: str) -> str:
        text = self.value_labels.get(name, {}).get(value)
        return text.get(lang) if text else ""


def read_json(path: Path) -> dict[str, Any]:
    return read_json_object(path, "schema", ConfigurationError)


def load_schemas(repo: Path) -> dict[str, dict[str, Any]]:
    """Every ``schemas/*.json`` by file name."""
    return {p.name: read_json(p) for p in sorted((repo / SCHEMA_DIR).glob("*.json"))}


def load_forms(repo: Path) -> FormSet:
    schemas = load_schemas(repo)
    forms: dict[str, Form] = {}
    for path in sorted((repo / FORMS_DIR).glob("*.yaml")):
        rel = path.relative_to(repo)
        try:
            raw = load_config_yaml(path.read_text(encoding="utf-8"), rel)
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigurationError(f"cannot read form description {rel}: {error}") from None
        try:
            form = form_from_data(raw, schemas[str(raw["schema"])])
        except (KeyError, TypeError, ValueError) as error:
            raise ConfigurationError(f"cannot read form description {path}: {error}") from None
        forms[form.kind] = form
    if not forms:
        raise ConfigurationError(f"no form descriptions found in {repo / FORMS_DIR}")
    return FormSet(forms=forms, schemas=schemas)
