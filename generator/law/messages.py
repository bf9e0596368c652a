"""The message catalogue (``generator/catalogues/law.<lang>.yaml``) and names built from it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ConfigurationError
from generator.law.model import LANGS, Act, Provision
from generator.load.yamlsafe import YamlProblem, load_yaml

CATALOGUE_DIR = Path(__file__).resolve().parents[1] / "catalogues"


@dataclass(frozen=True)
class Catalogue:
    """UI strings of one language."""

    lang: str
    strings: Mapping[str, str]

    def __call__(self, key: str, **values: str) -> str:
        try:
            template = self.strings[key]
        except KeyError:
            raise ConfigurationError(f"law.{self.lang}.yaml: no message {key!r}") from None
        return template.format(**values)

    def act_name(self, act: Act) -> str:
        kind = self(f"kind_{act.kind}")
        if act.number is None:
            return self("act_name_no_number", kind=kind, date=act.date.iso)
        return self("act_name", kind=kind, number=act.number, date=act.date.iso)

    def provision_label(self, provision: Provision) -> str:
        if provision.kind in ("point", "chapter"):
            return self(f"label_{provision.kind}", number=provision.number or "")
        return self(f"label_{provision.kind}")

    def provision_name(self, provision: Provision) -> str:
        """A provision with its part, e.g. "Rules, Point 46" / "Decree, Title"."""
        key = "cite_decree" if provision.part == "decree" else "cite_provision"
        return self(key, label=self.provision_label(provision))


def load_catalogue(lang: str, directory: Path = CATALOGUE_DIR) -> Catalogue:
    """Read ``law.<lang>.yaml``; ``lang`` is one of kk, ru, en."""
    if lang not in LANGS:
        raise ConfigurationError(f"no law catalogue for language {lang!r}")
    path = directory / f"law.{lang}.yaml"
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigurationError(f"{path}: cannot be read: {error.strerror}") from None
    except YamlProblem as problem:
        raise ConfigurationError(
            f"{path}:{problem.line}: not valid YAML ({problem.code})"
        ) from None
    strings = data.get("strings") if isinstance(data, dict) else None
    if not isinstance(strings, dict) or not all(isinstance(v, str) for v in strings.values()):
        raise ConfigurationError(f"{path}: 'strings' must map keys to text")
    return Catalogue(lang, strings)
