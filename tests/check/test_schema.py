from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import FormatChecker

from generator.check.explain import _pattern_detail
from generator.check.findings import Finding
from generator.check.schema import SchemaChecker, inline_refs, is_date
from generator.errors import ConfigurationError

COMMON: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://example.test/common.schema.json",
    "$defs": {
        "text": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "kk": {"type": "string", "minLength": 1},
                "ru": {"type": "string", "minLength": 1},
                "en": {"type": "string", "minLength": 1},
            },
            "anyOf": [{"required": ["kk"]}, {"required": ["ru"]}],
        }
    },
}
FORM: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://example.test/form.schema.json",
    "type": "object",
    "additionalProperties": False,
    "required": ["form", "period", "rows"],
    "properties": {
        "form": {"const": "form"},
        "period": {"type": "integer", "minimum": 2000, "maximum": 2100},
        "title": {"$ref": "common.schema.json#/$defs/text"},
        "code": {"type": "string", "pattern": "^[a-z]+$", "maxLength": 5},
        "day": {"type": "string", "format": "date"},
        "status": {"enum": ["done", "open"]},
        "tags": {"type": "array", "uniqueItems": True, "maxItems": 2},
        "rows": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["a", "b"],
                "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
            },
        },
    },
}
GOOD: dict[str, Any] = {"form": "form", "period": 2025, "rows": [{"a": "x", "b": "y"}]}


@pytest.fixture(scope="module")
def checker() -> SchemaChecker:
    return SchemaChecker({"common.schema.json": COMMON, "form.schema.json": FORM})


def _one(checker: SchemaChecker, **changes: Any) -> Finding:
    findings = checker.check("form.schema.json", {**GOOD, **changes})
    assert len(findings) == 1, findings
    return findings[0]


def test_valid_data_has_no_findings(checker: SchemaChecker) -> None:
    assert checker.check("form.schema.json", GOOD) == []
    assert checker.has("form.schema.json") and not checker.has("nope.schema.json")


def test_each_missing_field_is_its_own_finding_at_the_mapping(checker: SchemaChecker) -> None:
    findings = checker.check("form.schema.json", {"form": "form", "rows": [{}]})
    assert sorted((f.parts, f.code, f.args["field"]) for f in findings) == [
        ((), "TR201", "period"),
        (("rows", 0), "TR201", "a"),
        (("rows", 0), "TR201", "b"),
    ]


def test_unknown_fields_point_at_their_keys(checker: SchemaChecker) -> None:
    finding = _one(checker, extra=1)
    assert (finding.parts, finding.code, finding.at_key) == (("extra",), "TR204", True)


@pytest.mark.parametrize(
    ("changes", "code", "parts"),
    [
        ({"period": "2025"}, "TR202", ("period",)),
        ({"period": 2025.0}, "TR202", ("period",)),
        ({"period": True}, "TR202", ("period",)),
        ({"status": "closed"}, "TR203", ("status",)),
        ({"code": "ABC"}, "TR205", ("code",)),
        ({"rows": []}, "TR206", ("rows",)),
        ({"code": "abcdef"}, "TR207", ("code",)),
        ({"tags": [1, 2, 3]}, "TR207", ("tags",)),
        ({"title": {"en": "x"}}, "TR208", ("title",)),
        ({"tags": [1, 1]}, "TR209", ("tags",)),
        ({"day": "2025-02-30"}, "TR210", ("day",)),
        ({"period": 1999}, "TR211", ("period",)),
        ({"title": {"kk": ""}}, "TR212", ("title", "kk")),
        ({"form": "other"}, "TR213", ("form",)),
    ],
)
def test_each_schema_rule_has_its_code(
    checker: SchemaChecker, changes: dict[str, Any], code: str, parts: tuple[Any, ...]
) -> None:
    finding = _one(checker, **changes)
    assert (finding.code, finding.parts) == (code, parts)


def test_messages_get_field_value_and_limits(checker: SchemaChecker) -> None:
    assert _one(checker, status="closed").args == {
        "field": "status",
        "value": "closed",
        "allowed": "done, open",
    }
    assert _one(checker, period=1999).args["limit"] == "2000"
    long_value = _one(checker, status="a" * 100).args["value"]
    assert len(long_value) == 60 and long_value.endswith("...")


def test_a_broken_schema_is_reported_when_first_used() -> None:
    broken = {"$id": "https://example.test/broken.schema.json", "type": 5}
    checker = SchemaChecker(
        {"broken.schema.json": broken, "form.schema.json": FORM, "common.schema.json": COMMON}
    )
    assert checker.check("form.schema.json", GOOD) == []
    with pytest.raises(ConfigurationError, match=re.escape("broken.schema.json is not valid at")):
        checker.check("broken.schema.json", {})


def test_a_broken_referenced_schema_is_reported_with_its_user() -> None:
    common = {**COMMON, "$defs": {"text": {"type": "nonsense"}}}
    checker = SchemaChecker({"common.schema.json": common, "form.schema.json": FORM})
    with pytest.raises(ConfigurationError, match=re.escape("common.schema.json")):
        checker.check("form.schema.json", GOOD)


def test_inline_refs_replaces_references_by_their_content() -> None:
    schemas = {"common.schema.json": COMMON, "form.schema.json": FORM}
    inlined = inline_refs(FORM, schemas, "form.schema.json")
    assert inlined["properties"]["title"] == COMMON["$defs"]["text"]
    assert FORM["properties"]["title"] == {"$ref": "common.schema.json#/$defs/text"}


def test_inline_refs_leaves_what_it_cannot_inline() -> None:
    loop = {"$defs": {"a": {"$ref": "#/$defs/a"}}, "properties": {"x": {"$ref": "#/$defs/a"}}}
    assert inline_refs(loop, {"loop.json": loop}, "loop.json")["properties"]["x"] == {
        "$ref": "#/$defs/a"
    }
    missing = {"properties": {"x": {"$ref": "other.json#/$defs/nope"}}}
    assert inline_refs(missing, {}, "m.json") == missing
    clash = {"properties": {"x": {"$ref": "common.schema.json#/$defs/text", "type": "string"}}}
    schemas = {"common.schema.json": COMMON}
    assert inline_refs(clash, schemas, "c.json") == clash


@pytest.mark.parametrize(
    ("pattern", "value", "detail"),
    [
        ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "20.05.2025", "pattern-date"),
        ("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "not-an-email", "pattern-email"),
        ("^\\+?[0-9 ()-]{5,25}$", "phone", "pattern-phone"),
        ("^[a-z0-9]+(-[a-z0-9]+)*$", "Water", "pattern-code"),
        ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "“2025-05-20”", "pattern-smart-quotes"),
    ],
)
def test_a_wrong_form_is_explained_by_its_own_rule(pattern: str, value: str, detail: str) -> None:
    """A date's or an e-mail's hint says what dates or e-mails look like, not codes."""
    assert _pattern_detail(pattern, value) == detail


_DATES = st.one_of(
    st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"),
    st.text(alphabet="0123456789-٠١٢T: ", max_size=12),
    st.sampled_from(["2025-02-29", "2024-02-29", "0000-01-01", "2025-1-01", "20250101", ""]),
)


@settings(max_examples=300, deadline=None)
@given(_DATES)
def test_the_date_format_is_jsonschemas(value: str) -> None:
    """The first pass judges dates without jsonschema loaded, exactly as its checker does."""
    assert is_date(value) is FormatChecker(formats=("date",)).conforms(value, "date")
