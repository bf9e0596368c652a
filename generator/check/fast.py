"""A compiled first pass with jsonschema-rs: is a document valid, yes or no?

The Python validator (:mod:`generator.check.schema`) stays the judge: it runs whenever this
pass says no, and explains why. So this pass must never accept what the Python one
refuses. Where the two could differ, the schema given to jsonschema-rs is adjusted:

- ``integer``: YAML's ``2025.0`` is a float and not a whole number for us, while JSON
  Schema calls it an integer; an ``x-whole`` keyword refuses floats there.
- ``format``: ``date`` is checked by the Python format checker itself (jsonschema-rs
  accepts year 0000); the other formats are not checked, as in the Python pass.
- ``pattern``: ``\\s`` is widened to Python's whitespace (which also holds U+001C-U+001F
  and U+0085); a pattern using another escape that can differ (``\\S``, ``\\D``, ``\\W``,
  ``\\b``, ``\\B``) leaves the schema without a first pass.

References to the other schemas resolve from the schemas given, never from the network.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import jsonschema_rs

WHOLE = "x-whole"
PY_SPACE = "\\s\\x1c-\\x1f\\x85"  # Python's \s beyond the ECMAScript / Rust one
UNSAFE_ESCAPES = frozenset("SDWbB")


class _NoFastPass(Exception):
    """The schema uses something the first pass could judge differently."""


class _Whole:
    """``x-whole``: an ``integer`` must be written as a whole number, not as ``2025.0``."""

    def __init__(self, _parent: object, _value: object, _path: object) -> None:
        pass

    def validate(self, instance: object) -> None:
        if isinstance(instance, float):
            raise ValueError("not a whole number")


def _anything(_value: object) -> bool:
    return True


def python_pattern(pattern: str) -> str:
    """``pattern`` with ``\\s`` meaning what it means to Python's ``re``."""
    out: list[str] = []
    in_class = False
    chars = iter(pattern)
    for char in chars:
        if char == "\\":
            escaped = next(chars, "")
            if escaped in UNSAFE_ESCAPES:
                raise _NoFastPass
            if escaped == "s":
                out.append(PY_SPACE if in_class else f"[{PY_SPACE}]")
            else:
                out.append(char + escaped)
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
    return "".join(out)


def _integer_only(types: object) -> bool:
    names = types if isinstance(types, list) else [types]
    return "integer" in names and "number" not in names


def adjusted(node: Any) -> Any:
    """A copy of a schema for jsonschema-rs (see the module notes)."""
    if isinstance(node, list):
        return [adjusted(item) for item in node]
    if not isinstance(node, Mapping):
        return node
    out = {k: adjusted(v) for k, v in node.items()}
    if isinstance(node.get("pattern"), str):
        out["pattern"] = python_pattern(node["pattern"])
    if isinstance(node.get("type"), str | list) and _integer_only(node["type"]):
        out[WHOLE] = True
    return out


def _formats(schemas: Mapping[str, Any], is_date: Callable[[str], bool]) -> dict[str, Any]:
    found: set[str] = set()
    stack: list[Any] = list(schemas.values())
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            if isinstance(node.get("format"), str):
                found.add(node["format"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return {name: _anything for name in found} | {"date": is_date}


def _offline(uri: str) -> Any:
    raise ValueError(f"{uri} is not one of the repository's schemas")


def fast_validator(
    schema: Mapping[str, Any],
    schemas: Mapping[str, Mapping[str, Any]],
    is_date: Callable[[str], bool],
) -> Any | None:
    """A compiled jsonschema-rs validator for ``schema``, or None when there is none to
    trust (the Python validator then judges every document alone)."""
    try:
        resources = [
            (str(s.get("$id", name)), adjusted(s)) for name, s in schemas.items() if "$id" in s
        ]
        registry = jsonschema_rs.Registry(resources, retriever=_offline)
        return jsonschema_rs.validator_for(
            adjusted(schema),
            formats=_formats(schemas, is_date),
            validate_formats=True,
            registry=registry,
            retriever=_offline,
            keywords={WHOLE: _Whole},
        )
    except (_NoFastPass, ValueError, jsonschema_rs.ReferencingError):
        return None


def passes(validator: Any, data: Any) -> bool:
    """True only when the first pass is sure ``data`` is valid."""
    try:
        return bool(validator.is_valid(data))
    except (ValueError, TypeError, OverflowError, UnicodeError):
        return False  # a value JSON has no place for (a date, a set...): ask Python
