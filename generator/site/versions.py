"""Readable names of the site's versions (one per edition of the Rules), in each language.

mike records one title per version in ``versions.json``; the version selector
(``site/docs/assets/treaty.js``) shows the name in the page's language instead, with the
version's alias (in force, draft) as ``versions.json`` has it now.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from generator.law.consolidate import editions
from generator.site.texts import SiteTexts, site_texts

if TYPE_CHECKING:
    from generator.site.session import BuildSession

ALIASES = ("in-force", "draft")


def day_text(day: dt.date, texts: SiteTexts) -> str:
    """``13 April 2023`` in the language of ``texts``."""
    return texts("date.long", day=day.day, month=texts(f"month.{day.month}"), year=day.year)


def edition_label(day: dt.date, texts: SiteTexts) -> str:
    """``Edition of 13 April 2023``."""
    return texts("version.edition", date=day_text(day, texts))


def version_title(day: dt.date, alias: str) -> str:
    """The title mike stores for a version: its English name and its alias."""
    texts = site_texts("en")
    return f"{edition_label(day, texts)} ({texts(f'version.alias.{alias}')})"


def version_labels(session: BuildSession, texts: SiteTexts) -> dict[str, object]:
    """What the version selector needs in this language: names by version, alias words."""
    law = session.data.law
    names = {e.id: edition_label(e.date, texts) for e in editions(law)} if law else {}
    return {
        "names": names,
        "aliases": {alias: texts(f"version.alias.{alias}") for alias in ALIASES},
        "select": texts("version.select"),
    }
