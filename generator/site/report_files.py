"""The consolidated report's outputs for the site, built by :mod:`generator.report`.

The same core ``treaty report`` calls: consolidate → document → renderers. The report is
built for the site's edition, so the public site never carries chapter 6 material.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.report.consolidate import consolidate
from generator.report.document import Document
from generator.report.render import opendata
from generator.report.render.docx import to_docx
from generator.report.render.pdf import to_pdf
from generator.report.view import build_document
from generator.site.data import SiteData
from generator.site.render import environment

FORMATS = ("docx", "pdf", "csv", "json")
_CACHE: dict[tuple[object, ...], ReportOutputs] = {}


@dataclass(frozen=True)
class ReportOutputs:
    """The report of one period in one language: its HTML and its download files."""

    html: Markup | None = None
    files: Mapping[str, bytes] = field(default_factory=dict)
    names: Mapping[str, str] = field(default_factory=dict)
    missing: tuple[str, ...] = ()


def _when(as_of: dt.date) -> dt.datetime:
    """Documents are stamped with the status day, so a rebuild gives the same bytes."""
    return dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.UTC)


def document_html(document: Document) -> Markup:
    return Markup(environment().get_template("report_body.html.j2").render(doc=document))


def _build(data: SiteData, period: int, lang: str) -> ReportOutputs:
    project = data.project
    rows = [r for r in data.status.rows if r.period == period]
    found = consolidate(project, data.result, period, data.edition, data.as_of, rows)  # type: ignore[arg-type]
    document = build_document(found, project, lang)
    when = _when(data.as_of)
    stem = f"annex6-{period}-{data.edition}-{lang}"
    tables = opendata.tables(found, project, lang)  # made once, for the CSV and the JSON
    json_text = opendata.to_json(found, project, lang, document.title, tables)
    files = {
        f"{stem}.docx": to_docx(document, when),
        f"{stem}.pdf": to_pdf(document, when),
        f"{stem}.csv": opendata.to_csv(tables[0]).encode("utf-8"),
        f"{stem}.json": json_text.encode("utf-8"),
    }
    names = {fmt: f"{stem}.{fmt}" for fmt in FORMATS}
    return ReportOutputs(document_html(document), files, names)


def report_outputs(data: SiteData, period: int, lang: str) -> ReportOutputs:
    """The period's report in ``lang`` (built once per process for the same data)."""
    key = (id(data), period, lang)
    if key not in _CACHE:
        _CACHE[key] = _build(data, period, lang)
    return _CACHE[key]
