"""A form's fields, read from its JSON Schema, for the forms reference."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

MAX_DEPTH = 6


@dataclass(frozen=True)
class FieldDoc:
    path: str
    name: str
    type: str
    required: bool
    description: str
    values: tuple[str, ...]
    internal: bool


def _resolve(
    node: Mapping[str, Any], schemas: Mapping[str, Mapping[str, Any]]
) -> tuple[str | None, Mapping[str, Any]]:
    """(the name of a ``$ref``'d definition, the node it points to)."""
    ref = node.get("$ref")
    if not isinstance(ref, str) or "#/$defs/" not in ref:
        return None, node
    file, _, name = ref.partition("#/$defs/")
    target = (schemas.get(file) or {}).get("$defs", {}).get(name) if file else None
    return name, target if isinstance(target, Mapping) else {}


def type_of(node: Mapping[str, Any], schemas: Mapping[str, Mapping[str, Any]]) -> str:
    ref, target = _resolve(node, schemas)
    if ref:
        return ref
    if "const" in node:
        return f"const {node['const']}"
    kind = target.get("type")
    if kind == "array":
        items = target.get("items")
        inner = type_of(items, schemas) if isinstance(items, Mapping) else "any"
        return f"list of {inner}"
    if isinstance(kind, list):
        return " | ".join(str(k) for k in kind)
    return str(kind or "any")


def _children(
    node: Mapping[str, Any], schemas: Mapping[str, Mapping[str, Any]]
) -> tuple[Mapping[str, Any], frozenset[str]]:
    ref, target = _resolve(node, schemas)
    if ref == "text":
        return {}, frozenset()
    if target.get("type") == "array" and isinstance(target.get("items"), Mapping):
        return _children(target["items"], schemas)
    props = target.get("properties")
    return (props if isinstance(props, Mapping) else {}), frozenset(target.get("required") or ())


def field_docs(
    schema: Mapping[str, Any], schemas: Mapping[str, Mapping[str, Any]]
) -> list[FieldDoc]:
    """Every property of a form's schema, depth first, as ``a.b[].c`` paths."""
    found: list[FieldDoc] = []

    def walk(node: Mapping[str, Any], prefix: str, depth: int, hidden: bool) -> None:
        props, required = _children(node, schemas)
        for name, sub in props.items():
            if not isinstance(sub, Mapping):
                continue
            internal = hidden or sub.get("x-visibility") == "internal"
            _, target = _resolve(sub, schemas)
            is_list = target.get("type") == "array"
            path = f"{prefix}{name}"
            found.append(
                FieldDoc(
                    path,
                    name,
                    type_of(sub, schemas),
                    name in required,
                    str(sub.get("description") or target.get("description") or ""),
                    tuple(str(v) for v in target.get("enum") or ()),
                    internal,
                )
            )
            if depth < MAX_DEPTH:
                walk(sub, f"{path}[]." if is_list else f"{path}.", depth + 1, internal)

    walk(schema, "", 0, False)
    return found
