"""The site's interface text: ``generator/catalogues/site.<lang>.yaml``."""

from __future__ import annotations

from generator.i18n import Strings, area_strings

AREA = "site"

SiteTexts = Strings


def site_texts(lang: str) -> SiteTexts:
    """The ``labels:`` of ``site.<lang>.yaml``, nested keys joined with dots."""
    return area_strings(AREA, lang)
