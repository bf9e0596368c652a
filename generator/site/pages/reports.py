"""The consolidated Annex 6 report per period, in parts, with DOCX, PDF, CSV and JSON files.

The report itself is built by :mod:`generator.report` (the core ``treaty report`` uses);
this module only places its outputs on the site: ``reports/<period>/`` is the report's
first part, with its downloads and contents; ``reports/<period>/<n>/`` the others.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from generator.report.document import Document, Section
from generator.site.pages.common import Pager, SitePages
from generator.site.render import render_html, render_page
from generator.site.report_files import (
    FORMATS,
    DataFile,
    file_names,
    report_document,
    report_files,
)
from generator.site.report_parts import Part, apply, plan_of, sections_of
from generator.site.session import BuildSession
from generator.site.shell import DataGroup, DataPage
from generator.site.texts import SiteTexts


def part_src(period: int, number: int) -> str:
    return f"reports/{period}.md" if number == 1 else f"reports/{period}/{number}.md"


@dataclass(frozen=True)
class PeriodParts:
    """What every part page of a period's report shows alike (made once per period)."""

    period: int
    srcs: tuple[str, ...]
    contents: list[tuple[int, Section]]
    downloads: list[tuple[str, str]]
    missing: list[str]


def _period_parts(
    session: BuildSession, texts: SiteTexts, period: int, parts: list[Part]
) -> PeriodParts:
    names = file_names(session, period, texts.lang)
    return PeriodParts(
        period,
        tuple(part_src(period, p.number) for p in parts),
        sections_of(parts),
        [(fmt, f"downloads/{name}") for fmt, name in names.items()],
        [fmt for fmt in FORMATS if fmt not in names],
    )


def _part_page(
    texts: SiteTexts, shared: PeriodParts, part: Part, title: str, heading: Document
) -> DataPage:
    period = shared.period
    src = part_src(period, part.number)
    context = {
        "period": period,
        "part": part,
        "paging": Pager(shared.srcs, part.number),
        "contents": shared.contents,
        "part_src": lambda n: part_src(period, n),
        "downloads": shared.downloads,
        "missing": shared.missing,
        "heading": heading,
    }
    page_title = title if part.number == 1 else texts("pager.page_of", title=title,
                                                      number=part.number)  # fmt: skip
    return DataPage(
        src,
        page_title,
        lambda: render_html("report.html.j2", src, page_title, texts, **context),
        searched=part.number == 1,  # the report's title and contents; its rows are on the
    )  # treaty and body pages, and thousands of parts would swell the search index


def _period(session: BuildSession, texts: SiteTexts, period: int) -> Iterator[DataPage | DataFile]:
    document = report_document(session, period, texts.lang)
    # the layout of the first language built, so every language has the same parts
    plan = session.once(f"report-plan-{period}", lambda: plan_of(document))
    parts = apply(plan, document)
    title = texts("reports.period_title", period=period)
    shared = _period_parts(session, texts, period, parts)
    for part in parts:
        yield _part_page(texts, shared, part, title, document)
    # made now, from this consolidation and document (one period's is kept at a time)
    yield from report_files(session, period, texts.lang, lambda: document)


def report_periods(session: BuildSession) -> list[int]:
    """Periods someone has reported on, newest first."""
    return sorted({s.period for s in session.data.submissions}, reverse=True)


def _parts(session: BuildSession, texts: SiteTexts) -> Iterator[DataGroup]:
    """Each period's parts and files, made together when written (from one document)."""
    for period in report_periods(session):
        yield DataGroup(partial(_period, session, texts, period))


def pages(session: BuildSession, texts: SiteTexts) -> SitePages:
    periods = [(p, part_src(p, 1)) for p in report_periods(session)]
    index = render_page(
        "reports.md.j2", "reports/index.md", texts("reports.title"), texts, periods=periods
    )
    # first: the layout of each period's parts is made from the first language's report
    return SitePages({"reports/index.md": index}, first=_parts(session, texts))
