"""A repository opened for work: its forms, compiled schemas and registries, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.check.schema import SchemaChecker
from generator.errors import UsageError
from generator.forms import FormSet, load_forms
from generator.registry import Registry, load_registry


@dataclass(frozen=True)
class Project:
    root: Path
    forms: FormSet
    registry: Registry
    checker: SchemaChecker


def open_project(root: Path) -> Project:
    root = root.resolve()
    if not (root / "schemas").is_dir():
        raise UsageError(f"{root} is not a Treaty Reports repository (no schemas/ folder)")
    forms = load_forms(root)
    return Project(
        root=root,
        forms=forms,
        registry=load_registry(root),
        checker=SchemaChecker(forms.schemas),
    )
