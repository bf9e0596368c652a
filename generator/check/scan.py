"""One pass over a parsed document, gathering what the checks of meaning look at.

The checks of meaning and of referenced files look at a few field names wherever they
occur (``treaty``, ``requested_body``, ``mfa_request``, ``attachment``, ``kk``) and at mappings
holding dates that must come in order. :func:`scan` finds them all in one walk, in
document order, so a file is walked once however many checks there are.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

PathParts = tuple[str | int, ...]

WATCHED = ("treaty", "requested_body", "mfa_request", "attachment", "kk")
# (earlier, later): where both are dates, the later one must not come first. Only orders
# the facts impose: a consultation after departure is late under point 48 (the deadlines
# say so), and the MFA may ask for an event report at any time (point 46 sets no order).
DATE_ORDER: tuple[tuple[str, str], ...] = (
    ("start", "end"),
    ("letter_date", "mfa_informed_on"),
)
_DATED = frozenset(first for first, _ in DATE_ORDER)
_WATCHED = frozenset(WATCHED)


@dataclass(frozen=True)
class Scan:
    """What one walk over a document found, in document order."""

    watched: tuple[tuple[PathParts, Any], ...]
    dated: tuple[tuple[PathParts, Mapping[str, Any]], ...]

    def values(self, *keys: str) -> list[tuple[PathParts, Any]]:
        """(path, value) of every field named one of ``keys`` (from :data:`WATCHED`)."""
        return [(parts, value) for parts, value in self.watched if parts[-1] in keys]


def scan(data: Any) -> Scan:
    """Walk ``data`` once, depth first in document order, without recursion."""
    watched: list[tuple[PathParts, Any]] = []
    dated: list[tuple[PathParts, Mapping[str, Any]]] = []
    stack: list[tuple[PathParts, Iterator[tuple[Any, Any]]]] = []

    def enter(parts: PathParts, node: Any) -> None:
        if isinstance(node, dict):
            if not _DATED.isdisjoint(node):
                dated.append((parts, node))
            stack.append((parts, iter(node.items())))
        elif isinstance(node, list):
            stack.append((parts, enumerate(node)))

    enter((), data)
    while stack:
        parts, items = stack[-1]
        for key, value in items:
            if key in _WATCHED:
                watched.append(((*parts, key), value))
            if isinstance(value, dict | list):
                enter((*parts, key), value)
                break
        else:
            stack.pop()
    return Scan(tuple(watched), tuple(dated))
