"""Compliance dashboard: on-time, late and missing per body and per period, charted."""

from __future__ import annotations

from collections import defaultdict

from markupsafe import Markup

from generator.deadlines.values import StatusRow
from generator.site.charts import ChartText, chart_html, stacked_bars
from generator.site.data import SiteData
from generator.site.pages.common import SitePages, count_states, state_labels
from generator.site.render import render_page
from generator.site.session import BuildSession
from generator.site.texts import SiteTexts


def _period_chart(data: SiteData, texts: SiteTexts, rows: list[StatusRow]) -> Markup:
    by_period: dict[int, list[StatusRow]] = defaultdict(list)
    for row in rows:
        by_period[row.period].append(row)
    text = ChartText(
        title=texts("dashboard.by_period"),
        desc=texts("dashboard.by_period_desc"),
        table_caption=texts("dashboard.by_period_table"),
        row_header=texts("col.period"),
        total_header=texts("col.total"),
    )
    series = [(str(p), count_states(by_period[p])) for p in sorted(by_period, reverse=True)]
    return chart_html(stacked_bars("periods", text, series, state_labels(texts)))


def _body_chart(data: SiteData, texts: SiteTexts, period: int, rows: list[StatusRow]) -> Markup:
    by_body: dict[str, list[StatusRow]] = defaultdict(list)
    for row in rows:
        by_body[row.body].append(row)
    registry = data.project.registry
    text = ChartText(
        title=texts("dashboard.by_body", period=period),
        desc=texts("dashboard.by_body_desc", period=period),
        table_caption=texts("dashboard.by_body_table", period=period),
        row_header=texts("col.body"),
        total_header=texts("col.total"),
    )
    series = [
        (registry.body_name(code, texts.lang), count_states(by_body[code]))
        for code in sorted(by_body)
    ]
    return chart_html(stacked_bars(f"bodies-{period}", text, series, state_labels(texts)))


def period_src(period: int) -> str:
    return f"dashboard/{period}.md"


def pages(session: BuildSession, texts: SiteTexts) -> SitePages:
    """The overview (every period, and the newest period by body) and one page per period
    by body: sixty bodies' bars for ten periods on one page would be a third of a megabyte."""
    data = session.data
    rows = list(data.status.rows)
    by_period: dict[int, list[StatusRow]] = defaultdict(list)
    for row in rows:
        by_period[row.period].append(row)
    periods = sorted(by_period, reverse=True)
    newest = periods[:1]
    found = {
        "dashboard.md": render_page(
            "dashboard.md.j2",
            "dashboard.md",
            texts("dashboard.title"),
            texts,
            as_of=data.as_of,
            overall=_period_chart(data, texts, rows),
            per_period=[(p, _body_chart(data, texts, p, by_period[p])) for p in newest],
            periods=[(p, period_src(p)) for p in periods],
        )
    }
    for period in periods:
        found[period_src(period)] = render_page(
            "dashboard_period.md.j2",
            period_src(period),
            texts("dashboard.period", period=period),
            texts,
            as_of=data.as_of,
            chart=_body_chart(data, texts, period, by_period[period]),
            periods=[(p, period_src(p)) for p in periods],
        )
    return SitePages(found)
