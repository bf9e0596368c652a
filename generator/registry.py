"""The registries: bodies (``registry/bodies.yaml``) and treaties (``registry/treaties.yaml``).

Loading is tolerant: a malformed entry is skipped here and reported by ``treaty validate``,
which checks the registry files against their own schemas.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.load.cache import ParseCache
from generator.load.yamlsafe import YamlProblem
from generator.model import Body, Form, Text, Treaty

BODIES_FILE = "registry/bodies.yaml"
TREATIES_FILE = "registry/treaties.yaml"
REGISTRY_KINDS = {BODIES_FILE: "registry-bodies", TREATIES_FILE: "registry-treaties"}


def parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


class Treaties(Mapping[str, Treaty]):
    """The treaty register by id, in the register's order. Each treaty is made from its
    entry when it is first asked for: a country's register holds thousands, and checking a
    few files reads only a body's own."""

    def __init__(self, entries: Mapping[str, Mapping[str, Any]]) -> None:
        self._entries = entries
        self._made: dict[str, Treaty] = {}
        self._by_body: dict[str, list[str]] | None = None

    def __getitem__(self, treaty_id: str) -> Treaty:
        made = self._made.get(treaty_id)
        if made is None:
            made = self._made[treaty_id] = treaty_from_data(self._entries[treaty_id])
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, treaty_id: object) -> bool:
        return treaty_id in self._entries

    def of_body(self, body: str) -> list[Treaty]:
        """The treaties ``body`` reports on, in the register's order."""
        if self._by_body is None:
            self._by_body = {}
            for treaty_id, raw in self._entries.items():
                for code in dict.fromkeys(_strings(raw.get("bodies"))):
                    self._by_body.setdefault(code, []).append(treaty_id)
        return [self[i] for i in self._by_body.get(body, ())]


@dataclass(frozen=True)
class Registry:
    bodies: Mapping[str, Body]
    treaties: Treaties
    illustrative: bool = False
    note: Text = field(default_factory=Text)

    def body_name(self, code: str, lang: str) -> str:
        body = self.bodies.get(code)
        return body.name.get(lang) if body else code

    def treaty_title(self, treaty_id: str, lang: str) -> str:
        treaty = self.treaties.get(treaty_id)
        return treaty.title.get(lang) if treaty else treaty_id


def fits(treaty: Treaty, status: str | None, period: int) -> bool:
    """Whether the treaty belongs in a table of ``status`` for the period: in force by
    31 December (``in-force``), or signed by then and not in force (``signed-not-in-force``)."""
    end = dt.date(period, 12, 31)
    in_force = treaty.in_force_on is not None and treaty.in_force_on <= end
    if status == "in-force":
        return in_force
    if status == "signed-not-in-force":
        return not in_force and treaty.signed_on is not None and treaty.signed_on <= end
    return True


def treaties_for(registry: Registry, form: Form, body: str, period: int) -> list[Treaty]:
    """The register's treaties for a body's treaty table, in the register's order: the rows
    ``treaty new`` prefills, and the rows the completeness check wants (TR318, TR319)."""
    return [t for t in registry.treaties.of_body(body) if fits(t, form.treaty_status, period)]


def _strings(value: object) -> tuple[str, ...]:
    """A list of codes as strings; anything else (reported by the schema check) is empty."""
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def body_from_data(raw: Mapping[str, Any]) -> Body:
    return Body(
        code=str(raw["code"]),
        name=Text.from_data(raw.get("name")),
        category=str(raw.get("category", "")),
        maintainers=_strings(raw.get("maintainers")),
        verified=bool(raw.get("verified", False)),
        consolidator=bool(raw.get("consolidator", False)),
    )


def treaty_from_data(raw: Mapping[str, Any]) -> Treaty:
    signed = raw.get("signed") or {}
    return Treaty(
        id=str(raw["id"]),
        title=Text.from_data(raw.get("title")),
        level=str(raw.get("level", "")),
        kind=str(raw.get("kind", "")),
        parties=_strings(raw.get("parties")),
        signed_on=parse_date(signed.get("date")) if isinstance(signed, Mapping) else None,
        signed_at=Text.from_data(signed.get("place")) if isinstance(signed, Mapping) else Text(),
        in_force_on=parse_date(raw.get("in_force")),
        bodies=_strings(raw.get("bodies")),
        area=str(raw.get("area", "other")),
    )


def _items(data: object, key: str) -> list[Mapping[str, Any]]:
    if not isinstance(data, Mapping):
        return []
    items = data.get(key)
    return [i for i in items if isinstance(i, Mapping)] if isinstance(items, list) else []


def _read(repo: Path, rel: str, cache: ParseCache) -> object:
    try:
        return cache.load(rel, (repo / rel).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YamlProblem):
        return None


def registry_from_data(bodies_data: object, treaties_data: object) -> Registry:
    bodies: dict[str, Body] = {}
    for raw in _items(bodies_data, "bodies"):
        if "code" in raw:
            bodies.setdefault(str(raw["code"]), body_from_data(raw))
    treaties: dict[str, Mapping[str, Any]] = {}
    for raw in _items(treaties_data, "treaties"):
        if "id" in raw:
            treaties.setdefault(str(raw["id"]), raw)
    meta = treaties_data if isinstance(treaties_data, Mapping) else {}
    return Registry(
        bodies=bodies,
        treaties=Treaties(treaties),
        illustrative=bool(meta.get("illustrative", False)),
        note=Text.from_data(meta.get("note")),
    )


def load_registry(repo: Path, cache: ParseCache | None = None) -> Registry:
    """The registries of ``repo``; ``cache`` keeps the parsed files for ``treaty validate``
    and later runs (see :mod:`generator.load.cache`)."""
    cache = cache or ParseCache(None)
    return registry_from_data(_read(repo, BODIES_FILE, cache), _read(repo, TREATIES_FILE, cache))
