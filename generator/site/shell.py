"""Data pages in material's own page frame, without a Markdown pass per page.

A national site has tens of thousands of per-item pages (treaties, bodies, parts of the
reports). MkDocs would run Python-Markdown and the whole theme template for each, and keep
every page in memory until the end of the build. Instead, material renders ONE frame per
folder (the header, language switcher, search, navigation and footer of a page there, with
markers for the title, the address and the content); each data page is that frame with its
own title and HTML put in, written to disk at once and forgotten.

Data pages stay out of the navigation (like ``not_in_nav`` pages); their links are checked
by :mod:`generator.site.links` over the built site.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.site.folders import Folders
from generator.site.render import page_url
from generator.site.search import SearchCopies

SLUG = "tr-shell-slug-7f3a"
TITLE = "tr-shell-title-7f3a"
# Contains "<h1" so that material does not add a heading of its own.
CONTENT = "<!-- <h1> tr-shell-content-7f3a -->"
SEARCHED = "data-pagefind-body"  # on the article, in site/overrides/main.html


@dataclass(frozen=True)
class DataPage:
    """One generated page: its source path (``treaties/x.md``), title and HTML content."""

    src: str
    title: str
    html: Callable[[], str]  # made when the page is written, then dropped
    searched: bool = True  # False: left out of the search index


@dataclass(frozen=True)
class DataFile:
    """A download: its path below the language root, and how to make its bytes."""

    path: str
    content: Callable[[], bytes]


@dataclass(frozen=True)
class DataGroup:
    """Pages and files made together when written (a period's report: its parts are cut
    from one document): a builder can list it without making it."""

    make: Callable[[], Iterable[DataPage | DataFile]]


Item = DataPage | DataFile | DataGroup


def escaped(title: str) -> str:
    return str(escape(title))


@dataclass(frozen=True)
class Frame:
    """material's page frame for pages in one folder, split around the markers."""

    text: str

    def fill(self, slug: str, title: str, content: str, searched: bool = True) -> str:
        head, _, tail = self.text.partition(CONTENT)
        if not searched:  # Pagefind indexes only the pages that mark their body
            head = head.replace(f" {SEARCHED}", "")
        safe = escaped(title)
        return (
            head.replace(SLUG, slug).replace(TITLE, safe)
            + content
            + tail.replace(SLUG, slug).replace(TITLE, safe)
        )


class FrameWriter:
    """Writes data pages into ``config.site_dir`` through material's ``main.html``."""

    def __init__(
        self, config: MkDocsConfig, env: Any, nav: Navigation, files: Files,
        search: SearchCopies | None = None,
    ) -> None:  # fmt: skip
        self.config = config
        self.search = search  # where the searched pages' bodies go for Pagefind
        self.template = env.get_template("main.html")
        self.nav = nav
        self.files = files
        self.frames: dict[str, Frame] = {}
        self.written = 0
        self.bytes = 0
        self.folders = Folders()

    def frame(self, folder: str) -> Frame:
        if folder not in self.frames:
            src = f"{folder}/{SLUG}.md" if folder else f"{SLUG}.md"
            page = Page(TITLE, File.generated(self.config, src, content=""), self.config)
            page.content = CONTENT
            page.meta = {"hide": ["toc"]}
            context = get_context(self.nav, self.files, self.config, page)
            self.frames[folder] = Frame(self.template.render(context))
        return self.frames[folder]

    def write(self, items: Iterable[Item]) -> None:
        root = Path(self.config.site_dir)
        for item in items:
            if isinstance(item, DataGroup):
                self.write(item.make())
                continue
            if isinstance(item, DataFile):
                target = root / item.path
                self.folders.make(target.parent)
                target.write_bytes(item.content())
                continue
            folder, name = posixpath.split(item.src.removesuffix(".md"))
            content = item.html()
            text = self.frame(folder).fill(name, item.title, content, item.searched)
            rel = page_url(item.src) + "index.html"
            if self.search is not None:
                self.search.add(rel, escaped(item.title), content, item.searched)
            target = root / rel
            self.folders.make(target.parent)
            raw = text.encode("utf-8", errors="xmlcharrefreplace")
            target.write_bytes(raw)
            self.written += 1
            self.bytes += len(raw)
