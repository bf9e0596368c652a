"""One build per language: the first language at the site root, the others below it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from mkdocs.commands.build import build
from mkdocs.config.base import load_config
from mkdocs.config.defaults import MkDocsConfig

if TYPE_CHECKING:
    from generator.site.session import BuildSession

PLUGIN = "treaty-reports"


class _Inherits(Protocol):
    def inherit(self, session: BuildSession) -> None: ...


def build_language(config: MkDocsConfig, lang: str, session: BuildSession) -> None:
    """Build ``lang`` into ``<site_dir>/<lang>/`` with the options and data of ``config``'s
    build (its session is handed down, not loaded again)."""
    if config.config_file_path is None:
        return
    nested = load_config(
        config_file=config.config_file_path,
        site_dir=str(Path(config.site_dir) / lang),
        strict=config.strict,
    )
    mine = config.plugins[PLUGIN].config
    plugin = nested.plugins[PLUGIN]
    for key, value in mine.items():
        plugin.config[key] = value
    plugin.config["lang"] = lang
    plugin.config["alternates"] = False
    cast(_Inherits, plugin).inherit(session)
    build(nested)
