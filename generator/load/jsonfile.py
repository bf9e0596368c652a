"""A JSON object read from a file, its failures worded by what the file is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.errors import TreatyError


def read_json_object(path: Path, what: str, error: type[TreatyError]) -> dict[str, Any]:
    """The JSON object in ``path``; ``error`` naming ``what`` the file is ("schema") when it
    cannot be read, is not JSON, or holds something other than an object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as reason:
        raise error(f"cannot read {what} {path}: {reason}") from None
    if not isinstance(data, dict):
        raise error(f"{what} {path} is not a JSON object")
    return data
