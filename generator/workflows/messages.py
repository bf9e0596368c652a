"""The GitHub texts (comments, summaries, reminders) from ``catalogues/github.<lang>.yaml``."""

from __future__ import annotations

from generator.i18n import Strings, area_strings

AREA = "github"

Messages = Strings


def messages(lang: str) -> Messages:
    """The GitHub texts of ``lang``; a missing key is a broken catalogue."""
    return area_strings(AREA, lang)
