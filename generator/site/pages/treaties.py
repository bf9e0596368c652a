"""Per-treaty pages (data pages): every body's entries on a treaty, over the years; and the
treaty index, in pages of :data:`PAGE_SIZE` rows with each treaty's id."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from generator.model import Form, Submission, Treaty
from generator.site.data import SiteData
from generator.site.pages.common import Pager, SitePages, show, visible_fields
from generator.site.render import render_html, render_page
from generator.site.session import BuildSession
from generator.site.shell import DataPage
from generator.site.texts import SiteTexts

PAGE_SIZE = 200  # rows of the treaty index per page


@dataclass(frozen=True)
class EntryView:
    period: int
    body: str
    body_name: str
    table: str
    cells: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class EntryRef:
    """Where an entry on a treaty is: a submission, its form, table and row."""

    sub: Submission
    form: Form
    key: str
    row: Mapping[str, Any]


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


def _entry(data: SiteData, ref: EntryRef, lang: str) -> EntryView:
    form, key, row = ref.form, ref.key, ref.row
    table = next((t for t in form.tables if t.key == key), None)
    labels = {c.field: c.label.get(lang) for c in table.columns} if table else {}
    fields = [f for f, _ in _columns(form, key)] or [k for k in row if k != "treaty"]
    cells = tuple(
        (labels.get(f) or form.label(f, lang), show(data, row.get(f), lang, f))
        for f in visible_fields(form, fields, data.edition)
        if row.get(f) not in (None, "", [])
    )
    title = table.title.get(lang) if table else form.title.get(lang)
    name = data.project.registry.body_name(ref.sub.body, lang)
    return EntryView(ref.sub.period, ref.sub.body, name, title, cells)


def entry_refs(data: SiteData) -> dict[str, list[EntryRef]]:
    """Every entry that names a treaty, by treaty id (references only, no text)."""
    found: dict[str, list[EntryRef]] = {}
    for sub in data.submissions:
        form = data.project.forms.get(sub.kind)
        if form is None:
            continue
        for key, _, row in sub.entries(form):
            treaty = row.get("treaty") if isinstance(row, Mapping) else None
            if isinstance(treaty, str):
                found.setdefault(treaty, []).append(EntryRef(sub, form, key, row))
    return found


def _views(data: SiteData, refs: Sequence[EntryRef], lang: str) -> list[EntryView]:
    items = [_entry(data, ref, lang) for ref in refs]
    items.sort(key=lambda e: (-e.period, e.body, e.table))
    return items


def _treaty_page(data: SiteData, texts: SiteTexts, treaty: Treaty, refs: list[EntryRef]) -> str:
    lang = texts.lang
    title = treaty.title.get(lang) or treaty.id
    return render_html(
        "treaty.html.j2",
        f"treaties/{treaty.id}.md",
        title,
        texts,
        treaty=treaty,
        level=texts.get(f"level.{treaty.level}", treaty.level),
        kind=texts.get(f"kind.{treaty.kind}", treaty.kind),
        entries=_views(data, refs, lang),
        known_bodies={
            c: data.project.registry.body_name(c, lang)
            for c in treaty.bodies
            if c in data.project.registry.bodies
        },
    )


def index_src(number: int) -> str:
    """The source path of page ``number`` (from 1) of the treaty index."""
    return "treaties/index.md" if number == 1 else f"treaties/page/{number}.md"


def index_srcs(pages: int) -> tuple[str, ...]:
    return tuple(index_src(n) for n in range(1, pages + 1))


def _listing(
    data: SiteData, texts: SiteTexts, rows: Sequence[tuple[str, str, int]], number: int,
    srcs: tuple[str, ...],
) -> dict[str, Any]:  # fmt: skip
    registry = data.project.registry
    return {
        "treaties": rows,
        "illustrative": registry.illustrative,
        "note": registry.note.get(texts.lang),
        "number": number,
        "paging": Pager(srcs, number),
        "total": len(registry.treaties),
    }


def _data_pages(
    session: BuildSession, texts: SiteTexts, treaties: list[Treaty],
    rows: list[tuple[str, str, int]],
) -> Iterator[DataPage]:  # fmt: skip
    data = session.data
    refs = session.once("treaty-entries", lambda: entry_refs(data))
    chunks = [rows[i : i + PAGE_SIZE] for i in range(0, len(rows), PAGE_SIZE)] or [[]]
    srcs = index_srcs(len(chunks))
    title = texts("treaties.title")
    for number, chunk in enumerate(chunks[1:], 2):
        src = index_src(number)
        context = _listing(data, texts, chunk, number, srcs)
        make = partial(render_html, "treaties.html.j2", src, title, texts, **context)
        yield DataPage(src, texts("treaties.page_title", number=number), make)
    for treaty in treaties:
        yield DataPage(
            f"treaties/{treaty.id}.md",
            treaty.title.get(texts.lang) or treaty.id,
            partial(_treaty_page, data, texts, treaty, refs.get(treaty.id, [])),
        )


def pages(session: BuildSession, texts: SiteTexts) -> SitePages:
    data = session.data
    refs = session.once("treaty-entries", lambda: entry_refs(data))
    treaties = sorted(
        data.project.registry.treaties.values(), key=lambda t: (t.title.get(texts.lang), t.id)
    )
    rows = [(t.id, t.title.get(texts.lang) or t.id, len(refs.get(t.id, []))) for t in treaties]
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    first = render_page(
        "treaties.md.j2",
        "treaties/index.md",
        texts("treaties.title"),
        texts,
        **_listing(data, texts, rows[:PAGE_SIZE], 1, index_srcs(pages)),
    )
    return SitePages({"treaties/index.md": first}, _data_pages(session, texts, treaties, rows))
