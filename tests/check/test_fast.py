"""The jsonschema-rs first pass and the Python validator agree on valid and invalid."""

from __future__ import annotations

import copy
import datetime as dt
import re
import sys
from typing import Any

import pytest

from generator.check.fast import PY_SPACE, python_pattern
from generator.check.schema import SchemaChecker
from generator.load.yamlsafe import YamlProblem, load_yaml
from generator.paths import FilePlace, place_of
from testing.examples import examples
from testing.repo import REPO_ROOT, real_forms

FORMS = real_forms()
CHECKER = SchemaChecker(FORMS.schemas)


def _schema_of(rel: str) -> str | None:
    place = place_of(rel, FORMS, set(FORMS.schemas))
    if not isinstance(place, FilePlace):
        return None
    form = FORMS.get(place.kind)
    return form.schema_file if form is not None else f"{place.kind}.schema.json"


def _load(content: bytes) -> Any:
    try:
        return load_yaml(content.decode("utf-8"))
    except (UnicodeDecodeError, YamlProblem):
        return None


def _documents() -> list[tuple[str, str, Any]]:
    """(id, schema file, data) of every example and every demo file that parses."""
    found: list[tuple[str, str, Any]] = []
    for example in [*examples("valid"), *examples("invalid")]:
        found.append((example.id, _schema_of(example.path) or "", _load(example.content)))
    for top in ("submissions", "registry"):
        for path in sorted((REPO_ROOT / top).rglob("*.yaml")):
            rel = path.relative_to(REPO_ROOT).as_posix()
            found.append((rel, _schema_of(rel) or "", _load(path.read_bytes())))
    return [(i, s, d) for i, s, d in found if CHECKER.has(s) and isinstance(d, dict)]


DOCUMENTS = _documents()


def _agree(schema: str, data: Any) -> tuple[bool, bool]:
    """(first pass says valid, Python validator says valid)."""
    return CHECKER.check(schema, data) == [], CHECKER.explain(schema, data) == []


def test_there_are_documents_of_both_kinds() -> None:
    verdicts = [_agree(schema, data)[1] for _, schema, data in DOCUMENTS]
    assert len(DOCUMENTS) >= 100
    assert verdicts.count(True) >= 30 and verdicts.count(False) >= 10


@pytest.mark.parametrize(
    ("schema", "data"), [(s, d) for _, s, d in DOCUMENTS], ids=[i for i, *_ in DOCUMENTS]
)
def test_both_passes_agree(schema: str, data: Any) -> None:
    fast, slow = _agree(schema, data)
    assert fast == slow


def _valid_treaties_in_force() -> dict[str, Any]:
    for _, schema, data in DOCUMENTS:
        if schema == "treaties-in-force.schema.json" and CHECKER.explain(schema, data) == []:
            return copy.deepcopy(data)
    raise AssertionError("no valid treaties-in-force document")


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("period",), 2025.0),  # a float is not a year, though JSON Schema calls it an integer
        (("period",), True),
        (("annex1", 0, "measures", 0, "date"), "0000-01-01"),  # jsonschema-rs takes year 0
        (("annex1", 0, "measures", 0, "date"), "2025-02-30"),
        (("annex1", 0, "measures", 0, "date"), "2025-02-28\n"),
        (("annex1", 0, "treaty"), "bad id\x1c"),
        (("annex1", 0, "status"), dt.date(2025, 1, 1)),
        (("annex1", 0, "status"), {1, 2}),
    ],
)
def test_values_the_passes_could_judge_differently(where: tuple[Any, ...], value: Any) -> None:
    data = _valid_treaties_in_force()
    node = data
    for step in where[:-1]:
        node = node[step]
    node[where[-1]] = value
    fast, slow = _agree("treaties-in-force.schema.json", data)
    assert not slow
    assert fast == slow


def test_python_whitespace_in_patterns() -> None:
    """``\\s`` means Python's whitespace for both passes, at every code point."""
    assert python_pattern(r"^[^@\s]+@\s*x$") == f"^[^@{PY_SPACE}]+@[{PY_SPACE}]*x$"
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "pattern": r"^[^@\s]+$"}
    checker = SchemaChecker({"p.json": schema})
    assert checker.has_first_pass("p.json")
    pattern = re.compile(r"^[^@\s]+$")
    differ = [
        hex(c)
        for c in range(sys.maxunicode + 1)
        if not 0xD800 <= c <= 0xDFFF
        and (checker.check("p.json", "a" + chr(c)) == []) != bool(pattern.search("a" + chr(c)))
    ]
    assert differ == []


@pytest.mark.parametrize("escape", [r"\S", r"\D", r"\W", r"\b"])
def test_escapes_that_could_differ_leave_python_to_judge(escape: str) -> None:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "pattern": escape}
    checker = SchemaChecker({"p.json": schema})
    assert not checker.has_first_pass("p.json")
    assert checker.check("p.json", "x") == checker.explain("p.json", "x")


def test_references_resolve_from_the_repository() -> None:
    """No schema has an ``$id``: a reference left after inlining still resolves, offline."""
    common = FORMS.schemas["common.schema.json"]
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "properties": {"d": {"$ref": "common.schema.json#/$defs/date", "pattern": "^2"}},
    }
    checker = SchemaChecker({"common.schema.json": common, "x.schema.json": schema})
    assert checker.has_first_pass("x.schema.json")
    assert checker.check("x.schema.json", {"d": "2025-01-01"}) == []
    assert [f.code for f in checker.check("x.schema.json", {"d": "2025-02-30"})] == ["TR210"]


def test_every_repository_schema_has_a_first_pass() -> None:
    assert [n for n in FORMS.schemas if not CHECKER.has_first_pass(n)] == []
