from __future__ import annotations

from typing import Any

import pytest

from generator.check.meaning import walk
from generator.check.scan import DATE_ORDER, WATCHED, scan
from generator.load.yamlsafe import YamlProblem, load_yaml
from testing.examples import examples
from testing.repo import REPO_ROOT


def _documents() -> list[Any]:
    found = []
    contents = [e.content for e in [*examples("valid"), *examples("invalid")]]
    contents += [p.read_bytes() for p in sorted((REPO_ROOT / "submissions").rglob("*.yaml"))]
    for content in contents:
        try:
            found.append(load_yaml(content.decode("utf-8")))
        except (UnicodeDecodeError, YamlProblem):
            continue
    return found


DOCUMENTS = _documents()
FIRSTS = {first for first, _ in DATE_ORDER}


def test_one_walk_finds_what_the_full_walk_finds_in_the_same_order() -> None:
    assert len(DOCUMENTS) >= 80
    for data in DOCUMENTS:
        everything = list(walk(data))
        watched = [(p, v) for p, v in everything if p and p[-1] in WATCHED]
        dated = [(p, v) for p, v in everything if isinstance(v, dict) and FIRSTS & set(v)]
        found = scan(data)
        assert list(found.watched) == watched
        assert [(p, id(v)) for p, v in found.dated] == [(p, id(v)) for p, v in dated]


@pytest.mark.parametrize(
    "data",
    [
        {"a": {"treaty": "X", "l": [{"treaty": "Z", "start": "1"}]}, "treaty": "Y", "start": "s"},
        [[{"attachment": "a"}], {"mfa_request": 1}],
        "text",
        {},
    ],
)
def test_document_order(data: Any) -> None:
    expected = [(p, v) for p, v in walk(data) if p and p[-1] in WATCHED]
    assert list(scan(data).watched) == expected
    assert [p for p, _ in scan(data).values("treaty")] == [
        p for p, _ in expected if p[-1] == "treaty"
    ]
