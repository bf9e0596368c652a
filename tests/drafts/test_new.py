"""``treaty new``: a new file at its place whose only problems are its blanks."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from generator.check.project import Project, open_project
from generator.check.validate import check_text
from generator.cli.main import main
from generator.drafts import make_draft, resolve_target
from generator.errors import UsageError
from generator.model import Cadence, Form

TODAY = dt.date(2026, 1, 5)


@pytest.fixture(scope="module")
def demo(demo_repo: Path) -> Project:
    return open_project(demo_repo)


def blank_spots(text: str) -> list[tuple[int, int]]:
    """(line, column) of every '' value in the file (comment lines are not the data)."""
    spots = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("#"):
            continue
        start = line.find("''")
        while start >= 0:
            spots.append((number, start + 1))
            start = line.find("''", start + 2)
    return spots


def filers(project: Project, form: Form) -> list[str]:
    return [code for code, body in project.registry.bodies.items() if form.allows(body)]


def annual_cases(project: Project) -> list[tuple[str, str]]:
    return [
        (form.kind, body)
        for form in project.forms
        if form.cadence is Cadence.ANNUAL
        for body in filers(project, form)
    ]


def expected_treaties(project: Project, form: Form, body: str, period: int) -> list[str]:
    end = dt.date(period, 12, 31)
    found = []
    for treaty in project.registry.treaties.values():
        if body not in treaty.bodies:
            continue
        in_force = treaty.in_force_on is not None and treaty.in_force_on <= end
        signed = treaty.signed_on is not None and treaty.signed_on <= end
        if (form.treaty_status == "in-force" and in_force) or (
            form.treaty_status == "signed-not-in-force" and signed and not in_force
        ):
            found.append(treaty.id)
    return found


@pytest.mark.parametrize("period", [2024, 2025])
def test_every_annual_form_and_body_of_the_demo_gives_exactly_its_blanks(
    demo: Project, period: int
) -> None:
    cases = annual_cases(demo)
    assert len({kind for kind, _ in cases}) == 5 and len(cases) > 60
    for kind, body in cases:
        target = resolve_target(demo, kind, body, str(period), today=TODAY)
        draft = make_draft(demo, target)
        assert draft.rel == f"submissions/{period}/{body}/{kind}.yaml"
        assert draft.text.startswith(
            f"# yaml-language-server: $schema=../../../schemas/{kind}.schema.json\n"
        )
        found = check_text(demo, draft.rel, draft.text).problems
        spots = blank_spots(draft.text)
        form = demo.forms.forms[kind]
        table = form.entries[0] if form.treaty_status else None
        assert spots or (table and draft.data[table] == []), (kind, body)
        assert sorted((p.line, p.column) for p in found) == sorted(spots), (kind, body)
        assert all(p.is_error and p.code in {"TR202", "TR203", "TR205", "TR212"} for p in found)
        if table:
            rows = yaml.safe_load(draft.text)[table]
            assert [r["treaty"] for r in rows] == expected_treaties(demo, form, body, period)
            for row in rows:
                title = demo.registry.treaties[row["treaty"]].title.get("kk")
                assert f"- treaty: {row['treaty']}  # {title}" in draft.text


def test_the_treaty_rows_are_the_bodys_own_and_fit_the_period(demo: Project) -> None:
    draft = make_draft(demo, resolve_target(demo, "treaties-in-force", "energy", "2025",
                                            today=TODAY))  # fmt: skip
    ids = [row["treaty"] for row in draft.data["annex1"]]
    assert "ect-1994-energy-charter-treaty" in ids and "un-2015-paris-agreement" in ids
    assert draft.data["annex2"] == [] and draft.data["annex3"] == []
    signed = make_draft(demo, resolve_target(demo, "domestic-procedures", "mfa", "2025",
                                             today=TODAY))  # fmt: skip
    assert [r["treaty"] for r in signed.data["annex4"]] == ["kz-mn-2024-visa-free-travel"]
    before = make_draft(demo, resolve_target(demo, "domestic-procedures", "mfa", "2023",
                                             today=TODAY))  # fmt: skip
    assert before.data["annex4"] == []  # signed in 2024: not yet a treaty of 2023
    assert "[]" in before.text and "#" in before.text.split("annex4")[0]


def test_every_event_form_gives_exactly_its_blanks_with_the_date_filled(demo: Project) -> None:
    events = [f for f in demo.forms if f.cadence is Cadence.EVENT]
    assert len(events) == 6
    for form in events:
        body = filers(demo, form)[0]
        target = resolve_target(demo, form.kind, body, "2025", event_date="2025-03-04",
                                slug="kz-cn-forum", today=TODAY)  # fmt: skip
        draft = make_draft(demo, target)
        assert draft.rel == f"submissions/2025/{body}/{form.folder}/2025-03-04-kz-cn-forum.yaml"
        assert draft.text.startswith("# yaml-language-server: $schema=../../../../schemas/")
        assert draft.data[str(form.date_field)] == "2025-03-04"
        found = check_text(demo, draft.rel, draft.text).problems
        assert sorted((p.line, p.column) for p in found) == sorted(blank_spots(draft.text))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_command_writes_the_file_and_never_overwrites(
    demo_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(demo_repo, repo, symlinks=True)
    rel = "submissions/2026/energy/treaties-in-force.yaml"
    code, out, _ = run(capsys, "new", "treaties-in-force", "--body", "energy", "--period",
                       "2026", "--repo", str(repo), "--lang", "en")  # fmt: skip
    assert code == 0 and f"Wrote {rel}" in out
    written = (repo / rel).read_text(encoding="utf-8")
    code, out, _ = run(capsys, "validate", rel, "--repo", str(repo), "--lang", "en")
    assert code == 1 and out.count(": error TR") == len(blank_spots(written))
    (repo / rel).write_text(written + "# my work\n", encoding="utf-8")
    code, out, err = run(capsys, "new", "treaties-in-force", "--body", "energy", "--period",
                         "2026", "--repo", str(repo), "--lang", "en")  # fmt: skip
    assert code == 2 and "already exists" in err and rel in err and out == ""
    assert (repo / rel).read_text(encoding="utf-8").endswith("# my work\n")


WORDS = {
    "kk": ("нысаны жоқ", "органы жоқ", "есепті жыл емес", "--event-date"),
    "ru": ("Формы", "Органа", "не отчётный год", "--event-date"),
    "en": ("There is no form", "There is no body", "not a reporting year", "--event-date"),
}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_usage_errors_speak_the_clerks_language(
    demo_repo: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = ["--repo", str(demo_repo), "--lang", lang]
    calls = [
        ["new", "treaties-in-forse", "--body", "energy", "--period", "2025"],
        ["new", "treaties-in-force", "--body", "enrgy", "--period", "2025"],
        ["new", "treaties-in-force", "--body", "energy", "--period", "25"],
        ["new", "event-report", "--body", "energy", "--period", "2025"],
    ]
    for call, word in zip(calls, WORDS[lang], strict=True):
        code, out, err = run(capsys, *call, *repo)
        assert code == 2 and out == "", call
        assert word in err and "Traceback" not in err, (call, err)
    _, _, err = run(capsys, "new", "treaties-in-forse", "--body", "energy", "--period", "2025",
                    *repo)  # fmt: skip
    assert "treaties-in-force" in err  # did you mean


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (("treaties-in-force", "pm-office", "2025"), "pm-office"),
        (("event-report", "energy", "2025", "2025-13-40", "x"), "2025-13-40"),
        (("event-report", "energy", "2025", "2024-03-04", "x"), "2024-03-04"),
        (("event-report", "energy", "2025", "2025-03-04", "форум КНР"), "форум КНР"),
        (("treaties-in-force", "energy", "2025", "2025-03-04", "x"), "--event-date"),
        (("event-report", "energy", "2025", "2025-03-04", None), "--slug"),
        (("treaties-in-force", "energy", "1999"), "1999"),
    ],
)
def test_what_cannot_be_made_is_refused_with_words(
    demo: Project, args: tuple[str | None, ...], key: str
) -> None:
    kind, body, period, *rest = [*args, None, None][:5]
    with pytest.raises(UsageError) as caught:
        resolve_target(demo, str(kind), str(body), str(period), event_date=rest[0],
                       slug=rest[1], lang="en", today=TODAY)  # fmt: skip
    assert key in str(caught.value)
