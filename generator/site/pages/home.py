"""Home: what this site is, and this year's status at a glance."""

from __future__ import annotations

from generator.site.charts import ChartText, chart_html, stacked_bars
from generator.site.pages.common import SitePages, count_states, rows_view, state_labels
from generator.site.render import render_page
from generator.site.session import BuildSession
from generator.site.texts import SiteTexts


def pages(session: BuildSession, texts: SiteTexts) -> SitePages:
    data = session.data
    year = data.as_of.year
    rows = [r for r in data.status.rows if r.due is not None and r.due.year == year]
    counts = count_states(rows)
    text = ChartText(
        title=texts("home.chart_title", year=year),
        desc=texts(
            "home.chart_desc", year=year, **{k.replace("-", "_"): v for k, v in counts.items()}
        ),
        table_caption=texts("home.chart_table", year=year),
        row_header=texts("col.year"),
        total_header=texts("col.total"),
    )
    chart = stacked_bars("home-glance", text, [(str(year), counts)], state_labels(texts))
    overdue = [v for v in rows_view(data, rows, texts.lang) if v.row.state in ("missing", "late")]
    registry = data.project.registry
    return SitePages(
        {
            "index.md": render_page(
                "home.md.j2",
                "index.md",
                texts("home.title"),
                texts,
                year=year,
                as_of=data.as_of,
                counts=counts,
                states=state_labels(texts),
                chart=chart_html(chart),
                overdue=overdue,
                edition=data.edition,
                illustrative=registry.illustrative,
                note=registry.note.get(texts.lang),
                invalid=len(data.invalid_files),
            )
        }
    )
