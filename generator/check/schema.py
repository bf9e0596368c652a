"""JSON Schema checks, with one validator compiled per schema and reused for every file."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, TypeChecker, validators
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from generator.errors import ConfigurationError

PathParts = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """A schema violation, before it is placed on a line and given a file."""

    parts: PathParts
    code: str
    args: Mapping[str, str]
    at_key: bool = False


def _registry(schemas: Mapping[str, Mapping[str, Any]]) -> Registry:
    resources = []
    for name, schema in schemas.items():
        resource = Resource.from_contents(dict(schema))
        resources.append((str(schema.get("$id", name)), resource))
    return Registry().with_resources(resources)


def _is_integer(_checker: TypeChecker, value: object) -> bool:
    """Only whole numbers written as such: YAML's ``2025.0`` is a float, not a year."""
    return isinstance(value, int) and not isinstance(value, bool)


StrictValidator = validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
)


class SchemaChecker:
    """Compiled validators for every schema of the repository."""

    def __init__(self, schemas: Mapping[str, Mapping[str, Any]]) -> None:
        registry = _registry(schemas)
        checker = FormatChecker(formats=("date",))
        self._validators: dict[str, Any] = {}
        for name, schema in schemas.items():
            try:
                Draft202012Validator.check_schema(schema)
            except Exception as error:
                raise ConfigurationError(f"schema {name} is not valid: {error}") from None
            self._validators[name] = StrictValidator(
                schema, registry=registry, format_checker=checker
            )

    def has(self, name: str) -> bool:
        return name in self._validators

    def check(self, name: str, data: Any) -> list[Finding]:
        validator = self._validators[name]
        findings: list[Finding] = []
        for error in validator.iter_errors(data):
            findings.extend(_findings(error))
        return findings


def _text_anyof(error: ValidationError) -> bool:
    options = error.validator_value if isinstance(error.validator_value, list) else []
    required = [tuple(o.get("required", ())) for o in options if isinstance(o, dict)]
    return sorted(required) == [("kk",), ("ru",)]


def _findings(error: ValidationError) -> Iterator[Finding]:
    parts: PathParts = tuple(error.absolute_path)
    kind = error.validator
    value: Any = error.validator_value
    instance = error.instance
    if kind == "required" and isinstance(instance, dict):
        for name in value:
            if name not in instance:
                yield Finding(parts, "TR201", {"field": str(name)})
        return
    if kind == "additionalProperties" and isinstance(instance, dict):
        schema: Any = error.schema
        known = set((schema.get("properties") or {}).keys())
        for name in instance:
            if name not in known:
                yield Finding((*parts, str(name)), "TR204", {"field": str(name)}, True)
        return
    if kind == "anyOf" and _text_anyof(error):
        yield Finding(parts, "TR208", {"field": _field(parts)})
        return
    yield _simple(error, parts)


def _field(parts: PathParts) -> str:
    names = [p for p in parts if isinstance(p, str)]
    return names[-1] if names else ""


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _simple(error: ValidationError, parts: PathParts) -> Finding:
    kind = str(error.validator)
    value: Any = error.validator_value
    args = {"field": _field(parts), "value": _shown(error.instance)}
    if kind == "type":
        types = value if isinstance(value, list) else [value]
        return Finding(parts, "TR202", {**args, "expected": ", ".join(map(str, types))})
    if kind == "enum":
        allowed = ", ".join(str(v) for v in value)
        return Finding(parts, "TR203", {**args, "allowed": allowed})
    if kind == "const":
        return Finding(parts, "TR213", {**args, "expected": str(value)})
    if kind == "format":
        return Finding(parts, "TR210", args)
    if kind == "pattern":
        return Finding(parts, "TR205", {**args, "pattern": str(value)})
    if kind == "minItems":
        return Finding(parts, "TR206", {**args, "limit": str(value)})
    if kind in ("maxItems", "maxLength"):
        return Finding(parts, "TR207", {**args, "limit": str(value)})
    if kind == "minLength":
        return Finding(parts, "TR212", args)
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return Finding(parts, "TR211", {**args, "limit": str(value)})
    return Finding(parts, "TR209", {**args, "detail": error.message})
