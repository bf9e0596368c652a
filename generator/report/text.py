"""Submission values as plain text in one language."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from generator.model import LANGUAGES, Text

ValueLabel = Callable[[str, str], str]
# Told the language a text was shown in when it has none in the report's language.
Fallback = Callable[[str], None]


def is_text(value: object) -> bool:
    """A ``{kk, ru, en}`` narrative rather than a record."""
    if type(value) is str or not isinstance(value, dict | Mapping):  # dict first: the fast check
        return False
    return bool(value) and all(k in LANGUAGES for k in value)


def localized(value: object, lang: str, fallback: Fallback | None = None) -> str:
    """A narrative in ``lang``; with ``fallback``, a text only in another language is shown
    in that language, marked "(kk)" or "(ru)", and ``fallback`` is told."""
    if value is None:
        return ""
    if is_text(value):
        text = Text.from_data(value)
        shown = text.get(lang)
        if fallback is None or not shown or text.has(lang):
            return shown
        source = next(code for code in LANGUAGES if text.has(code))
        fallback(source)
        return f"{shown} ({source})"
    return str(value)


def _no_label(field: str, code: str) -> str:
    return code


def plain(
    value: Any,
    lang: str,
    field: str = "",
    label: ValueLabel = _no_label,
    fallback: Fallback | None = None,
) -> str:
    """Any submission value as one line: records joined by ', ', lists by '; '."""
    if value is None or value == "":
        return ""
    if type(value) is str:  # most values: checked before the abstract types below
        return label(field, value)
    if is_text(value):
        return localized(value, lang, fallback)
    if isinstance(value, Mapping):
        parts = (plain(v, lang, k, label, fallback) for k, v in value.items())
        return ", ".join(p for p in parts if p)
    if isinstance(value, list | tuple):
        shown = (plain(v, lang, field, label, fallback) for v in value)
        return "; ".join(p for p in shown if p)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return label(field, value)
    return str(value)


def one_line(text: str) -> str:
    return " ".join(text.split())
