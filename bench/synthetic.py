"""The synthetic national-scale repository every benchmark measures.

A country's repository reaches about 60 bodies x 10 years, about 100k entries.
:func:`build` writes such a repository (``scale`` 1; smaller scales keep fewer bodies) into
a folder and makes it a git checkout. With ``history=True`` the files arrive on ``main``
through back-dated pull requests merged with merge commits, written in ONE
``git fast-import`` stream (see :mod:`synthetic_git`), as ``treaty demo`` does, so
``treaty status`` and ``treaty report`` read a realistic first-parent history.

The MFA (``mfa``) files none of its own reports (they show as missing); it asks the other
bodies for reports on every other event (point 46). A request finds its report by file
name, by end date, or not at all (never filed), so ``treaty status`` matches requests to
reports.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from synthetic_git import write_history

REPO_ROOT = Path(__file__).resolve().parents[1]
BODIES = 60
YEARS = tuple(range(2016, 2026))
ANNEX1_ROWS = 120
ANNEX3_ROWS = 20
SIGNED = 10
EVENTS = 16
# The MFA asks for a report on every other event (point 46): found by file name, found by
# end date, or (one in three) never answered.
MFA = "mfa"
REQUEST_EVERY = 2
SCHEMA_LINE = "# yaml-language-server: $schema={up}schemas/{kind}.schema.json\n"
# The registers copied from this repository as they are (the duty rules, for status).
COPIED_REGISTERS = ("registry/duties.yaml",)


@dataclass(frozen=True)
class Synthetic:
    """A built repository: its folder and every submission's relative path."""

    root: Path
    bodies: int
    years: tuple[int, ...]
    written: tuple[str, ...]
    merges: int = 0

    @property
    def submission_bytes(self) -> int:
        return sum(p.stat().st_size for p in (self.root / "submissions").rglob("*.yaml"))


def bodies_for(scale: float) -> int:
    """How many of the 60 bodies a scale keeps (at least one)."""
    return max(1, round(BODIES * scale))


def _text(kk: str, ru: str) -> str:
    return "{kk: " + kk + ", ru: " + ru + "}"


def _bodies_yaml(codes: list[str]) -> str:
    lines = [
        "bodies:",
        f"  - code: {MFA}",
        "    name: " + _text("Сыртқы істер министрлігі", "Министерство иностранных дел"),
        "    category: ministry",
        f'    maintainers: ["@bench/{MFA}"]',
        "    consolidator: true",
        "    verified: false",
    ]
    for code in codes:
        lines += [
            f"  - code: {code}",
            "    name: " + _text(f"Министрлік {code}", f"Министерство {code}"),
            "    category: ministry",
            f'    maintainers: ["@bench/{code}"]',
            "    verified: false",
        ]
    return "\n".join(lines) + "\n"


def _treaty(treaty_id: str, body: str, in_force: str) -> list[str]:
    return [
        f"  - id: {treaty_id}",
        "    title: " + _text(f"Келісім {treaty_id}", f"Соглашение {treaty_id}"),
        "    level: intergovernmental",
        "    kind: bilateral",
        "    parties: [KZ, CN]",
        '    signed: {date: "1999-05-01", place: {ru: Астана}}',
        f"    in_force: {in_force}",
        f"    bodies: [{body}]",
        "    area: other",
    ]


def _treaties_yaml(codes: list[str]) -> str:
    lines = ["illustrative: true", "treaties:"]
    for code in codes:
        for n in range(ANNEX1_ROWS):
            lines += _treaty(f"{code}-force-{n:03d}", code, '"2000-01-01"')
        for n in range(SIGNED):
            lines += _treaty(f"{code}-signed-{n:03d}", code, "null")
    return "\n".join(lines) + "\n"


def _annual(kind: str, year: int, body: str) -> str:
    return SCHEMA_LINE.format(up="../../../", kind=kind) + (
        f"form: {kind}\nperiod: {year}\nbody: {body}\n"
    )


def _treaties_in_force(year: int, body: str) -> str:
    rows = ["annex1:"]
    for n in range(ANNEX1_ROWS):
        rows += [
            f"  - treaty: {body}-force-{n:03d}",
            "    obligations: " + _text("Деректер алмасу.", "Обмен данными."),
            "    measures:",
            f'      - date: "{year}-05-20"',
            "        text: " + _text("Деректер алмасу жүргізілді.", "Проведён обмен данными."),
            "    status: implemented",
        ]
    rows.append("annex3:")
    for n in range(ANNEX3_ROWS):
        rows += [
            f"  - treaty: {body}-force-{n:03d}",
            "    mechanism: " + _text("Бірлескен комиссия", "Совместная комиссия"),
            f'    meetings: [{{date: "{year}-09-10", place: {{ru: Урумчи}}, level: {{ru: Вице}}}}]',
            "    results: " + _text("Хаттамаға қол қойылды.", "Подписан протокол."),
        ]
    return _annual("treaties-in-force", year, body) + "\n".join(rows) + "\n"


