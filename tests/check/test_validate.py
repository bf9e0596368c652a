"""The validation pipeline over a repository, and the real repository's own data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.check import validate as validate_module
from generator.check.project import Project, open_project
from generator.check.validate import DocumentsNotKept, check_text, validate
from generator.problems import Severity
from testing.examples import examples, place_example
from testing.fixtures import copy_repo
from testing.repo import REPO_ROOT, quick_project, write

TIF = "submissions/2025/water/treaties-in-force.yaml"
HEAD = "form: treaties-in-force\nperiod: 2025\nbody: water\n"
ROW = (
    "  - treaty: kz-cn-2001-transboundary-rivers\n"
    "    obligations: {ru: Обмен данными.}\n"
    "    measures: [{text: {ru: Проведено.}}]\n"
    "    status: implemented\n"
)
# the rows for water's other treaties in force in 2025 (the register's): Annex 1 lists them
# all (TR318), so a test about one row carries these too
OTHERS = "".join(
    ROW.replace("kz-cn-2001-transboundary-rivers", treaty)
    for treaty in (
        "unece-1992-water-convention",
        "kz-uz-2022-water-management",
        "kz-kg-2000-chu-talas-facilities",
    )
)
VALID = HEAD + "annex1:\n" + ROW + OTHERS


def test_counts_files_and_entries(repo: Path) -> None:
    write(repo, TIF, VALID)
    result = validate(quick_project(repo), [str(repo / TIF)], documents=True)
    assert (result.files_checked, result.entries_checked, result.errors) == (1, 4, 0)
    assert [s.path for s in result.submissions()] == [TIF]
    submission = result.submissions()[0]
    assert (submission.kind, submission.period, submission.body) == (
        "treaties-in-force",
        2025,
        "water",
    )


def test_whole_repository_counts_registry_items_as_entries(repo: Path) -> None:
    write(repo, TIF, VALID)
    result = validate(quick_project(repo))
    registry = [f for f in result.files if f.rel.startswith("registry/")]
    assert registry and all(f.entries > 0 for f in registry)
    assert result.errors == 0


def test_problems_are_sorted_and_invalid_files_give_no_submission(repo: Path) -> None:
    write(
        repo, TIF, HEAD + "annex1:\n" + ROW.replace("implemented", "done") + OTHERS + "extra: 1\n"
    )
    write(repo, "submissions/2025/energy/treaties-in-force.yaml", "[1]\n")
    result = validate(quick_project(repo))
    assert [(p.file, p.code) for p in result.problems] == [
        ("submissions/2025/energy/treaties-in-force.yaml", "TR108"),
        (TIF, "TR203"),
        (TIF, "TR204"),
    ]
    assert result.submissions() == []
    assert len(result.invalid()) == 2


def test_one_problem_per_node(repo: Path) -> None:
    # a date that breaks both the pattern and the format is one problem, not two
    write(
        repo, TIF, HEAD + "annex1:\n" + ROW.replace("{text:", '{date: "2025-5-1", text:') + OTHERS
    )
    result = validate(quick_project(repo), [str(repo / TIF)])
    assert [p.code for p in result.problems] == ["TR205"]


def test_warnings_do_not_make_a_file_invalid(repo: Path) -> None:
    write(
        repo,
        TIF,
        HEAD
        + "annex1:\n"
        + ROW
        + OTHERS
        + ROW.replace("kz-cn-2001-transboundary-rivers", "ect-1994-energy-charter-treaty"),
    )
    result = validate(quick_project(repo), [str(repo / TIF)], documents=True)
    assert [(p.code, p.severity) for p in result.problems] == [("TR314", Severity.WARNING)]
    assert result.errors == 0 and result.warnings == 1
    assert len(result.submissions()) == 1


def test_check_text_without_a_file(project: Project) -> None:
    result = check_text(project, "submissions/2025/water/nonsense.yaml", VALID)
    assert [(p.code, p.args) for p in result.problems] == [("TR006", {"detail": "unknown-kind"})]


def test_yaml_problems_come_before_path_problems(project: Project) -> None:
    result = check_text(project, "elsewhere.yaml", "a: 1\na: 2\n")
    assert [p.code for p in result.problems] == ["TR103"]


def test_request_reference_must_exist(repo: Path) -> None:
    event = "submissions/2025/water/event-reports/2025-04-22-forum.yaml"
    request = "submissions/2025/mfa/report-requests/2025-04-25-forum-report.yaml"
    text = (
        "form: event-report\nperiod: 2025\nbody: water\ntitle: {ru: Форум}\n"
        'start: "2025-04-22"\nend: "2025-04-23"\ncountry: KZ\nplace: {ru: Астана}\n'
        "participants: [{side: kazakhstan, organisation: {ru: МВРИ}}]\n"
        "issues: {ru: Вода.}\nagreements: {ru: Нет.}\nposition: {ru: Да.}\ndomain: water\n"
        "mfa_request: 2025-04-25-forum-report.yaml\n"
    )
    write(repo, event, text)
    first = validate(quick_project(repo), [str(repo / event)])
    assert [(p.code, p.line, p.column) for p in first.problems] == [("TR313", 14, 14)]
    write(repo, request, "form: report-request\n")
    assert validate(quick_project(repo), [str(repo / event)]).problems == ()


def test_malformed_registry_is_reported_not_fatal(repo: Path) -> None:
    text = (REPO_ROOT / "registry/bodies.yaml").read_text(encoding="utf-8")
    text = re.sub(r"maintainers: \[[^\]]*\]", "maintainers: 5", text, count=1)
    write(repo, "registry/bodies.yaml", text)
    result = validate(open_project(repo), [str(repo / "registry/bodies.yaml")])
    assert [p.code for p in result.problems] == ["TR202"]


# --- the repository's own data ------------------------------------------------------------

SUBMISSIONS = sorted((REPO_ROOT / "submissions").rglob("*.yaml"))


def test_the_repository_itself_is_valid() -> None:
    result = validate(open_project(REPO_ROOT))
    assert [f"{p.file}:{p.line}:{p.column} {p.code}" for p in result.problems if p.is_error] == []
    assert result.files_checked > 0 and result.entries_checked > 0


@pytest.mark.parametrize(
    "path", SUBMISSIONS, ids=[p.relative_to(REPO_ROOT).as_posix() for p in SUBMISSIONS]
)
def test_demo_submission_starts_with_its_schema_line(path: Path) -> None:
    project = quick_project(REPO_ROOT)
    rel = path.relative_to(REPO_ROOT).as_posix()
    result = check_text(project, rel, path.read_text(encoding="utf-8"))
    assert result.place is not None
    form = project.forms.get(result.place.kind)
    assert form is not None
    up = "../" * rel.count("/")
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={up}schemas/{form.schema_file}"
    assert (path.parent / up / "schemas" / form.schema_file).resolve().is_file()


# --- the whole repository on every core, documents kept or not --------------------------


def _broken_demo(demo_repo: Path, tmp_path: Path) -> Path:
    """The demo repository with every invalid example that has a path of its own."""
    repo = copy_repo(demo_repo, tmp_path / "repo")
    taken: set[str] = set()
    for example in examples("invalid"):
        if example.path not in taken:
            taken.add(example.path)
            place_example(repo, example)
    return repo


def test_every_core_finds_what_one_finds(
    demo_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _broken_demo(demo_repo, tmp_path)
    monkeypatch.setattr(validate_module, "CHUNK", 7)  # many chunks from a small repository
    one = validate(open_project(repo), processes=1, documents=True)
    two = validate(open_project(repo), processes=2, documents=True)
    assert one.errors > 20 and one.files_checked > 100
    assert two.problems == one.problems
    assert two.files == one.files  # same order, places, entries, problems and documents


def test_documents_are_kept_only_when_asked(demo_repo: Path) -> None:
    project = open_project(demo_repo)
    paths = ["submissions/2025"]
    kept = validate(project, paths, documents=True)
    dropped = validate(project, paths)
    assert [(f.rel, f.problems, f.entries) for f in dropped.files] == [
        (f.rel, f.problems, f.entries) for f in kept.files
    ]
    assert kept.submissions() and all(f.data is None for f in dropped.files)
    with pytest.raises(DocumentsNotKept):
        dropped.submissions()
