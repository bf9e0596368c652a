from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.load.files import (
    BOM,
    MAX_BYTES,
    REGISTRY_MAX_BYTES,
    SourceFile,
    discover,
    read_text,
)
from generator.problems import Problem
from testing.repo import write

TIF = "submissions/2025/water/treaties-in-force.yaml"


def _codes(problems: list[Problem]) -> list[tuple[str, str]]:
    return [(p.file, p.code) for p in problems]


def test_whole_repository_is_submissions_and_registry_sorted(tmp_path: Path) -> None:
    for rel in (TIF, "submissions/2024/mfa/assessment.yml", "registry/bodies.yaml", "docs/x.yaml"):
        write(tmp_path, rel, "a: 1\n")
    write(tmp_path, "submissions/2025/water/notes.txt", "x")
    files, problems = discover(tmp_path, [])
    assert [f.rel for f in files] == [TIF, "registry/bodies.yaml"]
    assert [(p.file, p.code, p.args["detail"]) for p in problems] == [
        ("submissions/2024/mfa/assessment.yml", "TR008", "ext-yml"),
        ("submissions/2025/water/notes.txt", "TR008", "not-yaml"),
    ]


def test_upper_case_yaml_suffix_is_not_skipped(tmp_path: Path) -> None:
    write(tmp_path, "submissions/2025/water/treaties-in-force.YAML", "a: 1\n")
    files, problems = discover(tmp_path, [])
    assert files == []
    assert _codes(problems) == [("submissions/2025/water/treaties-in-force.YAML", "TR008")]


def test_named_file_relative_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, TIF, "a: 1\n")
    monkeypatch.chdir(tmp_path / "submissions")
    files, problems = discover(tmp_path, ["2025/water/treaties-in-force.yaml"])
    assert [f.rel for f in files] == [TIF] and problems == []


def test_named_folder_expands_to_its_yaml_files(tmp_path: Path) -> None:
    write(tmp_path, TIF, "a: 1\n")
    write(tmp_path, "submissions/2025/energy/treaties-in-force.yaml", "a: 1\n")
    files, _ = discover(tmp_path, [str(tmp_path / "submissions/2025/water")])
    assert [f.rel for f in files] == [TIF]


def test_named_file_twice_is_checked_once(tmp_path: Path) -> None:
    write(tmp_path, TIF, "a: 1\n")
    files, _ = discover(tmp_path, [str(tmp_path / TIF), str(tmp_path / TIF)])
    assert len(files) == 1


@pytest.mark.parametrize("rel", ["docs/x.yaml", "schemas/common.schema.json", "../outside.yaml"])
def test_files_outside_submissions_and_registry_are_refused(tmp_path: Path, rel: str) -> None:
    repo = tmp_path / "repo"
    write(repo, "docs/x.yaml", "a: 1\n")
    files, problems = discover(repo, [str(repo / rel)])
    assert files == []
    assert [p.code for p in problems] == ["TR005"]


