"""Per-body pages: each body's submissions and its timeliness history."""

from __future__ import annotations

from generator.model import Body
from generator.site.data import SiteData
from generator.site.pages.common import count_states, form_title, rows_view, state_labels
from generator.site.render import render_page
from generator.site.texts import SiteTexts


def _codes(data: SiteData) -> list[str]:
    found = set(data.project.registry.bodies)
    found |= {s.body for s in data.submissions} | {r.body for r in data.status.rows}
    return sorted(found)


def _body_page(data: SiteData, texts: SiteTexts, code: str) -> str:
    lang = texts.lang
    body: Body | None = data.project.registry.bodies.get(code)
    name = body.name.get(lang) if body else code
    rows = [r for r in data.status.rows if r.body == code]
    subs = sorted(data.of_body(code), key=lambda s: (-s.period, s.kind, s.path))
    submissions = [(s.period, form_title(data, s.kind, lang), s.event_date, s.path) for s in subs]
    src = f"bodies/{code}.md"
    return render_page(
        "body.md.j2",
        src,
        name,
        texts,
        code=code,
        body=body,
        category=texts.get(f"category.{body.category}", body.category) if body else "",
        history=rows_view(data, rows, lang),
        counts=count_states(rows),
        states=state_labels(texts),
        submissions=submissions,
        has_calendar=bool(rows),
    )


def pages(data: SiteData, texts: SiteTexts) -> dict[str, str]:
    registry = data.project.registry
    codes = _codes(data)
    listing = [
        (
            code,
            registry.body_name(code, texts.lang),
            count_states(r for r in data.status.rows if r.body == code),
        )
        for code in codes
    ]
    found = {
        "bodies/index.md": render_page(
            "bodies.md.j2",
            "bodies/index.md",
            texts("bodies.title"),
            texts,
            bodies=listing,
            states=state_labels(texts),
        )
    }
    for code in codes:
        found[f"bodies/{code}.md"] = _body_page(data, texts, code)
    return found
