"""The submissions in the working tree, as the deadline engine sees them.

Only the path decides kind, period and body. The content is read (strictly, safely) for
the fields some rules need (event dates, ``mfa_participated``, ``domain``); a file whose
YAML cannot be read still counts as submitted, with no fields. ``treaty validate`` reports
what is wrong with it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.check.project import Project
from generator.load.files import discover, read_text
from generator.load.yamlsafe import YamlProblem, load_yaml
from generator.paths import FilePlace, place_of

_PERIOD_DIR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class Filed:
    """One submission file: where it lives and what it says."""

    path: str
    kind: str
    period: int
    body: str
    event_date: dt.date | None = None
    data: Mapping[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0]

    def date(self, name: str | None) -> dt.date | None:
        """The date in field ``name``, or None when absent or not a real date."""
        value = self.data.get(name) if name else None
        try:
            return dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None

    def matches(self, values: Mapping[str, Any]) -> bool:
        return all(self.data.get(k) == v for k, v in values.items())


def _data(text: str) -> Mapping[str, Any]:
    try:
        data = load_yaml(text)
    except YamlProblem:
        return {}
    return data if isinstance(data, dict) else {}


def filed_from(rel: str, place: FilePlace, text: str | None) -> Filed | None:
    if place.is_registry or place.period is None or place.body is None:
        return None
    data = _data(text) if text is not None else {}
    return Filed(rel, place.kind, place.period, place.body, place.event_date, data)


def collect(project: Project, data_kinds: Collection[str] | None = None) -> tuple[Filed, ...]:
    """Every submission file under ``submissions/`` whose path fits a form.

    Only files of ``data_kinds`` (default: every kind) are read for their fields; the
    others are known by their path alone (``data`` empty)."""
    sources, _refused = discover(project.root, ())
    schemas = set(project.forms.schemas)
    found: list[Filed] = []
    for source in sources:
        place = place_of(source.rel, project.forms, schemas)
        if not isinstance(place, FilePlace):
            continue
        wanted = data_kinds is None or place.kind in data_kinds
        text = read_text(source) if wanted else None
        filed = filed_from(source.rel, place, text if isinstance(text, str) else None)
        if filed is not None:
            found.append(filed)
    return tuple(found)


def periods_on_disk(project: Project) -> tuple[int, ...]:
    """Every period that has a ``submissions/<period>/`` folder."""
    base = project.root / "submissions"
    if not base.is_dir():
        return ()
    found = (int(p.name) for p in base.iterdir() if p.is_dir() and _PERIOD_DIR.match(p.name))
    return tuple(sorted(found))
