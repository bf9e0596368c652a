"""The Rules pages, from :mod:`generator.law.pages` (the same core ``treaty rules`` uses)."""

from __future__ import annotations

from generator.law.messages import load_catalogue
from generator.law.pages import build_pages
from generator.site.pages.common import SitePages
from generator.site.render import render_page
from generator.site.session import BuildSession
from generator.site.texts import SiteTexts


def pages(session: BuildSession, texts: SiteTexts) -> SitePages:
    data = session.data
    if data.law is None:
        return SitePages(
            {
                "rules/index.md": render_page(
                    "placeholder.md.j2",
                    "rules/index.md",
                    texts("nav.rules"),
                    texts,
                    message=texts("rules.not_available"),
                )
            }
        )
    return SitePages(
        build_pages(data.law, load_catalogue(texts.lang), data.as_of, data.rules_version)
    )
