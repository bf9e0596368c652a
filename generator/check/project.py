"""A repository opened for work: its forms, compiled schemas and registries, loaded once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.check.schema import SchemaChecker
from generator.errors import UsageError
from generator.forms import FormSet, load_forms
from generator.load.cache import ParseCache
from generator.registry import Registry, load_registry


@dataclass(frozen=True)
class Project:
    root: Path
    forms: FormSet
    registry: Registry
    checker: SchemaChecker
    # The registers as parsed when the project was opened (validating them reuses them).
    parsed: ParseCache = field(default_factory=lambda: ParseCache(None), compare=False)


def open_project(root: Path) -> Project:
    root = root.resolve()
    if not (root / "schemas").is_dir():
        raise UsageError(f"{root} is not a Treaty Reports repository (no schemas/ folder)")
    forms = load_forms(root)
    parsed = ParseCache(root)
    return Project(
        root=root,
        forms=forms,
        registry=load_registry(root, parsed),
        checker=SchemaChecker(forms.schemas),
        parsed=parsed,
    )
