"""The consolidated report's outputs for the site, built by :mod:`generator.report`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.site.data import SiteData

FORMATS = ("docx", "pdf", "csv", "json")


@dataclass(frozen=True)
class ReportOutputs:
    """The report of one period in one language: its HTML and its download files."""

    html: Markup | None = None
    files: Mapping[str, bytes] = field(default_factory=dict)
    names: Mapping[str, str] = field(default_factory=dict)
    missing: tuple[str, ...] = FORMATS


def report_outputs(data: SiteData, period: int, lang: str) -> ReportOutputs:
    """Nothing yet: the report package's entry point is not available to the site."""
    return ReportOutputs()
