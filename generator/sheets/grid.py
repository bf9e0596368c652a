"""A submission's data as lines of cells, and back (no spreadsheet library here).

``to_grid`` and ``from_grid`` are inverse for every file the form allows; what a grid
cannot hold (a value of the wrong shape, say) is found by comparing the two ways
(:func:`lost`), so an export never drops anything silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.sheets.layout import Layout, Leaf, TableLayout

Parts = tuple[str | int, ...]
_MISSING = object()


def empty(value: object) -> bool:
    return value is None or value == ""


@dataclass
class Grid:
    """The cells: the general fields by key, each table's lines (key → value)."""

    general: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    present: set[str] = field(default_factory=set)  # tables the file has, even empty


@dataclass
class Index:
    """Which line of its sheet each row (and each item inside a row) came from."""

    rows: dict[tuple[str, int], int] = field(default_factory=dict)
    items: dict[tuple[str, int, str, int], int] = field(default_factory=dict)


def get(data: Any, parts: Sequence[str]) -> Any:
    for part in parts:
        if not isinstance(data, Mapping) or part not in data:
            return _MISSING
        data = data[part]
    return data


def put(data: dict[str, Any], parts: Sequence[str], value: Any) -> None:
    for part in parts[:-1]:
        data = data.setdefault(part, {})
    data[parts[-1]] = value


def _cells(leaves: Iterable[Leaf], source: Any) -> dict[str, Any]:
    found = {}
    for leaf in leaves:
        value = get(source, leaf.parts)
        if value is None or (value is not _MISSING and isinstance(value, str | int | float)):
            found[leaf.key] = value
    return found


def _lines(table: TableLayout, item: Any) -> list[dict[str, Any]]:
    first = _cells(table.outer, item)
    lines = [first]
    for name in table.inner_names:
        subs = item.get(name) if isinstance(item, Mapping) else None
        for j, sub in enumerate(subs if isinstance(subs, list) else []):
            while len(lines) <= j:
                lines.append({})
            lines[j].update(_cells(table.inner(name), sub))
    return lines


def to_grid(layout: Layout, data: Mapping[str, Any]) -> Grid:
    grid = Grid(general=_cells(layout.general, data))
    for table in layout.tables:
        rows = data.get(table.key)
        if table.key in data:
            grid.present.add(table.key)
        grid.tables[table.key] = [
            line
            for item in (rows if isinstance(rows, list) else [])
            for line in _lines(table, item)
        ]
    return grid


def _ordered(value: dict[str, Any], order: Sequence[str]) -> dict[str, Any]:
    rank = {name: i for i, name in enumerate(order)}
    return dict(sorted(value.items(), key=lambda kv: rank.get(kv[0], len(rank))))


def _fill(leaves: Iterable[Leaf], line: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for leaf in leaves:
        value = line.get(leaf.key)
        if not empty(value):
            put(out, leaf.parts, value)
    return out


def _items(table: TableLayout, lines: list[dict[str, Any]], index: Index) -> list[Any]:
    items: list[dict[str, Any]] = []
    order = list(dict.fromkeys(leaf.inner or leaf.parts[0] for leaf in table.leaves))
    for number, line in enumerate(lines):
        outer = _fill(table.outer, line)
        inner = {name: _fill(table.inner(name), line) for name in table.inner_names}
        if not outer and not any(inner.values()):
            continue
        if outer or not items:
            index.rows[(table.key, len(items))] = number
            items.append({**outer, **{name: [] for name in table.inner_required}})
        item = items[-1]
        for name, sub in inner.items():
            if sub:
                subs = item.setdefault(name, [])
                index.items[(table.key, len(items) - 1, name, len(subs))] = number
                subs.append(sub)
    return [_ordered(item, order) for item in items]


def from_grid(layout: Layout, grid: Grid) -> tuple[dict[str, Any], Index]:
    """The data the cells say, in the schema's order, and where each row came from."""
    index = Index()
    data = _fill(layout.general, grid.general)
    for table in layout.tables:
        items = _items(table, grid.tables.get(table.key, []), index)
        if items or table.required or table.key in grid.present:
            data[table.key] = items
    return _ordered(data, layout.order), index


def lost(before: Any, after: Any, parts: Parts = ()) -> list[Parts]:
    """Where ``after`` differs from ``before`` (what the grid could not hold)."""
    if isinstance(before, Mapping) and isinstance(after, Mapping):
        found: list[Parts] = []
        for key in dict.fromkeys([*before, *after]):
            found += lost(before.get(key, _MISSING), after.get(key, _MISSING), (*parts, key))
        return found
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        return [
            p
            for i, (a, b) in enumerate(zip(before, after, strict=True))
            for p in lost(a, b, (*parts, i))
        ]
    same = before == after and type(before) is type(after)
    return [] if same else [parts]
