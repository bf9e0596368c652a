"""The ``treaty-reports`` MkDocs plugin: adds the generated pages to the build.

Shaped like mkdocs-material's own plugins: options in :mod:`generator.site.config`, every
event guarded by ``enabled``, and broken data stopped with a ``PluginError`` naming the file.

The build of the first language owns one :class:`BuildSession`, made in ``on_config``: the
builds of the other languages get it handed down, and it is dropped when the build ends.
``treaty site serve`` makes a new configuration, so a new session, for every rebuild.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from itertools import chain
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from generator.errors import TreatyError
from generator.site.config import TreatyReportsConfig
from generator.site.nav import alternates, navigation
from generator.site.pages import SitePages, all_files, all_pages
from generator.site.parallel import Languages, start_languages
from generator.site.search import SearchCopies
from generator.site.session import BuildOptions, BuildSession
from generator.site.shell import FrameWriter
from generator.site.sources import write_sources
from generator.site.spare import write_beside
from generator.site.texts import SiteTexts, site_texts
from generator.site.versions import version_labels

log = logging.getLogger("mkdocs.plugins.treaty_reports")
WATCHED = ("submissions", "registry", "schemas", "law")


class TreatyReportsPlugin(BasePlugin[TreatyReportsConfig]):
    """Generated pages for one edition in one language (and the other languages after it)."""

    def __init__(self) -> None:
        self.session: BuildSession | None = None
        self.owns_session = False
        self.texts: SiteTexts | None = None
        self.pages: SitePages | None = None
        self.env: Any = None
        self.nav: Navigation | None = None
        self.files: Files | None = None
        self.error: TreatyError | None = None  # what stopped the build, for the caller
        self.languages: Languages | None = None  # the other languages, built beside this one
        self.search: SearchCopies | None = None  # what Pagefind reads of this language

    def inherit(self, session: BuildSession) -> None:
        """Build with the session of the language built first (see :func:`build_language`)."""
        self.session = session

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
        if self.session is None:
            self.session = BuildSession(self._options(config))
            self.owns_session = True
        config.extra["treaty"] = self._theme_texts(texts)
        if self.config.versioned:
            config.extra["version"] = {"provider": "treaty-reports", "default": "in-force"}
        try:
            started = time.perf_counter()
            self.session.data  # noqa: B018  (load now: a broken file is named before MkDocs runs)
            log.info("%s: data ready in %.1f s", lang, time.perf_counter() - started)
        except TreatyError as error:
            self._drop()
            self.error = error
            raise PluginError(f"treaty-reports: {error}") from None
        return config

    def _options(self, config: MkDocsConfig) -> BuildOptions:
        repo = Path(self.config.repo or Path(config.config_file_path or ".").parent)
        return BuildOptions(
            repo=repo.resolve(),
            edition=self.config.edition,
            as_of=self._as_of(),
            languages=tuple(self.config.languages),
            rules_version=self.config.rules_version,
            versioned=self.config.versioned,
            downloads=tuple(self.config.downloads),
            search=self.config.search,
            repo_url=str(config.repo_url or ""),
        )

    def _theme_texts(self, texts: SiteTexts) -> dict[str, Any]:
        up = "" if self.config.lang == self.config.languages[0] else "../"
        assert self.session is not None
        return {
            "outdated": texts("version.outdated"),
            "outdated_link": texts("version.outdated_link"),
            "root_up": up,
            "edition": texts(f"edition_short.{self.config.edition}"),
            "search": self.config.search,
            "search_texts": {k: texts(f"search.{k}") for k in ("none", "one", "other", "error")},
            "versions": version_labels(self.session, texts) if self.config.versioned else {},
        }

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
        if not self.config.enabled or self.session is None or self.texts is None:
            return files
        self._pick_language(files, config)
        try:
            self.pages = all_pages(self.session, self.texts)
            downloads = all_files(self.session, self.texts)
        except TreatyError as error:
            self.error = error
            raise PluginError(f"treaty-reports: {error}") from None
        for src, text in sorted(self.pages.pages.items()):
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

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> None:
        self.nav = nav

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> None:
        self.env, self.files = env, files

    def on_template_context(self, context: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        """Error pages get absolute links (MkDocs gives them the server root): below it, the
        other languages' error pages need their own folder, not the first language's."""
        if template_name == "404.html" and self.config.lang != self.config.languages[0]:
            context["base_url"] = context["base_url"].rstrip("/") + f"/{self.config.lang}/"
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.session is None:
            return
        try:
            started = time.perf_counter()
            self._write_data_pages(config, self.session)
            log.info("%s: data pages written in %.1f s", self.config.lang,
                     time.perf_counter() - started)  # fmt: skip
            if self.search is not None:
                others = frozenset(self.config.languages) - {self.config.lang}
                self.session.indexer.start(Path(config.site_dir), self.search, others)
            if self.owns_session:
                self._finish(config, self.session)
        except TreatyError as error:
            self.error = error
            raise PluginError(f"treaty-reports: {error}") from None
        finally:
            self.pages = None
            self.search = None
            if self.owns_session:
                self._drop()

    def _write_data_pages(self, config: MkDocsConfig, session: BuildSession) -> None:
        """The data pages. The first language starts the others, writes the pages whose
        layout every language reuses (the reports' parts) and hands it over; the others
        write theirs once they have it."""
        if self.pages is None or self.nav is None or self.files is None:
            return
        if self.config.search:
            self.search = session.indexer.copies(self.config.lang)
        writer = FrameWriter(config, self.env, self.nav, self.files, self.search)
        if not self.owns_session:
            if session.spare is not None:  # here, after the first language: nothing awaited
                write_beside(writer, chain(self.pages.data, self.pages.first), session.spare)
                return
            writer.write(self.pages.data)
            session.receive()
            writer.write(self.pages.first)
            return
        if self.config.alternates:
            others = [lang for lang in self.config.languages if lang != self.config.lang]
            self.languages = start_languages(config, others, session)
        writer.write(self.pages.first)
        if self.languages is not None:
            self.languages.share()
        writer.write(self.pages.data)

    def _finish(self, config: MkDocsConfig, session: BuildSession) -> None:
        """After the first language: the other languages and the published sources (which
        of the build's processes is free first takes them), search."""
        started = time.perf_counter()
        if self.languages is None:
            write_sources(session.data, Path(config.site_dir))
        else:
            self.languages.wait()
            self.languages = None
        log.info("other languages: waited %.1f s", time.perf_counter() - started)
        started = time.perf_counter()
        session.indexer.wait()
        log.info("search index: waited %.1f s", time.perf_counter() - started)

    def on_build_error(self, *, error: Exception) -> None:
        if self.owns_session:
            self._drop()

    def _drop(self) -> None:
        if self.languages is not None:
            self.languages.stop()
            self.languages = None
        if self.session is not None:
            self.session.indexer.stop()
        self.session = None
        self.pages = None
        self.owns_session = False

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        """Rebuild when the data changes, not only the hand-written pages."""
        repo = Path(self.config.repo or Path(config.config_file_path or ".").parent)
        for name in WATCHED:
            if (repo / name).is_dir():
                server.watch(str(repo / name))
        return server
