"""Issue 15: a bad value excludes its entry, not its file, and the conservation line counts
distinct (period, body, form, entry) keys: submitted = shown + excluded, and a key
submitted twice stops the report.

Replayed on copies of the demo repository through ``treaty report --format json``; the
conservation function itself on made-up keys.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import ConservationError
from generator.report.totals import conserve
from tests.trust.conftest import AS_OF, ENERGY

TREATY = Path(sys.executable).parent / "treaty"


def _report(repo: Path, out: Path, fmt: str = "json") -> subprocess.CompletedProcess[str]:
    args = ["report", "--repo", str(repo), "--period", "2025", "--format", fmt, "--lang", "en"]
    return subprocess.run(
        [str(TREATY), *args, "--as-of", AS_OF, "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _tables(path: Path) -> dict[str, list[dict[str, object]]]:
    found = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in found.items() if k != "report"}


def _energy_entries(tables: dict[str, list[dict[str, object]]]) -> list[str]:
    return sorted(
        str(r["entry"]) for r in tables["entries"] if r["file"] == ENERGY and r["table"] == "annex1"
    )


def _second_status(repo: Path, value: str) -> int:
    """Put ``value`` as the status of energy's second Annex 1 row; returns its line."""
    path = repo / ENERGY
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = [i for i, line in enumerate(lines) if line.startswith("  status: ")][1]
    lines[at] = f"  status: {value}\n"
    path.write_text("".join(lines), encoding="utf-8")
    return at + 1


def test_one_bad_value_excludes_its_entry_only_and_lists_it(copy: Path, tmp_path: Path) -> None:
    before = _report(copy, tmp_path / "before.json")
    assert before.returncode == 0, before.stderr
    shown_before = _energy_entries(_tables(tmp_path / "before.json"))
    assert len(shown_before) == 4
    line = _second_status(copy, "finished")
    after = _report(copy, tmp_path / "after.json")
    assert after.returncode == 0, after.stderr
    tables = _tables(tmp_path / "after.json")
    shown = _energy_entries(tables)
    assert len(shown) == 3 and set(shown) < set(shown_before)  # the other three stay
    excluded = [r for r in tables["excluded"] if r["file"] == ENERGY]
    assert [(r["entry"], r["line"], r["code"]) for r in excluded] == [("annex1[1]", line, "TR203")]
    assert "finished" in str(excluded[0]["message"])
    energy = next(
        r for r in tables["totals"] if r["body"] == "energy" and r["form"] == "treaties-in-force"
    )
    assert (energy["received"], energy["shown"], energy["excluded"]) == (5, 5, 1)
    assert "(1 entries excluded), 0 file(s) excluded" in after.stderr


def test_the_report_says_submitted_equals_shown_plus_excluded(copy: Path, tmp_path: Path) -> None:
    _second_status(copy, "finished")
    assert _report(copy, tmp_path / "r.md", "md").returncode == 0
    text = " ".join((tmp_path / "r.md").read_text(encoding="utf-8").split())
    assert "| submissions/2025/energy/treaties-in-force.yaml | annex1\\[1\\] |" in text
    line = (
        r"Entries submitted in the files read: (\d+) = entries shown: (\d+) \+ "
        r"entries excluded \(with an error, listed above\): (\d+)\."
    )
    found = re.search(line, text)
    assert found is not None
    submitted, shown, excluded = (int(g) for g in found.groups())
    assert submitted == shown + excluded and excluded == 1


def test_a_header_error_or_a_file_that_does_not_parse_excludes_the_whole_file(
    copy: Path, tmp_path: Path
) -> None:
    water = "submissions/2025/water/treaties-in-force.yaml"
    text = (copy / water).read_text(encoding="utf-8")
    (copy / water).write_text(text.replace("body: water", "body: energy"), encoding="utf-8")
    (copy / ENERGY).write_text("form: [unclosed\n", encoding="utf-8")
    done = _report(copy, tmp_path / "r.json")
    assert done.returncode == 0, done.stderr
    tables = _tables(tmp_path / "r.json")
    excluded = {str(r["file"]): r for r in tables["excluded"]}
    assert excluded[water]["entry"] == "" and excluded[water]["code"] == "TR301"
    assert excluded[ENERGY]["entry"] == "" and excluded[ENERGY]["code"] == "TR101"
    assert not [r for r in tables["entries"] if r["file"] in (water, ENERGY)]
    assert "0/0" not in done.stderr and "2 file(s) excluded" in done.stderr


KEY = (2025, "energy", "treaties-in-force")


def test_conservation_counts_distinct_keys() -> None:
    a, b, c = (*KEY, "annex1[0]"), (*KEY, "annex1[1]"), (*KEY, "annex1[2]")
    conserve([a, b, c], [a, c], [b])  # balanced: no error
    with pytest.raises(ConservationError, match="annex1\\[2\\] \\(0×\\)"):
        conserve([a, b, c], [a], [b])  # c lost
    with pytest.raises(ConservationError, match="2×"):
        conserve([a, b], [a, b], [b])  # b both shown and excluded
    with pytest.raises(ConservationError, match=r"submitted more than once.*annex1\[0\]"):
        conserve([a, a, b], [a, b], [])  # two files for one body's annual form
