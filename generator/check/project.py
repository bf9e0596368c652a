"""A repository opened for work: its forms, compiled schemas and registries, loaded once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from generator.check.schema import SchemaChecker
from generator.errors import UsageError
from generator.forms import FormSet, load_forms
from generator.load.cache import Marks, ParseCache, cache_folder
from generator.registry import Registry, load_registry

T = TypeVar("T")


@dataclass(frozen=True)
class Project:
    root: Path
    forms: FormSet
    registry: Registry
    checker: SchemaChecker
    # The registers as parsed when the project was opened (validating them reuses them).
    parsed: ParseCache = field(default_factory=lambda: ParseCache(None), compare=False)
    # What later stages derive from the project once (the duty rules, say): it lives and
    # dies with this object, so a new ``open_project`` always starts fresh.
    _derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def derived(self, key: str, make: Callable[[Project], T]) -> T:
        """``make(self)``, computed once for this project."""
        if key not in self._derived:
            self._derived[key] = make(self)
        return cast(T, self._derived[key])


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
        checker=SchemaChecker(forms.schemas, forms.value_labels, Marks(cache_folder(root))),
        parsed=parsed,
    )
