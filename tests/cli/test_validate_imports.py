"""``treaty validate`` on a few valid files starts fast: it loads no module it does not use.

pre-commit runs it on every commit, so its start-up is most of its time. The Python
validator (jsonschema) is loaded only for a document with a problem, or to check a schema
not checked before (remembered under ``.git/treaty-cache``); the report, site and
spreadsheet packages never.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from testing.repo import REPO_ROOT, make_repo

HEAVY = ("jsonschema", "referencing", "jinja2", "mkdocs", "openpyxl", "pypandoc", "docx", "git")
FILE = "submissions/2025/water/treaties-in-force.yaml"
RUN = """
import json, sys
from generator.cli.main import main
code = main(["validate", "--repo", sys.argv[1], sys.argv[2]])
print(json.dumps({"code": code, "modules": sorted({m.split(".")[0] for m in sys.modules})}))
"""


def _validate(root: Path) -> tuple[int, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(root), FILE], capture_output=True, text=True, check=True
    )
    found = json.loads(done.stdout.splitlines()[-1])
    return found["code"], set(found["modules"])


def _repo(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "repo")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    target = root / FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO_ROOT / FILE, target)
    return root


def test_a_valid_file_is_checked_without_the_heavy_modules(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    code, first = _validate(root)  # checks the schemas against the metaschema once
    assert code == 0 and "jsonschema" in first
    code, modules = _validate(root)
    assert code == 0
    assert sorted(modules & set(HEAVY)) == []


def test_a_file_with_a_problem_loads_the_python_validator(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    _validate(root)
    path = root / FILE
    path.write_text(path.read_text(encoding="utf-8") + "unknown_field: 1\n", encoding="utf-8")
    code, modules = _validate(root)
    assert code == 1 and "jsonschema" in modules
