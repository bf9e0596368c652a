"""The ``treaty-reports`` MkDocs plugin: adds the generated pages to the build.

Shaped like mkdocs-material's own plugins: options in :mod:`generator.site.config`, every
event guarded by ``enabled``, and broken data stopped with a ``PluginError`` naming the file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from generator.errors import TreatyError
from generator.site.config import TreatyReportsConfig
from generator.site.data import SiteData, load_site_data
from generator.site.languages import build_language
from generator.site.nav import alternates, navigation
from generator.site.pages import all_files, all_pages
from generator.site.texts import SiteTexts, site_texts


class TreatyReportsPlugin(BasePlugin[TreatyReportsConfig]):
    """Generated pages for one edition in one language (and the other languages after it)."""

    def __init__(self) -> None:
        self.data: SiteData | None = None
        self.texts: SiteTexts | None = None

    @event_priority(100)  # before material and its search plugin read the theme language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        lang = self.config.lang
        self.texts = texts = site_texts(lang)
        config.theme["language"] = lang
        config.site_name = texts("site.name")
        config.site_description = texts("site.description")
        config.extra["alternate"] = alternates(lang, self.config.languages)
        config.extra["treaty"] = self._theme_texts(texts)
        if self.config.versioned and lang == self.config.languages[0]:
            config.extra["version"] = {"provider": "mike", "default": "in-force", "alias": True}
        self.data = self._load(config)
        return config

    def _theme_texts(self, texts: SiteTexts) -> dict[str, str]:
        up = "" if self.config.lang == self.config.languages[0] else "../"
        return {
            "outdated": texts("version.outdated"),
            "outdated_link": texts("version.outdated_link"),
            "root_up": up,
            "edition": texts(f"edition_short.{self.config.edition}"),
        }

    def _load(self, config: MkDocsConfig) -> SiteData:
        repo = Path(self.config.repo or Path(config.config_file_path or ".").parent)
        as_of = self._as_of()
        try:
            return load_site_data(
                repo.resolve(), self.config.edition, as_of, self.config.rules_version
            )
        except TreatyError as error:
            raise PluginError(f"treaty-reports: {error}") from None

    def _as_of(self) -> dt.date:
        if not self.config.as_of:
            return dt.date.today()  # the plugin is an entry point, like the CLI
        if isinstance(self.config.as_of, dt.date):  # YAML (or !ENV) already read a date
            return self.config.as_of
        try:
            return dt.date.fromisoformat(str(self.config.as_of))
        except ValueError:
            raise PluginError(
                f"treaty-reports: as_of {self.config.as_of!r} is not a date"
            ) from None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.data is None or self.texts is None:
            return files
        self._pick_language(files, config)
        try:
            pages = all_pages(self.data, self.texts)
            downloads = all_files(self.data, self.texts)
        except TreatyError as error:
            raise PluginError(f"treaty-reports: {error}") from None
        for src, text in sorted(pages.items()):
            self._add(files, File.generated(config, src, content=text))
        for src, content in sorted(downloads.items()):
            self._add(files, File.generated(config, src, content=content))
        config.nav = navigation(self.texts, {f.src_uri for f in files.documentation_pages()})
        return files

    def _add(self, files: Files, file: File) -> None:
        existing = files.get_file_from_path(file.src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(file)

    def _pick_language(self, files: Files, config: MkDocsConfig) -> None:
        """Hand-written pages live in ``<lang>/``: keep this build's, at the root."""
        for file in list(files):
            head, _, rest = file.src_uri.partition("/")
            if head not in self.config.languages or not rest:
                continue
            files.remove(file)
            if head == self.config.lang and file.abs_src_path:
                self._add(files, File.generated(config, rest, abs_src_path=file.abs_src_path))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or not self.config.alternates:
            return
        for lang in self.config.languages:
            if lang != self.config.lang:
                build_language(config, lang)
