"""The law catalogues: same keys in every language, placeholders that format."""

from __future__ import annotations

import string

import pytest

from generator.errors import ConfigurationError
from generator.law.messages import load_catalogue
from generator.law.model import LANGS


def test_every_language_has_the_same_keys_and_placeholders() -> None:
    catalogues = [load_catalogue(lang) for lang in LANGS]
    english = catalogues[-1]
    for catalogue in catalogues:
        assert set(catalogue.strings) == set(english.strings), catalogue.lang
        for key, text in catalogue.strings.items():
            names = {f for _, f, _, _ in string.Formatter().parse(text) if f}
            expected = {f for _, f, _, _ in string.Formatter().parse(english.strings[key]) if f}
            assert names == expected, (catalogue.lang, key)


def test_unknown_language_and_key() -> None:
    with pytest.raises(ConfigurationError):
        load_catalogue("de")
    with pytest.raises(ConfigurationError, match="no_such_key"):
        load_catalogue("en")("no_such_key")
