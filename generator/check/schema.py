"""JSON Schema checks, with one validator compiled per schema and reused for every file.

Each document first meets a compiled jsonschema-rs validator (:mod:`generator.check.fast`);
only a document it does not pass is checked again, in Python (:mod:`generator.check.explain`,
imported then), to name each problem.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from generator.check.fast import fast_validator, passes
from generator.check.findings import Finding
from generator.load.cache import Marks
from generator.model import Text


def referenced(schema: Any) -> set[str]:
    """File names of the other schemas a schema refers to (``common.schema.json#/...``)."""
    found: set[str] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                found.add(ref.split("#", 1)[0].rsplit("/", 1)[-1])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def _target(ref: str, schemas: Mapping[str, Mapping[str, Any]], own: str) -> Any:
    """The subschema a ``$ref`` such as ``common.schema.json#/$defs/text`` points at."""
    file_part, _, pointer = ref.partition("#")
    name = file_part.rsplit("/", 1)[-1] or own
    node: Any = schemas.get(name)
    for step in [p for p in pointer.split("/") if p]:
        if not isinstance(node, Mapping) or step not in node:
            return None
        node = node[step]
    return node if isinstance(node, Mapping) else None


def inline_refs(
    node: Any, schemas: Mapping[str, Mapping[str, Any]], own: str, seen: tuple[str, ...] = ()
) -> Any:
    """A copy of ``node`` with ``$ref``s to other definitions replaced by their content.

    Validation then never resolves a reference at run time (the slow part of validating
    many small files). A reference that cannot be inlined (missing, cyclic, or clashing
    with a sibling keyword) stays as it is and is resolved normally.
    """
    if isinstance(node, list):
        return [inline_refs(item, schemas, own, seen) for item in node]
    if not isinstance(node, Mapping):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref not in seen:
        target = _target(ref, schemas, own)
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        if target is not None and not set(siblings) & (set(target) - {"description"}):
            name = ref.partition("#")[0].rsplit("/", 1)[-1] or own
            merged = {**inline_refs(target, schemas, name, (*seen, ref)), **siblings}
            return merged
    return {k: inline_refs(v, schemas, own, seen) for k, v in node.items()}


# A base for schemas with no ``$id`` (ours have none, so that standard tools resolve their
# relative ``$ref``s next to the file, offline). Never fetched: every schema is registered.
LOCAL_BASE = "https://schemas.treaty-reports.invalid/"


def with_base_ids(schemas: Mapping[str, Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    """Each schema with an ``$id``: its own, or the local base and its file name."""
    return {n: s if "$id" in s else {"$id": LOCAL_BASE + n, **s} for n, s in schemas.items()}


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def is_date(value: str) -> bool:
    """JSON Schema's ``date`` format, as jsonschema's format checker judges it."""
    if not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


class SchemaChecker:
    """Validators for every schema of the repository, each compiled once, when first used.

    A schema is checked against the JSON Schema metaschema (with the schemas it refers to)
    before its first use, so checking two named files does not pay for all the others.
    With ``marks`` (the repository's cache), a schema whose text passed that check before,
    with the same jsonschema, is not checked again.
    """

    def __init__(
        self,
        schemas: Mapping[str, Mapping[str, Any]],
        value_labels: Mapping[str, Mapping[str, Text]] | None = None,
        marks: Marks | None = None,
    ) -> None:
        self._value_labels = value_labels or {}
        self._schemas = with_base_ids(schemas)
        self._marks = marks
        self._checked: set[str] = set()
        self._inlined: dict[str, Any] = {}
        self._fast: dict[str, Any] = {}
        self._validators: dict[str, Any] = {}
        self._judge: Any = None

    def has(self, name: str) -> bool:
        return name in self._schemas

    def _ensure_checked(self, name: str) -> None:
        pending = [name]
        while pending:
            current = pending.pop()
            if current in self._checked or current not in self._schemas:
                continue
            self._check_schema(current)
            self._checked.add(current)
            pending.extend(referenced(self._schemas[current]))

    def _check_schema(self, name: str) -> None:
        schema = self._schemas[name]
        key = _metaschema_key(schema) if self._marks is not None else ""
        if key and self._marks is not None and self._marks.has(key):
            return
        from generator.check.explain import check_schema  # loads jsonschema

        check_schema(name, schema)
        if key and self._marks is not None:
            self._marks.add(key)

    def compile(self, name: str) -> None:
        """Check and compile ``schemas/<name>`` for the first pass (KeyError if there is
        none); the Python validator is compiled when a document first needs it."""
        if name not in self._inlined:
            schema = self._schemas[name]
            self._ensure_checked(name)
            self._fast[name] = fast_validator(
                inline := inline_refs(schema, self._schemas, name), self._schemas, is_date
            )
            self._inlined[name] = inline

    def validator(self, name: str) -> Any:
        """The Python validator of ``schemas/<name>`` (KeyError if there is none)."""
        if name not in self._validators:
            self.compile(name)
            if self._judge is None:
                from generator.check.explain import Judge

                self._judge = Judge(self._schemas)
            self._validators[name] = self._judge.validator(self._inlined[name])
        return self._validators[name]

    def has_first_pass(self, name: str) -> bool:
        """Whether ``schemas/<name>`` compiled for jsonschema-rs (else Python judges alone)."""
        self.compile(name)
        return self._fast[name] is not None

    def check(self, name: str, data: Any) -> list[Finding]:
        self.compile(name)
        fast = self._fast[name]
        if fast is not None and passes(fast, data):
            return []
        return self.explain(name, data)

    def explain(self, name: str, data: Any) -> list[Finding]:
        """Every problem the Python validator finds (no first pass)."""
        from generator.check.explain import findings, with_hints

        found = findings(self.validator(name), data)
        return [with_hints(f, self._schemas[name], self._value_labels) for f in found]


def _metaschema_key(schema: Mapping[str, Any]) -> str:
    """What the metaschema check of ``schema`` depends on: its text and the installed
    jsonschema ("" when that cannot be told: then the check is not remembered)."""
    installed = _installed(CHECKER_PACKAGES)
    if not installed:
        return ""
    text = json.dumps(schema, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"metaschema {installed} {text}".encode()).hexdigest()


#: The packages the metaschema check runs on (the validator, the metaschemas, references).
CHECKER_PACKAGES = ("jsonschema", "jsonschema_specifications", "referencing")


@cache
def _installed(packages: tuple[str, ...]) -> str:
    """A digest of the installed files of ``packages``, from each wheel's RECORD (which
    lists every file with its SHA-256), found without importing them ("" if one is not)."""
    records = []
    for package in packages:
        spec = find_spec(package)
        if spec is None or spec.origin is None:
            return ""
        found = list(Path(spec.origin).parent.parent.glob(f"{package}-*.dist-info/RECORD"))
        if len(found) != 1:
            return ""
        records.append(found[0].read_bytes())
    return hashlib.sha256(b"\0".join(records)).hexdigest()
