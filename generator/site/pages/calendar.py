"""Deadline calendar: what falls due next, and an ``.ics`` file per body."""

from __future__ import annotations

from generator.deadlines.ics import calendar_for
from generator.deadlines.render import view_of
from generator.site.data import SiteData
from generator.site.pages.common import SitePages, rows_view
from generator.site.render import render_page
from generator.site.session import BuildSession
from generator.site.texts import SiteTexts


def files(data: SiteData, texts: SiteTexts) -> dict[str, bytes]:
    view = view_of(data.status, data.project, texts.lang)
    return {
        f"calendar/{body}.ics": calendar_for(view, body).encode("utf-8")
        for body in data.status.bodies()
    }


def pages(session: BuildSession, texts: SiteTexts) -> SitePages:
    data = session.data
    upcoming = [
        r
        for r in data.status.rows
        if r.state == "pending" and r.due is not None and r.due >= data.as_of
    ]
    upcoming.sort(key=lambda r: (r.due, r.body))
    registry = data.project.registry
    bodies = [(code, registry.body_name(code, texts.lang)) for code in data.status.bodies()]
    return SitePages(
        {
            "calendar/index.md": render_page(
                "calendar.md.j2",
                "calendar/index.md",
                texts("calendar.title"),
                texts,
                as_of=data.as_of,
                upcoming=rows_view(data, upcoming, texts.lang),
                bodies=bodies,
            )
        }
    )
