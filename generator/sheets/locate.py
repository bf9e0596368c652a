"""The cell a problem is about: its JSON path (and, for a missing field, the field's name)
turned into ``Sheet!C7``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.sheets.book import FIRST_ROW
from generator.sheets.grid import Index
from generator.sheets.layout import Layout, Leaf
from generator.sheets.read import Placement

_STEP = re.compile(r"\.([^.\[\]]+)|\[(\d+)\]")

Parts = tuple[str | int, ...]


def parse_path(path: str) -> Parts:
    """``$.annex1[2].status`` -> ``("annex1", 2, "status")``."""
    return tuple(int(i) if i else str(n) for n, i in _STEP.findall(path.removeprefix("$")))


def _best(leaves: Sequence[Leaf], rest: Sequence[str | int]) -> Leaf | None:
    """The leaf at ``rest``, the first leaf below it, or the deepest leaf above it."""
    want = tuple(str(p) for p in rest)
    below = [leaf for leaf in leaves if leaf.parts[: len(want)] == want]
    if below:
        return below[0]
    above = [leaf for leaf in leaves if want[: len(leaf.parts)] == leaf.parts]
    return max(above, key=lambda leaf: len(leaf.parts)) if above else None


def _general(layout: Layout, place: Placement, parts: Parts) -> str:
    leaf = _best(layout.general, parts) if parts else None
    return place.general.get(leaf.key, place.file_cell) if leaf else place.file_cell


def _table(layout: Layout, place: Placement, index: Index, parts: Parts) -> str:
    key = str(parts[0])
    table = layout.table(key)
    where = place.tables.get(key)
    if table is None or where is None:
        return place.file_cell
    if not where.rows:
        return f"{where.title}!A{FIRST_ROW}"
    if len(parts) < 2 or not isinstance(parts[1], int):
        return f"{where.title}!A{where.rows[0]}"
    row = index.rows.get((key, parts[1]))
    line = row if row is not None else 0
    rest = parts[2:]
    leaves = table.outer
    if rest and rest[0] in table.inner_names:
        name = str(rest[0])
        leaves, rest = table.inner(name), rest[1:]
        if rest and isinstance(rest[0], int):
            line = index.items.get((key, parts[1], name, rest[0]), line)
            rest = rest[1:]
    leaf = _best(leaves, rest) or (leaves[0] if leaves else table.leaves[0])
    column = where.columns.get(leaf.key, "A")
    return f"{where.title}!{column}{where.rows[min(line, len(where.rows) - 1)]}"


def cell_of(layout: Layout, place: Placement, index: Index, path: str, field: str = "") -> str:
    """The cell of a problem at ``path``; ``field`` names a missing field (TR201)."""
    parts = parse_path(path)
    if field:
        parts = (*parts, field)
    if parts and layout.table(str(parts[0])) is not None:
        return _table(layout, place, index, parts)
    return _general(layout, place, parts)
