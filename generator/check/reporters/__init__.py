"""Reporters only format problems: text, JSON, GitHub annotations, Markdown."""

from __future__ import annotations

from collections.abc import Callable

from generator.check.reporters.formats import github, json_report, markdown, text
from generator.check.reporters.view import ReportView

Reporter = Callable[[ReportView], str]

REPORTER_BY_NAME: dict[str, Reporter] = {
    "text": text,
    "json": json_report,
    "github": github,
    "markdown": markdown,
}

__all__ = ["REPORTER_BY_NAME", "ReportView", "Reporter"]
