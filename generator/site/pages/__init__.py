"""The generated pages: {source path: Markdown} for one language, and the files beside them."""

from __future__ import annotations

from collections.abc import Callable

from generator.site.data import SiteData
from generator.site.pages import (
    bodies,
    calendar,
    dashboard,
    forms,
    home,
    reports,
    rules,
    treaties,
)
from generator.site.texts import SiteTexts

PageBuilder = Callable[[SiteData, SiteTexts], dict[str, str]]
BUILDERS: tuple[PageBuilder, ...] = (
    home.pages,
    dashboard.pages,
    reports.pages,
    bodies.pages,
    treaties.pages,
    calendar.pages,
    forms.pages,
    rules.pages,
)


def all_pages(data: SiteData, texts: SiteTexts) -> dict[str, str]:
    found: dict[str, str] = {}
    for builder in BUILDERS:
        found.update(builder(data, texts))
    return found


def all_files(data: SiteData, texts: SiteTexts) -> dict[str, bytes]:
    """Downloads: calendars and the consolidated report's files."""
    return {**calendar.files(data, texts), **reports.files(data, texts)}
