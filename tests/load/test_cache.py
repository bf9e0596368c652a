from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from generator.check.project import open_project
from generator.check.validate import validate
from generator.load.cache import CACHE_DIR, ParseCache, json_exact
from generator.load.yamlsafe import YamlProblem
from testing.repo import make_repo, write

TEXT = "treaties:\n  - id: a-1\n    n: 3\n    ok: true\n    x: 1.5\n    none: null\n"


def _git_repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


def _cached(root: Path) -> list[Path]:
    folder = root / CACHE_DIR
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_parsed_once_then_read_back_exactly(tmp_path: Path) -> None:
    root = _git_repo(tmp_path)
    first = ParseCache(root).load("registry/treaties.yaml", TEXT)
    assert [p.name for p in _cached(root)] == ["registry--treaties.yaml.json"]
    again = ParseCache(root).load("registry/treaties.yaml", TEXT)
    assert repr(again) == repr(first)


def test_the_stored_result_is_what_a_later_run_gets(tmp_path: Path) -> None:
    root = _git_repo(tmp_path)
    ParseCache(root).load("registry/treaties.yaml", TEXT)
    stored = _cached(root)[0]
    content = json.loads(stored.read_text(encoding="utf-8"))
    content["data"] = {"from": "the cache"}
    stored.write_text(json.dumps(content), encoding="utf-8")
    assert ParseCache(root).load("registry/treaties.yaml", TEXT) == {"from": "the cache"}


def test_an_edited_file_is_parsed_afresh(tmp_path: Path) -> None:
    root = _git_repo(tmp_path)
    ParseCache(root).load("registry/treaties.yaml", TEXT)
    edited = ParseCache(root).load("registry/treaties.yaml", TEXT.replace("a-1", "b-2"))
    assert edited["treaties"][0]["id"] == "b-2"


def test_an_unreadable_cache_is_ignored(tmp_path: Path) -> None:
    root = _git_repo(tmp_path)
    ParseCache(root).load("registry/treaties.yaml", TEXT)
    _cached(root)[0].write_text("{not json", encoding="utf-8")
    assert ParseCache(root).load("registry/treaties.yaml", TEXT)["treaties"][0]["n"] == 3


def test_no_git_folder_no_files(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    root.mkdir()
    assert ParseCache(root).load("registry/treaties.yaml", TEXT)["treaties"][0]["ok"] is True
    assert not (root / ".git").exists()


def test_refused_text_is_refused_every_time(tmp_path: Path) -> None:
    root = _git_repo(tmp_path)
    for _ in range(2):
        with pytest.raises(YamlProblem):
            ParseCache(root).load("registry/treaties.yaml", "a: 1\na: 2\n")
    assert _cached(root) == []


def test_only_what_json_holds_exactly_is_stored(tmp_path: Path) -> None:
    assert json_exact({"a": [1, 1.5, True, None, "x", {"b": []}]})
    assert not json_exact({"a": dt.date(2025, 1, 1)})
    assert not json_exact({"a": (1, 2)})
    assert not json_exact({1: "a"})
    root = _git_repo(tmp_path)
    data = ParseCache(root).load("registry/treaties.yaml", "a: .nan\nb: [1, {c: .inf}]\n")
    assert data["b"][1]["c"] == float("inf")
    assert _cached(root) != []  # floats JSON writes as NaN and Infinity, and reads back
    with pytest.raises(YamlProblem):  # a date is refused (only JSON's types), never stored
        ParseCache(root).load("registry/bodies.yaml", "a: !!timestamp 2025-01-01\n")
    assert [p.name for p in _cached(root)] == ["registry--treaties.yaml.json"]


def test_validate_reports_the_same_from_a_cached_register(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    treaties = (root / "registry/treaties.yaml").read_text(encoding="utf-8")
    first_id = treaties.split("\n- id:", 2)[1].split("\n", 1)[0].strip()
    write(root, "registry/treaties.yaml", treaties + f"- id: {first_id}\n")
    runs = [validate(open_project(root)).problems for _ in range(2)]
    assert _cached(root) != []
    assert "TR310" in [p.code for p in runs[0]]
    assert runs[0] == runs[1]
