"""Standard tools resolve our schemas offline: no ``$id`` points at a host, and every
``$ref`` is relative to the schema file (``check-jsonschema`` with no extra flags)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from testing.repo import REPO_ROOT

CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")
CASES = [
    ("treaties-in-force.schema.json", "submissions/2025/energy/treaties-in-force.yaml"),
    ("meeting-report.schema.json",
     "submissions/2025/justice/meeting-reports/2025-02-19-turkish-justice-delegation.yaml"),
]  # fmt: skip


def test_no_schema_names_a_host() -> None:
    for path in sorted((REPO_ROOT / "schemas").glob("*.json")):
        assert "$id" not in json.loads(path.read_text(encoding="utf-8")), path.name


@pytest.mark.parametrize(("schema", "submission"), CASES)
def test_check_jsonschema_validates_a_submission_with_no_network(
    schema: str, submission: str
) -> None:
    blocked = {
        **os.environ,
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "HTTP_PROXY": "http://127.0.0.1:9",
    }
    done = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--schemafile", f"schemas/{schema}", submission],
        cwd=REPO_ROOT, env=blocked, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok -- validation done" in done.stdout


def test_check_jsonschema_still_finds_a_mistake(tmp_path: Path) -> None:
    bad = tmp_path / "treaties-in-force.yaml"
    text = (REPO_ROOT / CASES[0][1]).read_text(encoding="utf-8")
    bad.write_text(text.replace("period: 2025", "period: twenty", 1), encoding="utf-8")
    done = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--schemafile", "schemas/" + CASES[0][0], str(bad)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1 and "twenty" in done.stdout
