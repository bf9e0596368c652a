"""The generated pages of one language: MkDocs pages (Markdown, few, in the navigation), data
pages (HTML put into material's frame, many, made one at a time) and download files."""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain

from generator.site.pages import (
    bodies,
    calendar,
    dashboard,
    forms,
    home,
    reports,
    rules,
    treaties,
    webforms,
)
from generator.site.pages.common import SitePages
from generator.site.session import BuildSession
from generator.site.texts import SiteTexts

__all__ = ["BUILDERS", "SitePages", "all_files", "all_pages"]

PageBuilder = Callable[[BuildSession, SiteTexts], SitePages]
BUILDERS: tuple[PageBuilder, ...] = (
    home.pages,
    dashboard.pages,
    reports.pages,
    bodies.pages,
    treaties.pages,
    calendar.pages,
    forms.pages,
    rules.pages,
    webforms.pages,
)


def all_pages(session: BuildSession, texts: SiteTexts) -> SitePages:
    found = SitePages()
    for builder in BUILDERS:
        made = builder(session, texts)
        found.pages.update(made.pages)
        found.data = chain(found.data, made.data)
        found.first = chain(found.first, made.first)
    return found


def all_files(session: BuildSession, texts: SiteTexts) -> dict[str, bytes]:
    """Small downloads MkDocs copies: the calendars (the reports' files are data files)."""
    return calendar.files(session.data, texts)
