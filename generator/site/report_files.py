"""The consolidated report's outputs for the site, built by :mod:`generator.report`.

The same core ``treaty report`` calls: consolidate → document → renderers. The report is
built for the site's edition, so the public site never carries chapter 6 material. A
period's pages and files are written together, from one consolidation that the
:class:`BuildSession` keeps until the next period's; each language puts it into words, and
its files are written to disk one at a time (a national report is megabytes in every
format).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from generator.report.document import Document
from generator.report.labels import report_labels
from generator.report.render import opendata
from generator.report.render.docx import to_docx
from generator.report.render.pdf import to_pdf
from generator.report.view import build_document
from generator.site.session import BuildSession
from generator.site.shell import DataFile

FORMATS = ("docx", "pdf", "csv", "json")


def _when(as_of: dt.date) -> dt.datetime:
    """Documents are stamped with the status day, so a rebuild gives the same bytes."""
    return dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.UTC)


def report_document(session: BuildSession, period: int, lang: str) -> Document:
    found = session.consolidated(period)
    return build_document(found, session.data.project, lang)


def file_names(session: BuildSession, period: int, lang: str) -> dict[str, str]:
    """The period's download files in ``lang`` by format, as the site offers them."""
    stem = f"annex6-{period}-{session.options.edition}-{lang}"
    return {fmt: f"{stem}.{fmt}" for fmt in FORMATS if fmt in session.options.downloads}


def report_title(period: int, lang: str) -> str:
    """The report's title, as :func:`build_document` gives it."""
    return report_labels(lang)("title", period=period)


def report_files(
    session: BuildSession, period: int, lang: str, document: Callable[[], Document]
) -> Iterator[DataFile]:
    """The period's downloads, each made only when it is written (``document``: the
    report in ``lang``, asked for only by the DOCX and the PDF)."""
    found = session.consolidated(period)
    project = session.data.project
    when = _when(session.options.as_of)
    names = file_names(session, period, lang)
    title = report_title(period, lang)

    made: dict[str, tuple[opendata.OpenDataTable, ...]] = {}

    def open_data() -> tuple[opendata.OpenDataTable, ...]:
        """The open-data tables, made once for the CSV and the JSON."""
        if "tables" not in made:
            made["tables"] = opendata.tables(found, project, lang)
        return made["tables"]

    makers: dict[str, Callable[[], bytes]] = {
        "docx": lambda: to_docx(document(), when),
        "pdf": lambda: to_pdf(document(), when),
        "csv": lambda: opendata.to_csv(open_data()[0]).encode("utf-8"),
        "json": lambda: opendata.to_json(found, project, lang, title, open_data()).encode("utf-8"),
    }
    for fmt, name in names.items():
        yield DataFile(f"downloads/{name}", makers[fmt])
