"""Completeness of message catalogues: what a test asserts is empty."""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from typing import Any

from generator.model import LANGUAGES

LANGS = LANGUAGES


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """``{"problems": {"TR001": {"message": m}}}`` -> ``{"problems.TR001.message": m}``."""
    flat: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, name + "."))
        else:
            flat[name] = "" if value is None else str(value)
    return flat


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def gaps(by_lang: Mapping[str, Mapping[str, Any]], codes: Iterable[str] = ()) -> list[str]:
    """Everything missing or inconsistent across the languages' catalogues.

    Each code needs a non-empty ``problems.<code>.message`` and ``.hint`` in every language;
    every language has the same keys, and each key the same placeholders.
    """
    flat = {lang: flatten(by_lang.get(lang) or {}) for lang in LANGS}
    found: list[str] = []
    for lang in LANGS:
        for code in codes:
            for part in ("message", "hint"):
                if not flat[lang].get(f"problems.{code}.{part}", "").strip():
                    found.append(f"{lang}: problems.{code}.{part} is missing")
    keys = set().union(*(set(f) for f in flat.values()))
    for key in sorted(keys):
        holders = {lang: placeholders(flat[lang][key]) for lang in LANGS if key in flat[lang]}
        for lang in LANGS:
            if key not in flat[lang]:
                found.append(f"{lang}: {key} is missing")
        if len({frozenset(h) for h in holders.values()}) > 1:
            found.append(f"{key}: placeholders differ: {holders}")
    return found
