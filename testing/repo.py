"""Throwaway repositories for tests: copies of the real schemas and registries in tmp_path."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

from generator.check.project import Project
from generator.check.schema import SchemaChecker
from generator.forms import FormSet, load_forms
from generator.registry import load_registry

REPO_ROOT = Path(__file__).resolve().parents[1]
COPIED = ("schemas", "registry")


def make_repo(dest: Path) -> Path:
    """A repository at ``dest`` with the real ``schemas/`` and ``registry/`` and an empty
    ``submissions/``. Returns ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        shutil.copytree(REPO_ROOT / name, dest / name)
    (dest / "submissions").mkdir(exist_ok=True)
    return dest


def write(root: Path, rel: str, content: str | bytes) -> Path:
    """Write ``content`` at ``root/rel`` (text as UTF-8), creating folders."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@cache
def _compiled() -> tuple[FormSet, SchemaChecker]:
    forms = load_forms(REPO_ROOT)
    return forms, SchemaChecker(forms.schemas, forms.value_labels)


def quick_project(root: Path) -> Project:
    """Like :func:`generator.check.project.open_project` for a repository made by
    :func:`make_repo`, reusing the forms and compiled schemas (they are the same copies)
    and reading the registries afresh."""
    forms, checker = _compiled()
    root = root.resolve()
    return Project(root=root, forms=forms, registry=load_registry(root), checker=checker)


def real_forms() -> FormSet:
    """The repository's own form descriptions and schemas, loaded once."""
    return _compiled()[0]


def head(kind: str, period: int, body: str) -> str:
    """The first lines every submission starts with."""
    return f"form: {kind}\nperiod: {period}\nbody: {body}\n"


def annual(kind: str, period: int, body: str, extra: str = "") -> dict[str, str]:
    """An annual form's file for ``body`` and ``period``, at its place."""
    return {f"submissions/{period}/{body}/{kind}.yaml": head(kind, period, body) + extra}


def event(folder: str, kind: str, period: int, body: str, name: str, extra: str) -> dict[str, str]:
    """A per-event file in ``folder`` of ``body``'s period."""
    return {f"submissions/{period}/{body}/{folder}/{name}.yaml": head(kind, period, body) + extra}


#: Annex 1 rows for every treaty the register assigns to the water ministry and that is in
#: force in 2025: a file of water's for 2025 needs them all (TR318).
WATER_TREATIES_2025 = (
    "kz-cn-2001-transboundary-rivers",
    "unece-1992-water-convention",
    "kz-uz-2022-water-management",
    "kz-kg-2000-chu-talas-facilities",
)


def water_annex1(extra: str = "") -> str:
    """``annex1:`` with one plain row per treaty of :data:`WATER_TREATIES_2025`, then ``extra``."""
    rows = "".join(
        f"  - treaty: {treaty}\n    obligations: {{ru: Обмен данными.}}\n"
        "    measures: [{text: {ru: Проведено.}}]\n    status: implemented\n"
        for treaty in WATER_TREATIES_2025
    )
    return "annex1:\n" + rows + extra
