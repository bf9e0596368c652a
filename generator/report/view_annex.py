"""The end of the report: chapter 6 (internal), annex tables, excluded files, totals."""

from __future__ import annotations

from generator.i18n import catalogue
from generator.law.cite import cite_chapter, cite_range, citer
from generator.law.messages import load_catalogue
from generator.model import Treaty
from generator.report.context import Words
from generator.report.document import Block, Para, Section
from generator.report.model import Consolidation, Excluded


def chapter6_section(w: Words, c: Consolidation) -> list[Section]:
    """Internal edition only: the chapter-6 submissions, one table per form."""
    rules = load_catalogue(w.lang)  # the Rules' citations carry their status (draft of …)
    heading = w.t("chapter_6", chapter=cite_chapter("6", rules).label)
    note = Para(w.t("chapter_6_note", points=cite_range("44", "49", rules).label), "note")
    sections = [Section("chapter-6", heading, 2, (note,))]
    header = [w.t("col_body"), w.t("col_file"), w.t("col_source"), w.t("col_content")]
    for group in c.chapter6:
        title = w.form_title(group.kind)
        if not group.entries:
            block: Block = Para(w.t("none_received"))
        else:
            rows = [[w.body(e.body), e.path, w.table_title(e), w.content(e)] for e in group.entries]
            block = w.table(title, header, rows)
        sections.append(Section(f"chapter-6-{group.kind}", title, 3, (block,)))
    return sections


def _changes(w: Words, amended: tuple[tuple[str, int], ...]) -> str:
    """When a report was changed after it was received, and how long after its due date."""
    shown = [w.t("amended_after", date=d, days=after) if after else d for d, after in amended]
    return ", ".join(shown) or "—"


def _per_body(w: Words, c: Consolidation) -> Section:
    heading = w.t("annex_per_body")
    if c.per_body is None:
        return Section("annex-bodies", heading, 3, (w.placeholder("placeholder_timeliness"),), True)
    header = [
        w.t(k)
        for k in (
            "col_body",
            "col_form",
            "col_due",
            "col_submitted",
            "col_state",
            "col_days_late",
            "col_entries",
            "col_amended",
        )
    ]
    rows = [
        [
            w.body(r.body),
            w.form_short(r.kind),
            r.due,
            r.submitted or "—",
            w.t(f"state_{r.state}") if r.state else "—",
            "" if r.days_late is None else r.days_late,
            r.entries,
            _changes(w, r.amended),
        ]
        for r in c.per_body
    ]
    return Section("annex-bodies", heading, 3, (w.table("", header, rows),), True)


def _register_line(w: Words, treaty: Treaty | None) -> Para:
    if treaty is None:
        return w.placeholder("treaty_not_in_register")
    signed = ", ".join(
        x for x in (treaty.signed_on and w.day(treaty.signed_on), w.text(treaty.signed_at)) if x
    )
    return Para(
        w.t(
            "treaty_facts",
            level=w.value("treaty.level", treaty.level),
            kind=w.value("treaty.kind", treaty.kind),
            parties=w.party_names(treaty.parties),
            signed=signed or "—",
            in_force=w.day(treaty.in_force_on) if treaty.in_force_on else w.t("not_in_force"),
        ),
        "note",
    )


def _per_treaty(w: Words, c: Consolidation) -> list[Section]:
    heading = w.t("annex_per_treaty")
    blocks: tuple[Block, ...] = () if c.per_treaty else (Para(w.t("none_received")),)
    sections = [Section("annex-treaties", heading, 3, blocks, True)]
    header = [w.t("col_body"), w.t("col_source"), w.t("col_content")]
    for n, group in enumerate(c.per_treaty, start=1):
        title = w.treaty(group.treaty)
        rows = [[w.body(e.body), w.table_title(e), w.content(e)] for e in group.entries]
        facts = _register_line(w, w.registry.treaties.get(group.treaty))
        sections.append(
            Section(f"annex-treaty-{n}", title, 4, (facts, w.table("", header, rows)), True)
        )
    return sections


def annex_sections(w: Words, c: Consolidation) -> list[Section]:
    intro = Section("annex", w.t("annex"), 2, (Para(w.t("annex_note"), "note"),), True)
    return [intro, _per_body(w, c), *_per_treaty(w, c)]


def _reasons(w: Words, item: Excluded) -> str:
    """The item's problems in the report's language, each with its line and code."""
    messages = catalogue(w.lang)
    reasons = [messages.localize(p, w.forms, citer(w.lang)) for p in item.problems]
    text = " ".join(
        w.t(
            "reason",
            line=r.problem.line,
            column=r.problem.column,
            code=r.problem.code,
            message=r.message,
        )
        for r in reasons
    )
    return text or w.t("no_reason")


def _omitted(w: Words, c: Consolidation) -> Section:
    """The treaties a shown report leaves out, though the register assigns them."""
    heading = w.t("omitted")
    if not c.omitted:
        return Section("omitted", heading, 2, (Para(w.t("none_omitted")),))
    header = [w.t("col_file"), w.t("col_body"), w.t("col_reasons")]
    rows = [[item.path, w.body(item.body), _reasons(w, item)] for item in c.omitted]
    table = w.table(heading, header, rows)
    return Section("omitted", heading, 2, (Para(w.t("omitted_note"), "note"), table))


def _excluded(w: Words, c: Consolidation) -> Section:
    heading = w.t("excluded")
    if not c.excluded:
        return Section("excluded", heading, 2, (Para(w.t("none_excluded")),))
    rows = []
    for item in c.excluded:
        entry = item.entry or w.t("whole_file")
        rows.append([item.path, entry, w.body(item.body), _reasons(w, item)])
    header = [w.t("col_file"), w.t("col_entry"), w.t("col_body"), w.t("col_reasons")]
    table = w.table(heading, header, rows)
    return Section("excluded", heading, 2, (Para(w.t("excluded_note"), "note"), table))


def _totals(w: Words, c: Consolidation) -> Section:
    t = c.totals
    forms = ", ".join(w.form_title(k) for k in t.forms)
    header = [w.t("col_body"), w.t("col_form"), w.t("col_received"), w.t("col_shown")]
    header.append(w.t("col_excluded"))
    rows = [[w.body(r.body), w.form_short(r.kind), r.received, r.shown, r.excluded] for r in t.rows]
    rows.append([w.t("total"), "", t.received, t.shown, t.excluded])
    conserved = w.t("totals_excluded", submitted=t.submitted, shown=t.shown, excluded=t.excluded)
    blocks: tuple[Block, ...] = (
        Para(w.t("totals_scope", forms=forms, edition=w.t(f"edition_{c.edition}")), "note"),
        w.table("", header, rows),
        Para(w.t("totals_balanced", received=t.received, shown=t.shown)),
        Para(conserved),
    )
    return Section("totals", w.t("totals"), 2, blocks)


def closing_sections(w: Words, c: Consolidation) -> list[Section]:
    return [_excluded(w, c), _omitted(w, c), _totals(w, c)]