def _domestic(year: int, body: str) -> str:
    rows = ["annex4:"]
    for n in range(SIGNED):
        rows += [
            f"  - treaty: {body}-signed-{n:03d}",
            "    procedure: ratification",
            "    stage: parliament",
            f'    stage_date: "{year}-10-01"',
            f'    expected_completion: "{year + 1}-03-31"',
        ]
    return _annual("domestic-procedures", year, body) + "\n".join(rows) + "\n"


def _event(day: dt.date, body: str) -> str:
    return SCHEMA_LINE.format(up="../../../../", kind="event-report") + "\n".join(
        [
            f"form: event-report\nperiod: {day.year}\nbody: {body}",
            "title: " + _text("Конференция", "Конференция"),
            f'start: "{day.isoformat()}"',
            f'end: "{day.isoformat()}"',
            "country: KZ",
            "place: " + _text("Астана", "Астана"),
            "participants:",
            "  - side: kazakhstan",
            "    organisation: " + _text("Министрлік", "Министерство"),
            "issues: " + _text("Су бөлу.", "Вододеление."),
            "agreements: " + _text("Келісілді.", "Согласовано."),
            "position: " + _text("Қолдаймыз.", "Поддерживаем."),
            "domain: water",
        ]
    )


def _event_day(year: int, n: int) -> dt.date:
    return dt.date(year, 1, 5) + dt.timedelta(days=20 * n)


def _request(year: int, code: str, n: int) -> tuple[str, str]:
    """The MFA's request for event ``n`` of ``code``: its file name and text."""
    day = _event_day(year, n)
    way = (n // REQUEST_EVERY) % 3  # 0: by file name, 1: by end date, 2: never answered
    end = day if way < 2 else day + dt.timedelta(days=10)  # no event ends that day
    asked = end + dt.timedelta(days=1)
    lines = [
        f"form: report-request\nperiod: {year}\nbody: {MFA}",
        f'requested_on: "{asked.isoformat()}"',
        f"requested_body: {code}",
        "event: " + _text("Конференция", "Конференция"),
        f'event_end: "{end.isoformat()}"',
    ]
    if way == 0:
        lines.append(f"event_file: {day.isoformat()}-forum-{n}.yaml")
    elif way == 2:
        lines.append(f"event_file: {end.isoformat()}-forum-{n}.yaml")
    name = f"report-requests/{asked.isoformat()}-{code}-forum-{n}.yaml"
    text = "\n".join(lines) + "\n"
    return name, SCHEMA_LINE.format(up="../../../../", kind="report-request") + text


def _requests(year: int, codes: list[str]) -> dict[str, str]:
    """The MFA's report requests of one year, by path inside its folder."""
    return dict(_request(year, code, n) for code in codes for n in range(0, EVENTS, REQUEST_EVERY))


def _submissions(year: int, code: str) -> dict[str, str]:
    """One body's files for one year, by path inside its folder."""
    files = {
        "treaties-in-force.yaml": _treaties_in_force(year, code),
        "domestic-procedures.yaml": _domestic(year, code),
    }
    for n in range(EVENTS):
        day = _event_day(year, n)
        files[f"event-reports/{day.isoformat()}-forum-{n}.yaml"] = _event(day, code)
    return files


def _registers(root: Path, codes: list[str]) -> None:
    shutil.copytree(REPO_ROOT / "schemas", root / "schemas")
    (root / "registry").mkdir()
    (root / "registry/bodies.yaml").write_text(_bodies_yaml(codes), encoding="utf-8")
    (root / "registry/treaties.yaml").write_text(_treaties_yaml(codes), encoding="utf-8")
    for rel in COPIED_REGISTERS:
        shutil.copyfile(REPO_ROOT / rel, root / rel)


def _write(folder: Path, files: dict[str, str]) -> list[str]:
    """Write one body's files of one year; their paths relative to the repository."""
    written = []
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
        written.append((folder / name).relative_to(folder.parents[2]).as_posix())
    return written


def build(
    root: Path, bodies: int, years: tuple[int, ...] = YEARS, history: bool = False
) -> Synthetic:
    """Write the synthetic repository into the empty folder ``root``."""
    codes = [f"body-{n:02d}" for n in range(1, bodies + 1)]
    _registers(root, codes)
    written: list[str] = []
    for year in years:
        by_body = {code: _submissions(year, code) for code in codes}
        by_body[MFA] = _requests(year, codes)
        for code, files in by_body.items():
            written += _write(root / "submissions" / str(year) / code, files)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    merges = write_history(root, written) if history else 0
    return Synthetic(root, bodies, years, tuple(written), merges)
