"""Issue 15, finding 12: an incomplete report is refused, not passed with 0 errors.

Each case is replayed on a copy of the demo repository through ``treaty validate``: a
treaty the register assigns to the body left out of Annex 1 (point 2.1) or Annex 4 (point
2.2), ``annex1: []``, a measure dated years outside the period, and last year's file copied
with only the period changed.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from generator.check.project import open_project
from generator.check.validate import check_text
from generator.drafts import make_draft, resolve_target
from generator.registry import treaties_for

TREATY = Path(sys.executable).parent / "treaty"
TODAY = dt.date(2026, 1, 5)
ENERGY = "submissions/2025/energy/treaties-in-force.yaml"
ENERGY_DP = "submissions/2025/energy/domestic-procedures.yaml"


def _validate(repo: Path, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(TREATY), "validate", "--repo", str(repo), "--lang", lang],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _edit(repo: Path, rel: str, change: object) -> None:
    path = repo / rel
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _lines(out: str, code: str) -> list[str]:
    return [line for line in out.splitlines() if f" {code} " in line]


def test_a_treaty_in_force_left_out_of_annex1_is_an_error_naming_it_and_point_2_1(
    copy: Path,
) -> None:
    assert _validate(copy).returncode == 0
    _edit(copy, ENERGY, lambda d: d["annex1"].pop(0))  # ect-1994-energy-charter-treaty
    done = _validate(copy)
    assert done.returncode == 1, done.stdout
    found = _lines(done.stdout, "TR318")
    assert len(found) == 1
    assert found[0].startswith(f"{ENERGY}:") and ": error TR318 " in found[0]
    assert "'ect-1994-energy-charter-treaty'" in found[0] and "2.1" in found[0]
    ru = _lines(_validate(copy, "ru").stdout, "TR318")
    assert "«ect-1994-energy-charter-treaty»" in ru[0] and "подп. 1) п. 2" in ru[0]


def test_an_empty_annex1_lists_every_treaty_the_body_has(copy: Path) -> None:
    _edit(copy, ENERGY, lambda d: d.update(annex1=[]))
    done = _validate(copy)
    assert done.returncode == 1
    named = {re.search(r"'([a-z0-9-]+)'", line)[1] for line in _lines(done.stdout, "TR318")}  # type: ignore[index]
    project = open_project(copy)
    form = project.forms.get("treaties-in-force")
    assert form is not None
    wanted = {t.id for t in treaties_for(project.registry, form, "energy", 2025)}
    assert named == wanted and len(wanted) == 4


def test_a_signed_treaty_left_out_of_annex4_is_an_error_naming_it_and_point_2_2(
    copy: Path,
) -> None:
    def drop(data: dict[str, Any]) -> None:
        data["annex4"] = [r for r in data["annex4"] if r["treaty"] != "kz-kg-uz-2025-kambarata-hpp"]

    _edit(copy, ENERGY_DP, drop)
    done = _validate(copy)
    assert done.returncode == 1
    found = _lines(done.stdout, "TR319")
    assert len(found) == 1 and "'kz-kg-uz-2025-kambarata-hpp'" in found[0] and "2.2" in found[0]


def test_a_measure_years_outside_the_period_is_a_warning(copy: Path) -> None:
    def old(data: dict[str, Any]) -> None:
        data["annex1"][0]["measures"][0]["date"] = "2019-06-12"

    _edit(copy, ENERGY, old)
    done = _validate(copy)
    assert done.returncode == 0, done.stdout
    found = _lines(done.stdout, "TR320")
    assert len(found) == 1 and ": warning TR320 " in found[0] and "2019-06-12" in found[0]


def test_a_meeting_outside_the_period_is_a_warning(copy: Path) -> None:
    rel = "submissions/2025/water/treaties-in-force.yaml"
    _edit(copy, rel, lambda d: d["annex3"][0]["meetings"][0].update(date="2031-09-10"))
    found = _lines(_validate(copy).stdout, "TR320")
    assert len(found) == 1 and found[0].startswith(rel) and "2031-09-10" in found[0]


def test_last_years_file_with_only_the_period_changed_is_a_warning(copy: Path) -> None:
    before = (copy / ENERGY.replace("2025", "2024")).read_text(encoding="utf-8")
    (copy / ENERGY).write_text(before.replace("period: 2024", "period: 2025"), "utf-8")
    done = _validate(copy)
    found = _lines(done.stdout, "TR321")
    assert len(found) == 1 and found[0].startswith(f"{ENERGY}:") and ": warning " in found[0]
    assert "submissions/2024/energy/treaties-in-force.yaml" in found[0]
    # the same data written differently (block style, no comments) is still last year's
    data = yaml.safe_load(before)
    data["period"] = 2025
    (copy / ENERGY).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    assert len(_lines(_validate(copy).stdout, "TR321")) == 1
    # one measure rewritten: a report of its own
    data["annex1"][0]["measures"][0]["text"]["ru"] = "Новая мера."
    (copy / ENERGY).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    assert _lines(_validate(copy).stdout, "TR321") == []


def test_the_draft_treaty_new_writes_lists_exactly_the_treaties_the_check_wants(
    demo_repo: Path,
) -> None:
    """One selection (generator.registry.treaties_for) for the prefilled rows and the check:
    a draft of any body's treaty form has blanks to fill, but no treaty missing."""
    project = open_project(demo_repo)
    checked = 0
    for kind in ("treaties-in-force", "domestic-procedures"):
        form = project.forms.get(kind)
        assert form is not None
        for body in project.registry.bodies.values():
            if not form.allows(body):
                continue
            target = resolve_target(project, kind, body.code, "2025", lang="en", today=TODAY)
            draft = make_draft(project, target, "en")
            codes = {p.code for p in check_text(project, draft.rel, draft.text).problems}
            assert not codes & {"TR318", "TR319"}, (kind, body.code)
            checked += 1
    assert checked >= 10


def test_the_report_names_the_treaty_a_body_left_out_and_shows_the_rest(
    copy: Path, tmp_path: Path
) -> None:
    _edit(copy, ENERGY, lambda d: d["annex1"].pop(0))  # ect-1994-energy-charter-treaty
    out = tmp_path / "annex6.md"
    args = ["report", "--repo", str(copy), "--period", "2025", "--format", "md"]
    done = subprocess.run(
        [str(TREATY), *args, "--lang", "en", "--as-of", "2026-03-01", "-o", str(out)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    section = text.split("## Treaties left out of the bodies", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith(f"| {ENERGY} ")]
    assert len(rows) == 1 and "TR318" in rows[0], section
    assert "ect-1994-energy-charter-treaty" in rows[0] and "Ministry of Energy" in rows[0]
    assert "Every treaty the register assigns" not in text
    assert text.count("China") >= 1  # energy's other Annex 1 entries are still shown
