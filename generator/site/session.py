"""One build of the site: its options, the data it shows, and what is made from it once.

The ``treaty-reports`` plugin makes a :class:`BuildSession` in ``on_config``, hands it to
the builds of the other languages, and drops it when the build is over. Nothing lives
longer than one build, so ``treaty site serve`` shows an edit at the next rebuild.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from generator.report.consolidate import consolidate
from generator.report.model import Consolidation, Edition
from generator.site.data import SiteData, load_site_data
from generator.site.search import Indexer
from generator.site.spare import SpareCore

OPEN_DATA = ("csv", "json")
DOCUMENTS = ("docx", "pdf")
T = TypeVar("T")


@dataclass(frozen=True)
class BuildOptions:
    """What to build: one edition of one data repository, in every language."""

    repo: Path
    edition: str
    as_of: dt.date
    languages: tuple[str, ...]
    rules_version: str = ""
    versioned: bool = False
    downloads: tuple[str, ...] = DOCUMENTS + OPEN_DATA
    search: bool = True
    repo_url: str = ""  # mkdocs.yml's repo_url: the web forms open GitHub's new-file page


@dataclass
class BuildSession:
    """The data of one build, loaded on first use, and the consolidated report of the
    period being written."""

    options: BuildOptions
    _data: SiteData | None = None
    # One period at a time: a consolidation is ~11 MB at national scale, and a process kept
    # every period's (~110 MB, measured); a period's pages and files are written together.
    _consolidated: tuple[int, Consolidation] | None = None
    _made: dict[str, Any] = field(default_factory=dict)
    indexer: Indexer = field(default_factory=Indexer)
    # In a language built in another process: gets what the first language has made for
    # every language since the fork (see :mod:`generator.site.parallel`).
    awaited: Callable[[], dict[str, Any]] | None = None
    # In the first language's process, once the others are started: tells when they have
    # ended, leaving a core for a helper (see :mod:`generator.site.spare`).
    spare: SpareCore | None = None

    @property
    def data(self) -> SiteData:
        if self._data is None:
            o = self.options
            self._data = load_site_data(o.repo, o.edition, o.as_of, o.rules_version)
        return self._data

    def once(self, key: str, make: Callable[[], T]) -> T:
        """``make()``, computed once per build (indexes every language shares)."""
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    def made(self) -> dict[str, Any]:
        """What :meth:`once` has made so far, by key."""
        return dict(self._made)

    def receive(self) -> None:
        """Take what the first language made for every language (the reports' layouts),
        waiting for it when it is made in another process."""
        if self.awaited is not None:
            self._made.update(self.awaited())
            self.awaited = None

    def consolidated(self, period: int) -> Consolidation:
        """The period's report before it is put into words (the same for every language).
        Only the last period asked for is kept: the next period's replaces it."""
        if self._consolidated is None or self._consolidated[0] != period:
            self._consolidated = None  # dropped before the next is made
            data = self.data
            rows = [r for r in data.status.rows if r.period == period]
            edition = cast(Edition, data.edition)
            found = consolidate(data.project, data.result, period, edition, data.as_of, rows)
            self._consolidated = (period, found)
        return self._consolidated[1]
