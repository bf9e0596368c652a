"""Build the site with MkDocs, in process: the core ``treaty site build`` calls.

Also the versions mike deploys: one per edition of the Rules, aliased ``in-force`` and,
while a draft exists, ``draft``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config.base import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator.errors import ConfigurationError, TreatyError, UsageError
from generator.law.consolidate import editions
from generator.law.model import Law
from generator.site.languages import PLUGIN
from generator.site.versions import version_title

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CONFIG_NAME = "mkdocs.yml"


def config_file_for(repo: Path, given: Path | None = None) -> Path:
    """The MkDocs config: the one given, the data repository's own, or this project's."""
    for candidate in (given, repo / CONFIG_NAME, PROJECT_ROOT / CONFIG_NAME):
        if candidate is not None and candidate.is_file():
            return candidate.resolve()
    raise UsageError(f"no {CONFIG_NAME} found in {repo} or {PROJECT_ROOT}")


@dataclass(frozen=True)
class SiteBuild:
    """One edition of the site to build from a data repository into ``out``."""

    repo: Path
    edition: str
    out: Path
    as_of: dt.date
    config_file: Path
    strict: bool = True
    versioned: bool = False
    rules_version: str = ""
    downloads: tuple[str, ...] | None = None  # None: the config's (default: every format)
    search: bool | None = None  # None: the config's (default: on)


def load_site_config(job: SiteBuild, **overrides: Any) -> MkDocsConfig:
    """The MkDocs config of ``job``: the plugin's options set from it (not the environment)."""
    config = load_config(
        config_file=str(job.config_file),
        site_dir=str(job.out.resolve()),
        strict=job.strict,
        **overrides,
    )
    if PLUGIN not in config.plugins:
        raise ConfigurationError(f"{job.config_file}: the {PLUGIN} plugin is not enabled")
    options = config.plugins[PLUGIN].config
    options["repo"] = str(job.repo.resolve())
    options["edition"] = job.edition
    options["as_of"] = job.as_of.isoformat()
    options["versioned"] = job.versioned
    options["rules_version"] = job.rules_version
    if job.downloads is not None:
        options["downloads"] = list(job.downloads)
    if job.search is not None:
        options["search"] = job.search
    return config


def build_site(job: SiteBuild) -> Path:
    """Build every language of one edition; MkDocs errors become a ConfigurationError.

    The plugin loads the data first, so a broken file is reported by name.
    """
    config = load_site_config(job)
    try:
        build(config)
    except (MkDocsException, SystemExit) as error:
        found = getattr(config.plugins[PLUGIN], "error", None)
        if isinstance(found, TreatyError):  # the data's own error, naming the file
            raise found from None
        raise ConfigurationError(f"site build failed: {error}") from None
    return job.out


@dataclass(frozen=True)
class Version:
    name: str
    title: str
    aliases: tuple[str, ...]


def rules_versions(law: Law | None, as_of: dt.date) -> tuple[Version, ...]:
    """The site versions to deploy: the edition in force, and the newest draft if any."""
    found = [e for e in editions(law) if e.date <= as_of] if law else []
    adopted = [e for e in found if not e.drafts]
    drafts = [e for e in found if e.drafts]
    versions: list[Version] = []
    if adopted:
        now = adopted[-1]
        versions.append(Version(now.id, version_title(now.date, "in-force"), ("in-force",)))
    if drafts:
        draft = drafts[-1]
        versions.append(Version(draft.id, version_title(draft.date, "draft"), ("draft",)))
    if not versions:
        versions.append(Version(as_of.isoformat(), version_title(as_of, "in-force"), ("in-force",)))
    return tuple(versions)
