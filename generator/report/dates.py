"""Dates in words for the report's prose and tables: «27 июня 2025 года», «2025 жылғы 27
маусым», "27 June 2025". The month names and the order are the report catalogue's
(``date`` and ``month.1`` … ``month.12``); JSON and CSV keep ISO dates.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.report.labels import ReportLabels

ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
ISO_IN_TEXT = re.compile(r"(?<![\w/.-])(\d{4})-(\d{2})-(\d{2})(?![\w/-])")


def day_in_words(day: dt.date, t: ReportLabels, attributive: bool = False) -> str:
    """The date in words; ``attributive``: the form before the noun it qualifies, which
    Kazakh inflects («2026 жылғы 1 ақпандағы жағдай бойынша»)."""
    if attributive:
        month = t(f"month_attributive.{day.month}")
        return t("date_attributive", day=day.day, month=month, year=day.year)
    return t("date", day=day.day, month=t(f"month.{day.month}"), year=day.year)


def parse_day(text: str) -> dt.date | None:
    """``text`` as a date if it is exactly YYYY-MM-DD (a datetime's day counts too)."""
    match = ISO_DAY.match(text[:10]) if len(text) in (10, 16, 19, 20, 25) else None
    if match is None or (len(text) > 10 and text[10] not in "T "):
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def words_if_date(text: str, t: ReportLabels) -> str:
    """``text`` in words if it is an ISO date, else unchanged."""
    day = parse_day(text)
    return day_in_words(day, t) if day else text


def dates_in_words(text: str, t: ReportLabels) -> str:
    """Every free-standing ISO date inside ``text`` (not one inside a file name) in words."""

    def one(match: re.Match[str]) -> str:
        day = parse_day(match[0])
        return day_in_words(day, t) if day else match[0]

    return ISO_IN_TEXT.sub(one, text)
