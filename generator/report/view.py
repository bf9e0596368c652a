"""Turn a :class:`Consolidation` into a :class:`Document` in one language: sections I–V."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from generator.check.project import Project
from generator.law.cite import cite_chapter, cite_label
from generator.law.messages import load_catalogue
from generator.report.context import Words
from generator.report.dates import dates_in_words, day_in_words
from generator.report.document import Block, Cell, Document, Para, Section, TableBlock
from generator.report.model import Assessment, Consolidation, StatusCount
from generator.report.parties import load_parties
from generator.report.text import localized
from generator.report.view_annex import annex_sections, chapter6_section, closing_sections
from generator.report.view_letter import build_letter, copy_number

ASSESSMENT_KIND = "assessment"


def _paragraphs(w: Words, value: object) -> list[Para]:
    raw = localized(value, w.lang, w.fallback) if value else ""
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


def section5(w: Words, c: Consolidation) -> Section:
    a = c.assessment
    heading = w.t("section_5")
    if not a.recommendations:
        key = "none_recommendations" if a.recommendations_given else ""
        block = Para(w.t(key)) if key else w.placeholder("placeholder_recommendations")
        return Section("section-5", heading, 2, (block,))
    form = w.form(ASSESSMENT_KIND)
    table = next((t for t in form.tables if t.key == "recommendations"), None) if form else None
    fields = [col.field for col in table.columns] if table else []
    header = [col.label.get(w.lang) for col in table.columns] if table else []

    def attachment(r: Any) -> Cell:
        if not r.attachment:
            return Cell(w.t("no_attachment"))
        if not r.attachment_found:
            return Cell(w.t("copy_missing"), missing=True)
        if r.pages is None:
            return Cell(w.t("copy_unreadable"), missing=True)
        return Cell(w.t("copy_attached", number=copy_number(c, r), pages=r.pages))

    rows = []
    for r in a.recommendations:
        values = {"organisation": w.text(r.organisation), "title": w.text(r.title)}
        values |= {"reference": r.reference, "date": w.day(r.date)}
        rows.append([attachment(r) if f == "attachment" else values.get(f, "") for f in fields])
    # The table has no caption: it would repeat the section's heading.
    return Section("section-5", heading, 2, (w.table("", header, rows),))


def _words_for_dates(sections: list[Section], w: Words) -> list[Section]:
    """Every free-standing ISO date of the prose and the tables, in words."""

    def words(text: str) -> str:
        return dates_in_words(text, w.t)

    def block(b: Block) -> Block:
        if isinstance(b, Para):
            return dataclasses.replace(b, text=words(b.text))
        rows = tuple(tuple(dataclasses.replace(x, text=words(x.text)) for x in r) for r in b.rows)
        return TableBlock(words(b.caption), tuple(words(h) for h in b.header), rows)

    return [dataclasses.replace(s, blocks=tuple(block(b) for b in s.blocks)) for s in sections]


def _tracked(w: Words, parts: list[Callable[[], list[Section]]]) -> tuple[list[Section], list[str]]:
    """The sections, and the headings of the parts that show a text in another language."""
    sections: list[Section] = []
    untranslated: list[str] = []
    for part in parts:
        before = sum(w.untranslated.values())
        made = part()
        if sum(w.untranslated.values()) > before and made:
            untranslated.append(made[0].heading)
        sections.extend(made)
    return sections, untranslated


def point_4(lang: str) -> str:
    """Point 4 of the Rules (the report's basis), cited with its status (a draft)."""
    return cite_label("4", load_catalogue(lang))


def _chapter(lang: str) -> str:
    """Chapter 6 of the Rules, cited with its status (a draft)."""
    return cite_chapter("6", load_catalogue(lang)).label


def _note(w: Words, c: Consolidation, project: Project, untranslated: list[str]) -> list[str]:
    """The short note after the title block: the disclaimers, once."""
    note = [w.t("note_default_forms")]
    if project.registry.illustrative:
        note.append(w.t("note_illustrative"))
    note.append(w.t("note_rules_draft", rule=point_4(w.lang)))
    note.append(w.t("note_parties"))
    if untranslated:
        languages = sorted(w.untranslated)
        shown = ", ".join(w.t(f"in_lang.{code}") for code in languages)
        marks = ", ".join(f"({code})" for code in languages)
        note.append(
            w.t("note_untranslated", parts="; ".join(untranslated), languages=shown, marks=marks)
        )
    if c.edition == "internal":
        note.append(w.t("notice_internal", chapter=_chapter(w.lang)))
    return note


def build_document(c: Consolidation, project: Project, lang: str, final: bool = False) -> Document:
    """The report in ``lang``: a draft (watermarked, missing parts marked) unless ``final``.

    A final document is built only when nothing is missing (see
    :func:`generator.report.completeness.missing_parts`; ``treaty report --final`` checks).
    """
    parties = load_parties(project.root, project.parsed)
    w = Words.of(lang, project.forms, project.registry, parties)
    notices = [w.t("notice_default_forms")]
    if project.registry.illustrative:
        notices.append(w.t("notice_illustrative", note=w.text(project.registry.note)))
    if c.edition == "internal":
        notices.append(w.t("notice_internal", chapter=_chapter(lang)))
    parts: list[Callable[[], list[Section]]] = [
        lambda: [section1(w, c.assessment)],
        lambda: [section2(w, c)],
        lambda: [section3(w, c)],
        lambda: section4(w, c),
        lambda: [section5(w, c)],
    ]
    if c.edition == "internal":
        parts.append(lambda: chapter6_section(w, c))
    parts += [lambda: annex_sections(w, c), lambda: closing_sections(w, c)]
    sections, untranslated = _tracked(w, parts)
    title = w.t("title", period=c.period)
    letter = build_letter(w, c, title, _note(w, c, project, untranslated))
    return Document(
        lang=lang,
        title=title,
        subtitle=w.t(f"edition_{c.edition}"),
        facts=(w.t("fact_as_of", date=day_in_words(c.as_of, w.t, attributive=True)),),
        notices=tuple(notices),
        sections=tuple(_words_for_dates(sections, w)),
        labels=dict(w.t.labels),
        letter=letter,
        watermark="" if final else w.t("watermark"),
    )
