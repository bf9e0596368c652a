""" "Did you mean …?": the closest known name to a misspelt one."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(value: str, known: Iterable[str], cutoff: float = 0.6) -> dict[str, str]:
    """``{"suggestion": name}`` for the closest known name, or ``{}`` when none is close."""
    matches = difflib.get_close_matches(value, list(known), n=1, cutoff=cutoff)
    return {"suggestion": matches[0]} if matches else {}
