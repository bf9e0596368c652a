"""The Python validator: it names every problem of a document that the compiled first pass
(:mod:`generator.check.fast`) did not pass, and checks each schema against the JSON Schema
metaschema.

It is imported only when it is needed (a document with a problem, or a schema not yet
checked), so checking a few valid files never loads ``jsonschema``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, TypeChecker, validators
from jsonschema.exceptions import SchemaError, ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from generator.check.findings import Finding, PathParts
from generator.check.suggest import closest
from generator.errors import ConfigurationError
from generator.model import Text


def _registry(schemas: Mapping[str, Mapping[str, Any]]) -> Registry:
    resources = []
    for name, schema in schemas.items():
        resource = Resource.from_contents(dict(schema), default_specification=DRAFT202012)
        resources.append((str(schema.get("$id", name)), resource))
    return Registry().with_resources(resources)


def _is_integer(_checker: TypeChecker, value: object) -> bool:
    """Only whole numbers written as such: YAML's ``2025.0`` is a float, not a year."""
    return isinstance(value, int) and not isinstance(value, bool)


StrictValidator = validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
)


def check_schema(name: str, schema: Mapping[str, Any]) -> None:
    """Refuse a schema that is not valid JSON Schema (draft 2020-12), naming where."""
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        where = "/".join(str(p) for p in error.absolute_path) or "the top"
        raise ConfigurationError(
            f"schema {name} is not valid at {where}: {error.message}"
        ) from None


class Judge:
    """The Python validators of one set of schemas (with ``$id``s), each of which names every
    problem of a document."""

    def __init__(self, schemas: Mapping[str, Mapping[str, Any]]) -> None:
        self._registry = _registry(schemas)
        self._formats = FormatChecker(formats=("date",))

    def validator(self, inlined: Mapping[str, Any]) -> Any:
        """The validator of a schema whose ``$ref``s are inlined (:func:`inline_refs`)."""
        return StrictValidator(inlined, registry=self._registry, format_checker=self._formats)


def findings(validator: Any, data: Any) -> list[Finding]:
    """Every problem ``validator`` finds in ``data``, each once."""
    found: dict[tuple[Any, ...], Finding] = {}
    for error in validator.iter_errors(data):
        for finding in _findings(error):
            key = (finding.parts, finding.code, tuple(sorted(finding.args.items())))
            found.setdefault(key, finding)
    return list(found.values())


def with_hints(
    finding: Finding, schema: Mapping[str, Any], value_labels: Mapping[str, Mapping[str, Text]]
) -> Finding:
    """``finding`` with the fix it can be given: the form's example, an allowed value."""
    return _with_label(_with_example(schema, finding), value_labels)


def _with_label(finding: Finding, value_labels: Mapping[str, Mapping[str, Text]]) -> Finding:
    """A TR203 value written as an allowed value's label (in any language) is pointed
    at that value: ``status: орындалды`` → "did you mean implemented?"."""
    if finding.code != "TR203" or finding.args.get("suggestion"):
        return finding
    labels = value_labels.get(str(finding.args.get("field", "")), {})
    by_label = {
        text.casefold(): value
        for value, label in labels.items()
        for text in (label.kk, label.ru, label.en)
        if text
    }
    written = str(finding.args.get("value", "")).strip().casefold()
    match = by_label.get(written) or by_label.get(closest(written, by_label).get("suggestion", ""))
    return replace(finding, args={**finding.args, "suggestion": match}) if match else finding


def _with_example(schema: Mapping[str, Any], finding: Finding) -> Finding:
    """A TR205 finding gets a correct value of the same field from the form's example."""
    if finding.code != "TR205" or finding.args.get("example"):
        return finding
    example = example_value(schema, finding.parts) or "…"
    return replace(finding, args={**finding.args, "example": example})


