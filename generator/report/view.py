"""Turn a :class:`Consolidation` into a :class:`Document` in one language: sections I–V."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.check.project import Project
from generator.law.cite import cite_chapter, cite_label
from generator.law.messages import load_catalogue
from generator.report.context import Words
from generator.report.document import Block, Cell, Document, Para, Section
from generator.report.model import Assessment, Consolidation, StatusCount
from generator.report.text import localized
from generator.report.view_annex import annex_sections, chapter6_section, closing_sections

ASSESSMENT_KIND = "assessment"


def _paragraphs(w: Words, value: object) -> list[Para]:
    raw = localized(value, w.lang) if value else ""
    return [Para(" ".join(p.split())) for p in raw.split("\n\n") if p.strip()]


def _commentary(w: Words, a: Assessment, part: str) -> list[Block]:
    text = a.commentary.get(part) if a.commentary else None
    if not text:
        return [w.placeholder("placeholder_commentary", section=part)]
    return [Para(w.t("commentary_by_mfa", section=part), "note"), *_paragraphs(w, text)]


def section1(w: Words, a: Assessment) -> Section:
    blocks: list[Block] = [*_paragraphs(w, a.text)] or [w.placeholder("placeholder_assessment")]
    form = w.form(ASSESSMENT_KIND)
    for key, field in (("by_partner", "partner"), ("by_area", "area")):
        rows: tuple[Mapping[str, Any], ...] = getattr(a, key)
        caption = form.label(key, w.lang) if form else key
        if not rows:
            blocks.append(w.placeholder("placeholder_part", part=caption))
            continue
        header = [form.label(field, w.lang) if form else field, w.t("col_text")]
        body = [[w.plain(r.get(field), field), w.text(r.get("text"))] for r in rows]
        blocks.append(w.table(caption, header, body))
    notes = a.entry.row.get("internal_notes") if a.entry else None
    if notes and form:
        blocks.append(Para(f"{form.label('internal_notes', w.lang)}: {w.text(notes)}", "note"))
    return Section("section-1", w.t("section_1"), 2, tuple(blocks))


def _status_table(
    w: Words, caption: str, first: str, groups: tuple[StatusCount, ...], by: str
) -> Any:
    codes = [s for s, _ in groups[0].by_status] if groups else []
    if by == "area":
        order = w.order("area")
        groups = tuple(
            sorted(groups, key=lambda g: (order.index(g.key) if g.key in order else 99, g.key))
        )
    header = [
        first,
        w.t("col_treaties"),
        w.t("col_entries"),
        *(w.value("status", c) for c in codes),
    ]
    name = w.body if by == "body" else (lambda code: w.value("area", code))
    rows = [[name(g.key), g.treaties, g.entries, *(n for _, n in g.by_status)] for g in groups]
    return w.table(caption, header, rows)


def section2(w: Words, c: Consolidation) -> Section:
    s = c.section2
    blocks: list[Block] = _commentary(w, c.assessment, "II")
    if not s.by_body:
        blocks.append(Para(w.t("none_annex1")))
    else:
        blocks.append(_status_table(w, w.t("caption_by_area"), w.t("col_area"), s.by_area, "area"))
        blocks.append(_status_table(w, w.t("caption_by_body"), w.t("col_body"), s.by_body, "body"))
        status_rows = [[w.value("status", code), n] for code, n in s.statuses]
        blocks.append(
            w.table(w.t("caption_by_status"), [w.t("col_status"), w.t("col_count")], status_rows)
        )
    blocks.append(Para(w.t("measures_note", total=s.measures_total, notable=len(s.notable))))
    if s.notable:
        header = [
            w.t(k)
            for k in (
                "col_area",
                "col_treaty",
                "col_body",
                "col_date",
                "col_measure",
                "col_document",
            )
        ]
        rows = [
            [
                w.value("area", m.area),
                w.treaty(m.treaty),
                w.body(m.body),
                m.date,
                w.text(m.text),
                m.document,
            ]
            for m in s.notable
        ]
        blocks.append(w.table(w.t("caption_notable"), header, rows))
    return Section("section-2", w.t("section_2"), 2, tuple(blocks))


def section3(w: Words, c: Consolidation) -> Section:
    s = c.section3
    blocks: list[Block] = _commentary(w, c.assessment, "III")
    if s.by_stage:
        rows = [[w.value("stage", code), n] for code, n in s.by_stage]
        blocks.append(w.table(w.t("caption_by_stage"), [w.t("col_stage"), w.t("col_count")], rows))
    else:
        blocks.append(Para(w.t("none_annex4")))
    if s.overdue:
        header = [w.t("col_treaty"), w.t("col_body"), w.t("col_content")]
        rows = [[w.treaty(e.treaty), w.body(e.body), w.content(e)] for e in s.overdue]
        blocks.append(w.table(w.t("caption_overdue"), header, rows))
    else:
        blocks.append(Para(w.t("none_overdue")))
    return Section("section-3", w.t("section_3"), 2, tuple(blocks))


def section4(w: Words, c: Consolidation) -> list[Section]:
    blocks: list[Block] = _commentary(w, c.assessment, "IV")
    if not c.section4:
        blocks.append(Para(w.t("none_problems")))
    sections = [Section("section-4", w.t("section_4"), 2, tuple(blocks))]
    header = [w.t("col_body"), w.t("col_source"), w.t("col_content")]
    for n, group in enumerate(c.section4, start=1):
        rows = [[w.body(e.body), w.table_title(e), w.content(e)] for e in group.entries]
        table = w.table("", header, rows)
        sections.append(Section(f"section-4-{n}", w.treaty(group.treaty), 3, (table,)))
    return sections


def section5(w: Words, c: Consolidation, project: Project) -> Section:
    recs = c.assessment.recommendations
    if not recs:
        return Section(
            "section-5", w.t("section_5"), 2, (w.placeholder("placeholder_recommendations"),)
        )
    form = w.form(ASSESSMENT_KIND)
    table = next((t for t in form.tables if t.key == "recommendations"), None) if form else None
    fields = [col.field for col in table.columns] if table else []
    header = [col.label.get(w.lang) for col in table.columns] if table else []

    def attachment(path: str | None, found: bool) -> Cell:
        if not path:
            return Cell(w.t("no_attachment"))
        return Cell(path, path) if found else Cell(w.t("attachment_missing", path=path))

    rows = []
    for r in recs:
        values = {"organisation": w.text(r.organisation), "title": w.text(r.title)}
        values |= {"reference": r.reference, "date": r.date}
        rows.append(
            [
                attachment(r.attachment, r.attachment_found)
                if f == "attachment"
                else values.get(f, "")
                for f in fields
            ]
        )
    caption = table.title.get(w.lang) if table else ""
    return Section("section-5", w.t("section_5"), 2, (w.table(caption, header, rows),))


def build_document(c: Consolidation, project: Project, lang: str) -> Document:
    w = Words.of(lang, project.forms, project.registry)
    notices = [w.t("notice_default_forms")]
    if project.registry.illustrative:
        notices.append(w.t("notice_illustrative", note=w.text(project.registry.note)))
    if c.edition == "internal":
        chapter = cite_chapter("6", load_catalogue(lang)).label  # with its status (a draft)
        notices.append(w.t("notice_internal", chapter=chapter))
    sections = [section1(w, c.assessment), section2(w, c), section3(w, c), *section4(w, c)]
    sections.append(section5(w, c, project))
    if c.edition == "internal":
        sections.extend(chapter6_section(w, c))
    sections.extend(annex_sections(w, c))
    sections.extend(closing_sections(w, c))
    return Document(
        lang=lang,
        title=w.t("title", period=c.period),
        subtitle=w.t(f"edition_{c.edition}"),
        facts=(
            w.t("fact_as_of", date=c.as_of.isoformat()),
            w.t("fact_rule", rule=cite_label("4", load_catalogue(lang))),  # status included
        ),
        notices=tuple(notices),
        sections=tuple(sections),
        labels=dict(w.t.labels),
    )