def test_symlinked_file_is_refused(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    secret = write(tmp_path, "secret.yaml", "a: 1\n")
    (repo / "submissions/2025/water").mkdir(parents=True)
    (repo / TIF).symlink_to(secret)
    for paths in ([], [str(repo / TIF)]):
        files, problems = discover(repo, paths)
        assert files == [] and _codes(problems) == [(TIF, "TR004")]


def test_symlinked_folder_is_refused_and_not_followed(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    write(tmp_path, "elsewhere/treaties-in-force.yaml", "a: 1\n")
    (repo / "submissions/2025").mkdir(parents=True)
    (repo / "submissions/2025/water").symlink_to(tmp_path / "elsewhere")
    files, problems = discover(repo, [])
    assert files == [] and _codes(problems) == [("submissions/2025/water", "TR004")]
    files, problems = discover(repo, [str(repo / TIF)])
    assert files == [] and _codes(problems) == [(TIF, "TR004")]


def test_a_linked_checked_root_refuses_every_file_under_it(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    write(tmp_path, "elsewhere/2025/water/treaties-in-force.yaml", "a: 1\n")
    write(repo, "registry/bodies.yaml", "a: 1\n")
    (repo / "submissions").symlink_to(tmp_path / "elsewhere")
    files, problems = discover(repo, [])
    assert [f.rel for f in files] == ["registry/bodies.yaml"]
    assert _codes(problems) == [(TIF, "TR004")]
    files, problems = discover(repo, [str(repo / "submissions/2025")])
    assert files == [] and _codes(problems) == [("submissions/2025", "TR004")]


def test_links_are_refused_in_walk_order_with_files_before_folders(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    secret = write(tmp_path, "secret.yaml", "a: 1\n")
    water = repo / "submissions/2025/water"
    write(repo, TIF, "a: 1\n")
    write(repo, "submissions/2025/water/z/event.yaml", "a: 1\n")
    (water / "a-folder").symlink_to(tmp_path)
    (water / "b-file.txt").symlink_to(secret)
    (water / "c-broken.yaml").symlink_to(tmp_path / "nothing")
    for paths in ([], [str(water)], [str(water), str(repo / TIF)]):
        files, problems = discover(repo, paths)
        assert [f.rel for f in files] == [TIF, "submissions/2025/water/z/event.yaml"]
        assert _codes(problems) == [
            ("submissions/2025/water/b-file.txt", "TR004"),
            ("submissions/2025/water/c-broken.yaml", "TR004"),
            ("submissions/2025/water/a-folder", "TR004"),
        ]


def test_wrong_extension_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "submissions/2025/water/report.txt", "x")
    files, problems = discover(tmp_path, [str(tmp_path / "submissions/2025/water/report.txt")])
    assert files == [] and [p.code for p in problems] == ["TR008"]


def _read(tmp_path: Path, content: bytes) -> str | Problem:
    path = write(tmp_path, TIF, content)
    return read_text(SourceFile(TIF, path))


def test_reads_utf8(tmp_path: Path) -> None:
    assert _read(tmp_path, "body: Қазақстан\n".encode()) == "body: Қазақстан\n"


def test_missing_file_cannot_be_read(tmp_path: Path) -> None:
    problem = read_text(SourceFile(TIF, tmp_path / TIF))
    assert isinstance(problem, Problem) and problem.code == "TR009"
    assert problem.args["detail"]


def test_too_large(tmp_path: Path) -> None:
    problem = _read(tmp_path, b"# x\n" * (MAX_BYTES // 4 + 1))
    assert isinstance(problem, Problem)
    assert (problem.code, problem.line, problem.column) == ("TR003", 1, 1)
    assert problem.args == {"size": "1.0", "limit": "1"}


def test_exactly_at_the_limit_is_read(tmp_path: Path) -> None:
    content = b"a: 1\n" + b"#" * (MAX_BYTES - 6) + b"\n"
    assert len(content) == MAX_BYTES
    assert isinstance(_read(tmp_path, content), str)


def test_bom(tmp_path: Path) -> None:
    problem = _read(tmp_path, BOM + b"a: 1\n")
    assert isinstance(problem, Problem) and problem.code == "TR002"


def test_latin1_byte_is_located(tmp_path: Path) -> None:
    problem = _read(tmp_path, "a: 1\nbody: Жcaf".encode() + b"\xe9\n")
    assert isinstance(problem, Problem)
    assert (problem.code, problem.line, problem.column) == ("TR001", 2, 11)
    assert problem.args == {"byte": "0xE9"}


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", b"# only\n  # comments\n"])
def test_empty(tmp_path: Path, content: bytes) -> None:
    problem = _read(tmp_path, content)
    assert isinstance(problem, Problem) and problem.code == "TR007"


def test_registers_may_be_larger_than_reports(tmp_path: Path) -> None:
    content = b"treaties: []\n" + b"# x\n" * (2 * MAX_BYTES // 4)
    path = write(tmp_path, "registry/treaties.yaml", content)
    assert isinstance(read_text(SourceFile("registry/treaties.yaml", path)), str)
    path = write(tmp_path, "registry/treaties.yaml", b"# x\n" * (REGISTRY_MAX_BYTES // 4 + 1))
    problem = read_text(SourceFile("registry/treaties.yaml", path))
    assert isinstance(problem, Problem) and problem.args["limit"] == "16"


def test_a_fifo_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / TIF
    fifo.parent.mkdir(parents=True)
    os.mkfifo(fifo)
    problem = read_text(SourceFile(TIF, fifo))
    assert isinstance(problem, Problem) and problem.code == "TR009"
