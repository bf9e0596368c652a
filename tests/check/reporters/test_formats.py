"""The output formats: compiler-style text, GitHub annotations, exact JSON, Markdown."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.check.reporters import REPORTER_BY_NAME, ReportView
from generator.check.reporters.formats import github, json_report, markdown, text
from generator.check.validate import FileResult, ValidationResult
from generator.cli.main import main
from generator.i18n import catalogue
from generator.problems import Problem, Severity
from testing.repo import real_forms, water_annex1, write

TIF = "submissions/2025/water/treaties-in-force.yaml"
ERROR = Problem(TIF, 14, 7, "$.annex1[0]", "TR201", Severity.ERROR, {"field": "status"})
WARNING = Problem(
    TIF, 20, 13, "$.annex1[1].treaty", "TR314", Severity.WARNING, {"value": "x", "body": "water"}
)
ODD = Problem(
    "submissions/2025/a,b:c/x.yaml", 1, 1, "$", "TR101", Severity.ERROR, {"detail": "50%\nnew"}
)


def _view(*problems: Problem, lang: str = "en", entries: int = 3) -> ReportView:
    files = (FileResult(TIF, None, None, entries, tuple(problems)),)
    return ReportView.of(ValidationResult(files, tuple(problems)), catalogue(lang), real_forms())


def test_reporters_by_name() -> None:
    assert set(REPORTER_BY_NAME) == {"text", "json", "github", "markdown"}


def test_text_is_compiler_style_with_hint_and_summary() -> None:
    lines = text(_view(ERROR, WARNING)).splitlines()
    assert re.fullmatch(
        rf"{TIF}:14:7: error TR201 The required field .*status.* is missing here\.", lines[0]
    )
    assert lines[1].startswith("    how to fix: Add ")
    assert lines[2].startswith(f"{TIF}:20:13: warning TR314 ")
    assert lines[-1] == "Checked 1 file(s) and 3 entries: 1 error(s), 1 warning(s)."


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_text_in_other_languages_keeps_the_machine_parts(lang: str) -> None:
    first = text(_view(ERROR, lang=lang)).splitlines()[0]
    severity = catalogue(lang).label("error")
    assert first.startswith(f"{TIF}:14:7: {severity} TR201 ")
    assert "is missing" not in first


def test_github_annotations() -> None:
    lines = github(_view(ERROR, WARNING, ODD)).splitlines()
    assert lines[0].startswith(f"::error file={TIF},line=14,col=7,title=TR201::")
    assert " — Add " in lines[0]
    assert lines[1].startswith(f"::warning file={TIF},line=20,col=13,title=TR314::")
    assert lines[2].startswith("::error file=submissions/2025/a%2Cb%3Ac/x.yaml,line=1,col=1,")
    assert "50%25%0Anew" in lines[2] and "\n" not in lines[2]


def test_json_is_exactly_the_documented_shape() -> None:
    payload = json.loads(json_report(_view(ERROR, WARNING)))
    assert list(payload) == ["files_checked", "entries_checked", "problems"]
    assert (payload["files_checked"], payload["entries_checked"]) == (1, 3)
    first = payload["problems"][0]
    assert list(first) == ["file", "line", "column", "path", "code", "severity", "message", "hint"]
    assert {k: first[k] for k in ("file", "line", "column", "path", "code", "severity")} == {
        "file": TIF,
        "line": 14,
        "column": 7,
        "path": "$.annex1[0]",
        "code": "TR201",
        "severity": "error",
    }
    assert payload["problems"][1]["severity"] == "warning"
    assert first["message"] and first["hint"]


def test_json_keeps_kazakh_text_readable() -> None:
    assert "\\u" not in json_report(_view(ERROR, lang="kk"))


def test_markdown_escapes_what_a_ministry_wrote() -> None:
    evil = Problem(TIF, 1, 1, "$", "TR303", Severity.ERROR, {"value": "<script>|x"})
    out = markdown(_view(evil))
    assert "<script>" not in out and "&lt;script&gt;\\|x" in out


@pytest.mark.parametrize(
    ("lang", "head"),
    [
        ("kk", "| файл | жол | код | хабарлама | қалай түзету керек |"),
        ("ru", "| файл | строка | код | сообщение | как исправить |"),
        ("en", "| file | line | code | message | how to fix |"),
    ],
)
def test_markdown_column_headers_are_in_the_chosen_language(lang: str, head: str) -> None:
    assert markdown(_view(ERROR, lang=lang)).splitlines()[2] == head


def test_cli_json_file_is_relative_to_the_repository(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo, TIF, "form: treaties-in-force\nperiod: 2024\nbody: water\n" + water_annex1())
    code = main(["validate", "--repo", str(repo), "--format", "json", str(repo / TIF)])
    payload = json.loads(capsys.readouterr().out)
    assert code == 1
    assert payload == {
        "files_checked": 1,
        "entries_checked": 4,
        "problems": [
            {
                "file": TIF,
                "line": 2,
                "column": 9,
                "path": "$.period",
                "code": "TR302",
                "severity": "error",
                "message": payload["problems"][0]["message"],
                "hint": payload["problems"][0]["hint"],
            }
        ],
    }
    assert "2024" in payload["problems"][0]["message"]


def test_cli_github_format(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo, TIF, "form: treaties-in-force\nperiod: 2025\nbody: water\n")
    assert main(["validate", "--repo", str(repo), "--format", "github", "--lang", "ru"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"::error file={TIF},line=1,col=1,title=TR201::")
