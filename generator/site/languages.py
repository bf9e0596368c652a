"""One build per language: the first language at the site root, the others below it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config.base import load_config
from mkdocs.config.defaults import MkDocsConfig

PLUGIN = "treaty-reports"


def build_language(config: MkDocsConfig, lang: str) -> None:
    """Build ``lang`` into ``<site_dir>/<lang>/`` with the same options as ``config``."""
    if config.config_file_path is None:
        return
    nested = load_config(
        config_file=config.config_file_path,
        site_dir=str(Path(config.site_dir) / lang),
        strict=config.strict,
    )
    mine = config.plugins[PLUGIN].config
    theirs = nested.plugins[PLUGIN].config
    for key in ("repo", "edition", "as_of", "versioned", "languages"):
        theirs[key] = mine[key]
    theirs["lang"] = lang
    theirs["alternates"] = False
    build(nested)
