"""A problem a check found in a document, before it is placed on a line and given a file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

PathParts = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """A violation at a JSON path of the document (``at_key``: at the field name)."""

    parts: PathParts
    code: str
    args: Mapping[str, str]
    at_key: bool = False
