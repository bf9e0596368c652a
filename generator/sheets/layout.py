"""A form as spreadsheet columns, derived from its JSON Schema (nothing per form in code).

- The *general* sheet holds the fields outside tables, one row each: ``prepared_by.name.kk``.
- Each top-level list of the form is a *table* sheet, one column per leaf of its rows:
  ``annex1[].status``; a text is three columns (``obligations.kk``, ``.ru``, ``.en``).
- A list inside a row (``annex1[].measures[]``) takes further lines of the same sheet: its
  first item sits on the row's line, each next one on a line of its own, with the row's
  own cells left empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from generator.drafts.blank import form_schema, is_text
from generator.errors import ConfigurationError
from generator.forms import FormSet
from generator.model import LANGUAGES, Form


class Kind(StrEnum):
    TEXT = "text"
    DATE = "date"
    INT = "int"
    BOOL = "bool"


@dataclass(frozen=True)
class Leaf:
    """One cell's field. ``parts`` are the names below the table row (or the top)."""

    key: str
    parts: tuple[str, ...]
    kind: Kind
    inner: str = ""  # the list inside the row this leaf belongs to ("measures"), or ""
    values: tuple[Any, ...] = ()  # the allowed values of an enumeration
    lookup: str = ""  # "treaties" or "bodies": the register the value comes from


@dataclass(frozen=True)
class TableLayout:
    key: str
    required: bool
    leaves: tuple[Leaf, ...]
    inner_required: frozenset[str]

    @property
    def outer(self) -> tuple[Leaf, ...]:
        return tuple(leaf for leaf in self.leaves if not leaf.inner)

    def inner(self, name: str) -> tuple[Leaf, ...]:
        return tuple(leaf for leaf in self.leaves if leaf.inner == name)

    @property
    def inner_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(leaf.inner for leaf in self.leaves if leaf.inner))


@dataclass(frozen=True)
class Layout:
    form: Form
    general: tuple[Leaf, ...]
    tables: tuple[TableLayout, ...]
    order: tuple[str, ...]  # the top-level fields, in the schema's order

    def table(self, key: str) -> TableLayout | None:
        return next((t for t in self.tables if t.key == key), None)


def _patterns(forms: FormSet) -> dict[str, str]:
    defs = forms.schemas.get("common.schema.json", {}).get("$defs", {})
    found = {}
    for lookup, name in (("treaties", "treaty_id"), ("bodies", "body_code")):
        pattern = defs.get(name, {}).get("pattern")
        if pattern:
            found[str(pattern)] = lookup
    return found


def _kind(node: Mapping[str, Any]) -> Kind:
    kind = node.get("type")
    values = node.get("enum") or ([node["const"]] if "const" in node else [])
    if kind == "boolean":
        return Kind.BOOL
    if kind == "integer" or (values and all(isinstance(v, int) for v in values)):
        return Kind.INT
    if node.get("format") == "date":
        return Kind.DATE
    return Kind.TEXT


@dataclass(frozen=True)
class _Walk:
    patterns: Mapping[str, str]
    form: str

    def leaves(
        self, node: Mapping[str, Any], parts: tuple[str, ...], prefix: str, inner: str, depth: int
    ) -> list[Leaf]:
        if is_text(node):
            return [Leaf(f"{prefix}{'.'.join((*parts, lang))}", (*parts, lang), Kind.TEXT, inner)
                    for lang in LANGUAGES]  # fmt: skip
        kind = node.get("type")
        if kind == "object":
            found: list[Leaf] = []
            for name, sub in (node.get("properties") or {}).items():
                found += self.leaves(sub, (*parts, str(name)), prefix, inner, depth)
            return found
        if kind == "array":
            return self._inner(node, parts, prefix, inner, depth)
        values = tuple(node.get("enum") or ())
        lookup = self.patterns.get(str(node.get("pattern", "")), "")
        return [Leaf(prefix + ".".join(parts), parts, _kind(node), inner, values, lookup)]

    def _inner(
        self, node: Mapping[str, Any], parts: tuple[str, ...], prefix: str, inner: str, depth: int
    ) -> list[Leaf]:
        items = node.get("items")
        if depth > 0 or inner or len(parts) != 1 or not isinstance(items, Mapping):
            where = prefix + ".".join(parts)
            raise ConfigurationError(
                f"form {self.form}: a spreadsheet cannot hold the list {where}"
            )
        name = parts[0]
        return self.leaves(items, (), f"{prefix}{name}[].", name, depth + 1)


def _table(walk: _Walk, name: str, node: Mapping[str, Any], required: bool) -> TableLayout:
    items = node.get("items")
    if not isinstance(items, Mapping) or items.get("type") != "object" or is_text(items):
        raise ConfigurationError(f"form {walk.form}: the list {name} is not a list of rows")
    leaves: list[Leaf] = []
    inner_required: set[str] = set()
    needed = set(items.get("required") or ())
    for field, sub in (items.get("properties") or {}).items():
        leaves += walk.leaves(sub, (str(field),), f"{name}[].", "", 0)
        if sub.get("type") == "array" and field in needed:
            inner_required.add(str(field))
    return TableLayout(name, required, tuple(leaves), frozenset(inner_required))


def layout_of(forms: FormSet, form: Form) -> Layout:
    """The form's sheets and columns, in the order of its schema."""
    schema = form_schema(forms, form)
    walk = _Walk(_patterns(forms), form.kind)
    required = set(schema.get("required") or ())
    general: list[Leaf] = []
    tables: list[TableLayout] = []
    props = [str(name) for name in schema.get("properties") or {}]
    for name, node in (schema.get("properties") or {}).items():
        if node.get("type") == "array":
            tables.append(_table(walk, str(name), node, name in required))
        else:
            general += walk.leaves(node, (str(name),), "", "", 1)
    return Layout(form, tuple(general), tuple(tables), tuple(props))
