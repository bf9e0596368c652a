"""Issue 15, findings 1-4: one bad file never stops the line, nothing is counted twice,
nothing is passed over in silence. Each test replays the attack on a copy of the demo."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.cli.main import main
from tests.trust.conftest import AS_OF, ENERGY, unprivileged

TREATY = Path(sys.executable).parent / "treaty"


def _inject(repo: Path, line: str, rel: str = ENERGY) -> int:
    """Put ``line`` after the ``body:`` line of ``rel``; returns its line number."""
    path = repo / rel
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, text in enumerate(lines) if text.startswith("body:")) + 1
    lines.insert(at, line + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return at + 1


def _treaty(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(TREATY), *args], capture_output=True, text=True, timeout=120, check=False
    )


def _report(
    repo: Path, out: Path, fmt: str = "json", lang: str = "en"
) -> subprocess.CompletedProcess[str]:
    args = ["report", "--repo", str(repo), "--period", "2025", "--format", fmt]
    return _treaty(*args, "--as-of", AS_OF, "-o", str(out), "--lang", lang)


@pytest.mark.parametrize(
    "value",
    ["!!int abc", "!!int 1.5", "!!float ''", "!!bool maybe", "!!timestamp x", "1" * 4301],
)
def test_a_value_its_tag_cannot_hold_is_one_problem_not_a_stop(
    copy: Path, tmp_path: Path, value: str
) -> None:
    line = _inject(copy, f"note: {value}")
    checked = _treaty("validate", "--repo", str(copy), "--lang", "en")
    assert checked.returncode == 1, checked.stderr
    assert "Traceback" not in checked.stderr + checked.stdout
    assert "internal error" not in checked.stderr
    code = "TR104" if "timestamp" in value else "TR109"
    assert f"{ENERGY}:{line}:7: error {code}" in checked.stdout
    errors = [x for x in checked.stdout.splitlines() if ": error " in x]
    assert len(errors) == 1  # the other files are still checked, and pass
    status = _treaty("status", "--repo", str(copy), "--as-of", AS_OF, "--format", "json")
    assert status.returncode == 0, status.stderr
    listed = json.loads(status.stdout)["excluded"]  # received, and left out, with the reason
    assert [(x["file"], x["entries"]) for x in listed] == [(ENERGY, [])]
    assert [(p["line"], p["code"]) for p in listed[0]["problems"]] == [(line, code)]
    assert (
        f"line {line}, column 7 ({code})"
        in _treaty("status", "--repo", str(copy), "--as-of", AS_OF, "--lang", "en").stdout.split(
            "Left out of the report and the site until corrected", 1
        )[1]
    )
    built = _report(copy, tmp_path / "r.json")
    assert built.returncode == 0, built.stderr
    assert "1 file(s) excluded" in built.stderr
    excluded = json.loads((tmp_path / "r.json").read_text("utf-8"))["excluded"]
    assert [(e["file"], e["code"]) for e in excluded] == [(ENERGY, code)]


def test_escaped_control_characters_are_refused_and_outputs_stay_clean(
    copy: Path, tmp_path: Path
) -> None:
    rel = "submissions/2025/water/treaties-in-force.yaml"
    text = (copy / rel).read_text(encoding="utf-8")
    first_ru = next(x for x in text.splitlines() if x.strip().startswith("ru: "))
    evil = first_ru.split("ru: ", 1)[0] + 'ru: "x\\x00 \\e[31m \\a \\uFFFE"'
    (copy / rel).write_text(text.replace(first_ru, evil, 1), encoding="utf-8")
    checked = _treaty("validate", "--repo", str(copy), "--lang", "en", rel)
    assert checked.returncode == 1
    assert "error TR110" in checked.stdout and "U+0000 (NUL)" in checked.stdout
    assert "\x1b" not in checked.stdout and "\x00" not in checked.stdout
    for fmt in ("xlsx", "html"):
        built = _report(copy, tmp_path / f"r.{fmt}", fmt)
        assert built.returncode == 0, built.stderr
    page = (tmp_path / "r.html").read_text("utf-8")
    assert not any(c in page for c in "\x00\x1b\x07\ufffe")
    assert rel in page  # listed as excluded


def test_a_register_text_with_control_characters_cannot_break_xlsx_or_html(
    copy: Path, tmp_path: Path
) -> None:
    """The registers are read whatever their problems: the writers must cope."""
    treaties = copy / "registry/treaties.yaml"
    text = treaties.read_text(encoding="utf-8")
    used = (copy / ENERGY).read_text(encoding="utf-8").split("treaty: ", 1)[1].split()[0]
    _head, title = text.split(f"- id: {used}\n", 1)[1].split("\n", 1)[0].split("ru: ", 1)
    evil = '"=HYPERLINK(1)\\x00\\e[31m\\u202e\\uFFFE"'
    treaties.write_text(text.replace(title, f"{evil}, en: x}}", 1), encoding="utf-8")
    for fmt in ("xlsx", "html"):
        built = _report(copy, tmp_path / f"r.{fmt}", fmt, lang="ru")
        assert built.returncode == 0, built.stderr
    page = (tmp_path / "r.html").read_text("utf-8")
    assert "=HYPERLINK(1)&lt;U+0000&gt;&lt;U+001B&gt;[31m" in page
    assert not any(c in page for c in "\x00\x1b\u202e\ufffe")
    raw = (tmp_path / "r.xlsx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        xml = b"".join(archive.read(n) for n in archive.namelist())
    assert b"\x00" not in xml and b"\x1b" not in xml
    load_workbook(io.BytesIO(raw))  # the workbook opens


def test_yml_beside_yaml_is_refused_and_counted_once(copy: Path, tmp_path: Path) -> None:
    before = _report(copy, tmp_path / "before.json")
    assert "62/62 entries" in before.stderr
    twin = copy / "submissions/2025/energy/treaties-in-force.yml"
    twin.write_bytes((copy / ENERGY).read_bytes())
    checked = _treaty("validate", "--repo", str(copy), "--lang", "en")
    assert checked.returncode == 1
    assert f"{twin.relative_to(copy)}:1:1: error TR008" in checked.stdout
    assert f"Did you mean '{ENERGY}'?" in checked.stdout
    after = _report(copy, tmp_path / "after.json")
    assert after.returncode == 0 and "62/62 entries, 1 file(s) excluded" in after.stderr


@pytest.mark.parametrize(
    ("name", "detail"),
    [
        ("treaties-in-force.json", "not a .yaml report"),
        ("x.yaml.txt", "not a .yaml report"),
        ("activity-plan.yaml ", "starts or ends with a space"),
        ("README", "not a .yaml report"),
        ("treaties-in-force.YAML", "not written in small letters"),
    ],
)
def test_no_file_under_submissions_is_skipped_in_silence(
    copy: Path, name: str, detail: str
) -> None:
    rel = f"submissions/2025/energy/{name}"
    (copy / rel).write_bytes((copy / ENERGY).read_bytes())
    assert main(["validate", "--repo", str(copy), "--lang", "en"]) == 1
    checked = _treaty("validate", "--repo", str(copy), "--lang", "en")
    assert f"{rel}:1:1: error TR008" in checked.stdout and detail in checked.stdout


def test_an_attached_document_is_not_a_problem(copy: Path) -> None:
    checked = _treaty("validate", "--repo", str(copy), "--lang", "en")
    assert checked.returncode == 0, checked.stdout
    pdf = "submissions/2025/mfa/recommendations/2025-03-28-upr-recommendations.pdf"
    assert (copy / pdf).is_file()
    named = _treaty("validate", "--repo", str(copy), pdf)
    assert named.returncode == 0, named.stdout
    (copy / "submissions/2025/mfa/recommendations/stray.pdf").write_bytes(b"%PDF-1.4\n")
    stray = _treaty("validate", "--repo", str(copy), "--lang", "en")
    assert "recommendations/stray.pdf:1:1: error TR008" in stray.stdout


def test_unreadable_folders_and_files_are_problems(copy: Path) -> None:
    water = copy / "submissions/2025/water"
    energy = copy / ENERGY
    water.chmod(0)
    energy.chmod(0)
    try:
        whole = subprocess.run(
            unprivileged([str(TREATY), "validate", "--repo", str(copy), "--lang", "en"]),
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        named = subprocess.run(
            unprivileged([str(TREATY), "validate", "--repo", str(copy), "--lang", "en",
                          ENERGY, "submissions/2025/water/treaties-in-force.yaml"]),
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    finally:
        water.chmod(0o755)
        energy.chmod(0o644)
    assert whole.returncode == 1, whole.stderr
    assert "submissions/2025/water:1:1: error TR009" in whole.stdout
    assert "the folder cannot be opened" in whole.stdout
    assert f"{ENERGY}:1:1: error TR009" in whole.stdout
    assert named.returncode == 1, named.stderr
    assert "internal error" not in named.stderr
    assert f"{ENERGY}:1:1: error TR009" in named.stdout
    assert "submissions/2025/water/treaties-in-force.yaml:1:1: error TR009" in named.stdout
