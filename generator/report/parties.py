"""Treaty parties by name in the report's language.

- States: ISO 3166-1 alpha-2 codes, named by the Unicode CLDR territory names that the Babel
  package ships (``babel.Locale(lang).territories``). CLDR's Kazakh names are its
  translators', not checked against Kazakhstan's classifier of countries; the report says
  where the names come from. ``registry/parties.yaml`` ``states:`` overrides a name.
- Organisations: their codes and names in ``registry/parties.yaml`` ``organisations:``.

Loading is tolerant, like :mod:`generator.registry`: a malformed register is reported by
``treaty validate`` (``schemas/registry-parties.schema.json``) and names nothing here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale

from generator.load.cache import ParseCache
from generator.load.yamlsafe import YamlProblem
from generator.model import Text

PARTIES_FILE = "registry/parties.yaml"


@cache
def _cldr(lang: str) -> Mapping[str, str]:
    return dict(Locale.parse(lang).territories)


def _named(data: object, key: str) -> dict[str, Text]:
    items = data.get(key) if isinstance(data, Mapping) else None
    found: dict[str, Text] = {}
    for item in items if isinstance(items, list) else ():
        if isinstance(item, Mapping) and isinstance(item.get("code"), str):
            found.setdefault(item["code"], Text.from_data(item.get("name")))
    return found


@dataclass(frozen=True)
class Parties:
    organisations: Mapping[str, Text] = field(default_factory=dict)
    states: Mapping[str, Text] = field(default_factory=dict)

    def name(self, code: str, lang: str) -> str | None:
        """The party's name in ``lang``, or None when no register knows the code."""
        if code in self.organisations:
            return self.organisations[code].get(lang) or None
        override = self.states.get(code)
        if override is not None and override.has(lang):
            return override.get(lang)
        if len(code) == 2 and code.isupper():
            return _cldr(lang).get(code)
        return None

    def names(self, codes: tuple[str, ...], lang: str) -> str:
        return ", ".join(self.name(c, lang) or c for c in codes)


def parties_from_data(data: Any) -> Parties:
    return Parties(organisations=_named(data, "organisations"), states=_named(data, "states"))


def load_parties(root: Path, cache: ParseCache | None = None) -> Parties:
    cache = cache or ParseCache(None)
    try:
        data = cache.load(PARTIES_FILE, (root / PARTIES_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YamlProblem):
        return Parties()
    return parties_from_data(data)


def babel_version() -> str:
    from importlib.metadata import version

    return version("babel")
