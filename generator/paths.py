"""Where a file lives says what it is: period, body and kind come from its path.

- annual kinds: ``submissions/<period>/<body>/<kind>.yaml``
- event kinds:  ``submissions/<period>/<body>/<folder>/<YYYY-MM-DD>-<slug>.yaml``
- registries:   ``registry/<name>.yaml``, checked by ``schemas/registry-<name>.schema.json``
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.forms import FormSet
from generator.model import Cadence

_ANNUAL = re.compile(r"^submissions/(?P<period>\d{4})/(?P<body>[^/]+)/(?P<kind>[^/]+)\.yaml$")
_EVENT = re.compile(
    r"^submissions/(?P<period>\d{4})/(?P<body>[^/]+)/(?P<folder>[^/]+)/"
    r"(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>[a-z0-9][a-z0-9-]*)\.yaml$"
)
# An event file in a known place whose name breaks the rule (Cyrillic, spaces, capitals).
_LOOSE_EVENT = re.compile(r"^submissions/\d{4}/[^/]+/[^/]+/\d{4}-\d{2}-\d{2}-[^/]*\.yaml$")
_REGISTRY = re.compile(r"^registry/(?P<name>[a-z0-9-]+)\.yaml$")


@dataclass(frozen=True)
class FilePlace:
    """What a path says about its file. ``period`` and ``body`` are None for registries."""

    kind: str
    period: int | None = None
    body: str | None = None
    event_date: dt.date | None = None
    slug: str | None = None

    @property
    def is_registry(self) -> bool:
        return self.kind.startswith("registry-")


@dataclass(frozen=True)
class PathError:
    """Why a path fits no layout; ``detail`` is a code for the message catalogue."""

    detail: str


def _event(rel: str, forms: FormSet) -> FilePlace | PathError | None:
    match = _EVENT.match(rel)
    if not match:
        return None
    form = forms.by_folder(match["folder"])
    if form is None:
        return PathError("unknown-folder")
    try:
        day = dt.date.fromisoformat(match["date"])
    except ValueError:
        return PathError("bad-date")
    return FilePlace(form.kind, int(match["period"]), match["body"], day, match["slug"])


def place_of(rel: str, forms: FormSet, schemas: set[str]) -> FilePlace | PathError:
    registry = _REGISTRY.match(rel)
    if registry:
        kind = f"registry-{registry['name']}"
        return FilePlace(kind) if f"{kind}.schema.json" in schemas else PathError("registry")
    annual = _ANNUAL.match(rel)
    if annual:
        form = forms.get(annual["kind"])
        if form is None or form.cadence is not Cadence.ANNUAL:
            return PathError("unknown-kind")
        return FilePlace(form.kind, int(annual["period"]), annual["body"])
    event = _event(rel, forms)
    if event is not None:
        return event
    return PathError("event-name" if _LOOSE_EVENT.match(rel) else "layout")
