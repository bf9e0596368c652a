"""Per-treaty pages: every body's entries on a treaty, over the years."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.model import Form, Submission, Treaty
from generator.site.data import SiteData
from generator.site.pages.common import show, visible_fields
from generator.site.render import render_page
from generator.site.texts import SiteTexts


@dataclass(frozen=True)
class EntryView:
    period: int
    body: str
    body_name: str
    table: str
    cells: tuple[tuple[str, str], ...]


def _columns(form: Form, key: str) -> list[tuple[str, str]]:
    """(field, label) of a table's own columns; register columns (``treaty.*``) are left out."""
    for table in form.tables:
        if table.key == key:
            return [
                (c.field, c.label.get("kk"))
                for c in table.columns
                if c.field != "treaty" and not c.field.startswith("treaty.")
            ]
    return []


def _entry(
    data: SiteData, sub: Submission, form: Form, key: str, row: Mapping[str, Any], lang: str
) -> EntryView:
    table = next((t for t in form.tables if t.key == key), None)
    labels = {c.field: c.label.get(lang) for c in table.columns} if table else {}
    fields = [f for f, _ in _columns(form, key)] or [k for k in row if k != "treaty"]
    cells = tuple(
        (labels.get(f) or form.label(f, lang), show(data, row.get(f), lang, f))
        for f in visible_fields(form, fields, data.edition)
        if row.get(f) not in (None, "", [])
    )
    title = table.title.get(lang) if table else form.title.get(lang)
    name = data.project.registry.body_name(sub.body, lang)
    return EntryView(sub.period, sub.body, name, title, cells)


def entries_by_treaty(data: SiteData, lang: str) -> dict[str, list[EntryView]]:
    found: dict[str, list[EntryView]] = {}
    for sub in data.submissions:
        form = data.project.forms.get(sub.kind)
        if form is None:
            continue
        for key, _, row in sub.entries(form):
            treaty = row.get("treaty") if isinstance(row, Mapping) else None
            if isinstance(treaty, str):
                found.setdefault(treaty, []).append(_entry(data, sub, form, key, row, lang))
    for items in found.values():
        items.sort(key=lambda e: (-e.period, e.body, e.table))
    return found


def _treaty_page(data: SiteData, texts: SiteTexts, treaty: Treaty, entries: list[EntryView]) -> str:
    lang = texts.lang
    return render_page(
        "treaty.md.j2",
        f"treaties/{treaty.id}.md",
        treaty.title.get(lang) or treaty.id,
        texts,
        treaty=treaty,
        level=texts.get(f"level.{treaty.level}", treaty.level),
        kind=texts.get(f"kind.{treaty.kind}", treaty.kind),
        entries=entries,
        known_bodies={
            c: data.project.registry.body_name(c, lang)
            for c in treaty.bodies
            if c in data.project.registry.bodies
        },
    )


def pages(data: SiteData, texts: SiteTexts) -> dict[str, str]:
    registry = data.project.registry
    entries = entries_by_treaty(data, texts.lang)
    treaties = sorted(registry.treaties.values(), key=lambda t: t.title.get(texts.lang))
    listing = [
        (t.id, t.title.get(texts.lang) or t.id, len(entries.get(t.id, []))) for t in treaties
    ]
    found = {
        "treaties/index.md": render_page(
            "treaties.md.j2",
            "treaties/index.md",
            texts("treaties.title"),
            texts,
            treaties=listing,
            illustrative=registry.illustrative,
            note=registry.note.get(texts.lang),
        )
    }
    for treaty in treaties:
        found[f"treaties/{treaty.id}.md"] = _treaty_page(
            data, texts, treaty, entries.get(treaty.id, [])
        )
    return found
