"""Every example under tests/examples/ produces exactly the problems its header names.

Each example is placed where it pretends to live (``# path:``) in a throwaway repository
holding the real schemas and registries, and only that file is validated.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.check.validate import validate
from generator.codes import CODES
from generator.i18n import catalogue
from testing.examples import Example, Expected, examples, place_example
from testing.repo import REPO_ROOT, make_repo, quick_project

VALID = examples("valid")
INVALID = examples("invalid")
# Codes no single file can produce with the current schemas, or that need other files.
NOT_FROM_ONE_FILE = {
    "TR207",  # no schema sets maxLength or maxItems on a submission field yet
    "TR321",  # needs last year's file beside it (tests/check/test_completeness.py)
    "TR401",  # deadlines: need the submission history
    "TR402",
}


def _found(repo: Path, example: Example) -> list[Expected]:
    target = place_example(repo, example)
    result = validate(quick_project(repo), [str(target)])
    assert all(p.file == example.path for p in result.problems)
    return sorted(Expected(p.code, p.line, p.column) for p in result.problems)


@pytest.mark.parametrize("example", VALID, ids=[e.id for e in VALID])
def test_valid_example_has_no_problems(repo: Path, example: Example) -> None:
    assert not example.expects, "valid examples carry no '# expect:' lines"
    assert _found(repo, example) == []


@pytest.mark.parametrize("example", INVALID, ids=[e.id for e in INVALID])
def test_invalid_example_gives_exactly_its_problems(repo: Path, example: Example) -> None:
    assert example.expects, "an invalid example names at least one problem"
    assert _found(repo, example) == list(example.expects)


def _said(repo: Path, example: Example, lang: str) -> list[str]:
    target = place_example(repo, example)
    project = quick_project(repo)
    result = validate(project, [str(target)])
    localized = [catalogue(lang).localize(p, project.forms) for p in result.problems]
    return [f"{item.message} {item.hint}" for item in localized]


SAYING = [e for e in INVALID if e.says]


@pytest.mark.parametrize("example", SAYING, ids=[e.id for e in SAYING])
def test_invalid_example_says_what_its_header_says(repo: Path, example: Example) -> None:
    said = " ".join(_said(repo, example, "en"))
    for piece in example.says:
        assert piece in said


# Python's way of printing data: a clerk must never see it.
REPRS = ("{'", "['", "'}", "']", "None", "True", "False")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_no_message_shows_python_reprs(tmp_path: Path, lang: str) -> None:
    for number, example in enumerate(INVALID):
        repo = make_repo(tmp_path / str(number))
        for text in _said(repo, example, lang):
            assert not [r for r in REPRS if r in text], (example.id, text)


def test_there_are_enough_invalid_examples() -> None:
    assert len(INVALID) >= 45


def test_every_single_file_code_has_an_invalid_example() -> None:
    covered = {e.code for example in INVALID for e in example.expects}
    wanted = {c for c in CODES if c[:3] in ("TR0", "TR1", "TR2", "TR3")}
    assert wanted - NOT_FROM_ONE_FILE - covered == set()


def _limits(node: object) -> int:
    """How many maxLength/maxItems keywords a schema has outside ``$defs.slug``."""
    if isinstance(node, list):
        return sum(_limits(item) for item in node)
    if not isinstance(node, dict):
        return 0
    own = sum(1 for key in ("maxLength", "maxItems") if key in node)
    return own + sum(_limits(v) for k, v in node.items() if k != "slug")


def test_tr207_really_cannot_arise_from_the_schemas() -> None:
    """TR207 has no example because no schema limits a length; add one when that changes."""
    schemas = [json.loads(p.read_text()) for p in (REPO_ROOT / "schemas").glob("*.json")]
    assert sum(_limits(s) for s in schemas) == 0