def example_value(schema: Mapping[str, Any], parts: PathParts) -> str:
    """The value at ``parts`` in the schema's first ``examples`` document ("" if none).

    List positions fall back to the example's first item, so row 7 of a table is shown
    the value the example's first row has.
    """
    examples = schema.get("examples")
    node: Any = examples[0] if isinstance(examples, list) and examples else None
    for part in parts:
        if isinstance(node, list) and isinstance(part, int) and node:
            node = node[min(part, len(node) - 1)]
        elif isinstance(node, Mapping) and isinstance(part, str):
            node = node.get(part)
        else:
            return ""
    if isinstance(node, bool) or not isinstance(node, str | int):
        return ""
    return _shown(node)


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
                hint = closest(str(name), known - set(instance))
                yield Finding((*parts, str(name)), "TR204", {"field": str(name), **hint}, True)
        return
    if kind == "anyOf" and _text_anyof(error):
        yield Finding(parts, "TR208", {"field": _field(parts)})
        return
    yield _simple(error, parts)


_SHAPES = frozenset({"array", "object", "string", "integer", "number", "boolean"})


def _shape(json_type: str, schema: Any) -> str:
    """Catalogue key (``path_errors``) saying in plain words what the field must look like."""
    properties = schema.get("properties") if isinstance(schema, dict) else None
    if json_type == "object" and isinstance(properties, dict) and {"kk", "ru"} <= set(properties):
        return "type-text"
    return f"type-{json_type}" if json_type in _SHAPES else "type-other"


def _field(parts: PathParts) -> str:
    names = [p for p in parts if isinstance(p, str)]
    return names[-1] if names else ""


def _shown(value: Any) -> str:
    """A value as a clerk wrote it: text as is, fields and lists in YAML's words, no reprs."""
    text = _plain(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        return ", ".join(f"{key}: …" for key in value) or "{}"
    if isinstance(value, list):
        return "; ".join(f"- {_plain(item)}" for item in value) or "[]"
    return str(value)


_SMART_QUOTES = "“”«»‘’„‚"
_PATTERN_KINDS = (
    ("[0-9]{4}-[0-9]{2}-[0-9]{2}", "pattern-date"),
    ("@", "pattern-email"),
    ("[A-Z]{2}", "pattern-country"),
    ("\\+", "pattern-phone"),
    ("[a-z", "pattern-code"),
)


def _pattern_detail(pattern: str, value: Any) -> str:
    """Catalogue key saying what the pattern asks for (or that quotes are typographic)."""
    if isinstance(value, str) and value[:1] in _SMART_QUOTES and value[-1:] in _SMART_QUOTES:
        return "pattern-smart-quotes"
    return next((key for mark, key in _PATTERN_KINDS if mark in pattern), "pattern-other")


def _simple(error: ValidationError, parts: PathParts) -> Finding:
    kind = str(error.validator)
    value: Any = error.validator_value
    args = {"field": _field(parts), "value": _shown(error.instance)}
    if kind == "type":
        types = value if isinstance(value, list) else [value]
        shape = _shape(str(types[0]), error.schema)
        return Finding(
            parts, "TR202", {**args, "expected": ", ".join(map(str, types)), "detail": shape}
        )
    if kind == "enum":
        allowed = ", ".join(str(v) for v in value)
        hint = closest(str(error.instance), [str(v) for v in value])
        return Finding(parts, "TR203", {**args, "allowed": allowed, **hint})
    if kind == "const":
        return Finding(parts, "TR213", {**args, "expected": str(value)})
    if kind == "format":
        return Finding(parts, "TR210", args)
    if kind == "pattern":
        examples = error.schema.get("examples") if isinstance(error.schema, dict) else None
        example = _shown(examples[0]) if isinstance(examples, list) and examples else ""
        detail = _pattern_detail(str(value), error.instance)
        return Finding(
            parts, "TR205", {**args, "pattern": str(value), "example": example, "detail": detail}
        )
    if kind == "minItems":
        return Finding(parts, "TR206", {**args, "limit": str(value)})
    if kind in ("maxItems", "maxLength"):
        return Finding(parts, "TR207", {**args, "limit": str(value)})
    if kind == "minLength":
        return Finding(parts, "TR212", args)
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return Finding(parts, "TR211", {**args, "limit": str(value)})
    # jsonschema's own message holds Python reprs of the data: say it in plain words.
    return Finding(parts, "TR209", {**args, "detail": "rule-other"})
