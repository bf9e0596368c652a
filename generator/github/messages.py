"""The GitHub texts (comments, summaries, reminders) from ``catalogues/github.<lang>.yaml``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from generator.errors import ConfigurationError
from generator.i18n import fill
from generator.load.yamlsafe import YamlProblem, load_yaml
from generator.model import LANGUAGES


@dataclass(frozen=True)
class Messages:
    lang: str
    strings: Mapping[str, str]

    def __call__(self, key: str, **args: Any) -> str:
        try:
            return fill(self.strings[key], args)
        except KeyError:
            raise ConfigurationError(f"github.{self.lang}.yaml: no message {key!r}") from None


@cache
def messages(lang: str) -> Messages:
    if lang not in LANGUAGES:
        raise ConfigurationError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    name = f"github.{lang}.yaml"
    try:
        text = resources.files("generator.catalogues").joinpath(name).read_text(encoding="utf-8")
        data = load_yaml(text)
    except OSError as error:
        raise ConfigurationError(f"cannot read message catalogue {name}: {error}") from None
    except YamlProblem as problem:
        raise ConfigurationError(f"{name}:{problem.line}: not valid YAML") from None
    strings = data.get("strings") if isinstance(data, dict) else None
    if not isinstance(strings, dict):
        raise ConfigurationError(f"{name}: 'strings' must map keys to text")
    return Messages(lang, {str(k): str(v) for k, v in strings.items()})
