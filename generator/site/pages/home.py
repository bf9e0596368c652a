"""Home: what this site is, and this year's status at a glance."""

from __future__ import annotations

import re

from generator.deadlines.render import ExcludedView
from generator.i18n import area_catalogue, catalogue
from generator.law.cite import citer
from generator.problems import Problem
from generator.site.charts import ChartText, chart_html, stacked_bars
from generator.site.data import SiteData
from generator.site.pages.common import SitePages, count_states, rows_view, state_labels
from generator.site.render import render_page
from generator.site.session import BuildSession
from generator.site.texts import SiteTexts

SHOWN = 50  # files listed on the home page; ``treaty status`` lists every one


def _reason(data: SiteData, problem: Problem, lang: str, hidden: frozenset[str]) -> str:
    """The problem in words; in the public edition a problem at an internal field gives
    only its place and code (its message may quote the value)."""
    where = texts_where(lang, problem)
    if hidden & set(re.findall(r"[A-Za-z_][\w-]*", problem.path)):
        return where
    said = catalogue(lang).localize(problem, data.project.forms, citer(lang))
    return f"{where}: {said.message}"


def texts_where(lang: str, problem: Problem) -> str:
    labels = area_catalogue("deadlines", lang)
    return labels.label("where", line=problem.line, column=problem.column, code=problem.code)


def left_out_view(data: SiteData, texts: SiteTexts) -> list[ExcludedView]:
    """What the site leaves out until corrected, in the page's language."""
    lang = texts.lang
    found = []
    for x in data.excluded:
        parts = x.path.split("/")
        body = data.project.registry.body_name(parts[2], lang) if len(parts) > 3 else ""
        form = data.project.forms.get(x.kind) if x.kind else None
        hidden = form.internal_fields if form and data.edition == "public" else frozenset()
        reasons = tuple(_reason(data, p, lang, hidden) for p in x.problems)
        found.append(ExcludedView(x, body, reasons))
    return found


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
                invalid=len(data.excluded),
                excluded=left_out_view(data, texts)[:SHOWN],
                more=max(0, len(data.excluded) - SHOWN),
            )
        }
    )
