"""Text helpers for the law tests."""

from __future__ import annotations

import re
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def squash(text: str) -> str:
    """Collapse every run of whitespace (line breaks, no-break spaces) into one space."""
    return re.sub(r"\s+", " ", text).strip()


def unescape_md(text: str) -> str:
    """Undo Markdown backslash escapes (``42\\.`` -> ``42.``)."""
    return re.sub(r"\\([\\`*_\[\]{}#().!+-])", r"\1", text)
