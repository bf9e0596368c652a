"""The navigation and the language switcher, in the build's language."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from markupsafe import escape

from generator.site.texts import SiteTexts

# (catalogue key, page) in menu order; a page missing from the build is left out.
MENU: tuple[tuple[str, str], ...] = (
    ("nav.home", "index.md"),
    ("nav.about", "about.md"),
    ("nav.dashboard", "dashboard.md"),
    ("nav.reports", "reports/index.md"),
    ("nav.bodies", "bodies/index.md"),
    ("nav.treaties", "treaties/index.md"),
    ("nav.calendar", "calendar/index.md"),
    ("nav.forms", "forms/index.md"),
)
RULES: tuple[tuple[str, str], ...] = (
    ("nav.rules_index", "rules/index.md"),
    ("nav.rules_in_force", "rules/in-force/index.md"),
    ("nav.rules_timeline", "rules/timeline.md"),
    ("nav.rules_history", "rules/history/index.md"),
)
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


def navigation(texts: SiteTexts, pages: Collection[str]) -> list[Any]:
    """MkDocs ``nav``: titles from the catalogue (escaped: MkDocs prints them as HTML)."""
    nav: list[Any] = [{str(escape(texts(k))): p} for k, p in MENU if p in pages]
    rules = [{str(escape(texts(k))): p} for k, p in RULES if p in pages]
    if rules:
        nav.append({str(escape(texts("nav.rules"))): rules})
    return nav


def root_of(lang: str, languages: Sequence[str]) -> str:
    """A language's folder under the site root: the first language is the root itself."""
    return "" if lang == languages[0] else f"{lang}/"


def alternates(lang: str, languages: Sequence[str]) -> list[dict[str, str]]:
    """material's ``extra.alternate``: each link is relative to this build's root."""
    up = "" if lang == languages[0] else "../"
    return [
        {"name": LANGUAGE_NAMES[other], "link": up + root_of(other, languages), "lang": other}
        for other in languages
    ]
