"""The recorded event payloads are whole payloads: each validates against GitHub's published
webhook schema for its event and action (``@octokit/webhooks-schemas``, installed into
``.tools`` by ``make``). Trimmed by hand, they missed 130-246 required fields each, so code
reading a field real payloads carry went untested.

The payloads were made from the examples of ``@octokit/webhooks-examples`` 7.6.1 with the
names, numbers, times and texts of our tests put in; ``HEAD_SHA`` and ``BASE_SHA`` are
replaced by the tests with real commits.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from testing.repo import REPO_ROOT
from tests.workflows.conftest import FIXTURES

SCHEMA = REPO_ROOT / ".tools/node_modules/@octokit/webhooks-schemas/schema.json"
PAYLOADS = sorted(FIXTURES.glob("*.json"))


@cache
def _definitions() -> dict[str, Any]:
    assert SCHEMA.is_file(), f"{SCHEMA} is missing: `make unit` installs it (npm)"
    data = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return dict(data["definitions"])


def _errors(payload: dict[str, Any], event: str) -> list[str]:
    schema = {"$ref": f"#/definitions/{event}${payload['action']}", "definitions": _definitions()}
    validator = jsonschema.Draft7Validator(schema)
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(payload)
    ]


def test_there_are_payloads_of_each_event_the_workflows_get() -> None:
    names = {p.name.split(".")[0] for p in PAYLOADS}
    assert names == {"pull_request", "issues"} and len(PAYLOADS) >= 4


@pytest.mark.parametrize("path", PAYLOADS, ids=lambda p: p.name)
def test_each_recorded_payload_is_whole(path: Path) -> None:
    payload = json.loads(path.read_text(encoding="utf-8"))
    assert _errors(payload, path.name.split(".")[0]) == []


def test_a_trimmed_payload_is_caught() -> None:
    """The check can fail: a payload missing what GitHub always sends does not pass."""
    payload = json.loads((FIXTURES / "pull_request.opened.json").read_text(encoding="utf-8"))
    trimmed = copy.deepcopy(payload)
    del trimmed["pull_request"]["head"]["repo"]["id"]
    del trimmed["repository"]["owner"]
    found = _errors(trimmed, "pull_request")
    assert any(e.startswith("pull_request/head/repo: ") for e in found)
    assert "repository: 'owner' is a required property" in found
