"""The site's interface text: ``generator/catalogues/site.<lang>.yaml``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from generator.errors import ConfigurationError
from generator.i18n import area_catalogue, fill

AREA = "site"


@dataclass(frozen=True)
class SiteTexts:
    """Interface strings of one language; a missing key is a broken catalogue."""

    lang: str
    strings: Mapping[str, str]

    def __call__(self, key: str, **args: Any) -> str:
        try:
            template = self.strings[key]
        except KeyError:
            raise ConfigurationError(f"site.{self.lang}.yaml: no text {key!r}") from None
        return fill(template, args)

    def get(self, key: str, default: str) -> str:
        return self.strings.get(key, default)


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = str(value)
    return flat


@cache
def site_texts(lang: str) -> SiteTexts:
    """The ``labels:`` of ``site.<lang>.yaml``, nested keys joined with dots."""
    return SiteTexts(lang, _flatten(area_catalogue(AREA, lang).labels))
