"""Submission values as plain text in one language."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from generator.model import LANGUAGES, Text

ValueLabel = Callable[[str, str], str]


def is_text(value: object) -> bool:
    """A ``{kk, ru, en}`` narrative rather than a record."""
    return isinstance(value, Mapping) and bool(value) and all(k in LANGUAGES for k in value)


def localized(value: object, lang: str) -> str:
    if value is None:
        return ""
    if is_text(value):
        return Text.from_data(value).get(lang)
    return str(value)


def _no_label(field: str, code: str) -> str:
    return code


def plain(value: Any, lang: str, field: str = "", label: ValueLabel = _no_label) -> str:
    """Any submission value as one line: records joined by ', ', lists by '; '."""
    if value is None or value == "":
        return ""
    if is_text(value):
        return localized(value, lang)
    if isinstance(value, Mapping):
        parts = (plain(v, lang, k, label) for k, v in value.items())
        return ", ".join(p for p in parts if p)
    if isinstance(value, list | tuple):
        return "; ".join(p for p in (plain(v, lang, field, label) for v in value) if p)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return label(field, value)
    return str(value)


def one_line(text: str) -> str:
    return " ".join(text.split())
