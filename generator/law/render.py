"""Render consolidated texts, histories and redlines: Markdown via Jinja templates, and JSON.

Legal text and notes are escaped for Markdown (:func:`md_escape`) before they reach a
template; ``.html`` templates are autoescaped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from jinja2 import Environment

from generator.escape import md_escape
from generator.law.consolidate import history_timeline
from generator.law.diff import redline, render_redline
from generator.law.messages import LawCatalogue
from generator.law.model import ConsolidatedProvision, ConsolidatedText, Law, Provision, Wording
from generator.law.sources import source_note
from generator.templating import environment as templates


def environment() -> Environment:
    """The law area's environment: values arrive escaped (:func:`md_escape`)."""
    return templates("law")


def act_page(act_id: str) -> str:
    """The site page of an act, relative to ``rules/``: ``acts/<act-id>.md``."""
    return f"acts/{act_id}.md"


def anchor(provision: Provision) -> str:
    """The anchor of a provision on a text page: ``p-46`` for points of the Rules."""
    if provision.kind in ("point", "chapter"):
        stem = "p" if provision.kind == "point" else "ch"
        prefix = "" if provision.part == "rules" else "decree-"
        return f"{prefix}{stem}-{provision.number}"
    return f"{provision.part}-{provision.kind}"


@dataclass(frozen=True)
class ProvisionView:
    anchor: str
    label: str
    paragraphs: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class PartView:
    label: str
    provisions: tuple[ProvisionView, ...]


@dataclass(frozen=True)
class Box:
    title: str
    body: str


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def period_text(wording: Wording, cat: LawCatalogue) -> str:
    start = _date(wording.valid_from) or cat(
        "period_unknown_start", date=_date(wording.attested_on)
    )
    end = _date(wording.valid_to) or cat("period_open")
    return cat("period_draft" if wording.draft else "period", start=start, end=end)


def basis_notes(wording: Wording, law: Law, cat: LawCatalogue) -> list[str]:
    """The "as amended by" line of a wording, with the act's own notes."""
    name = cat.act_name(law.act(wording.act))
    if wording.basis == "quoted":
        lines = [cat("as_quoted_by", date=_date(wording.attested_on), act=name)]
        if wording.verbatim:
            lines.append(cat("as_quoted_verbatim", text=f"«{wording.verbatim}»"))
    elif wording.paragraphs is None:
        lines = [cat("last_set_by", act=name)]
    elif wording.draft:
        lines = [cat("draft_wording", act=name)]
    else:
        key = "as_enacted_by" if wording.basis == "enacted" else "as_amended_by"
        lines = [cat(key, act=name)]
    return lines + [note.text(cat.lang) for note in wording.notes]


def _chapters_placed(law: Law) -> set[str]:
    return {p.chapter for p in law.provisions if p.chapter is not None}


def provision_view(
    item: ConsolidatedProvision, law: Law, cat: LawCatalogue, for_site: bool = False
) -> ProvisionView:
    """A provision as the text pages show it; notes arrive escaped. A text not held says
    where to read it (the act's page on Әділет, or that its address is not known) and, on
    the site (``for_site``), links to the act's own page."""
    wording = item.wording
    paragraphs = wording.paragraphs if wording and wording.paragraphs else None
    notes = [md_escape(n) for n in basis_notes(wording, law, cat)] if wording else []
    if paragraphs is None and item.source_act is not None:
        act = law.act(item.source_act)
        notes.append(source_note(act, cat))
        if for_site:
            notes.append(f"[{md_escape(cat('act_link'))}](../{act_page(act.id)})")
    if item.superseded_by:
        acts = ", ".join(cat.act_ref(law.act(a)) for a in item.superseded_by)
        key = "possibly_superseded_not_held" if paragraphs is None else "possibly_superseded"
        notes.append(md_escape(cat(key, acts=acts)))
    provision = item.provision
    if provision.kind == "chapter" and provision.number not in _chapters_placed(law):
        notes.append(md_escape(cat("chapter_placement_unknown")))
    if wording is not None:
        notes.append(md_escape(period_text(wording, cat)))
    return ProvisionView(
        anchor=anchor(provision),
        label=cat.provision_label(provision),
        paragraphs=tuple(md_escape(p) for p in paragraphs or (cat("text_not_available"),)),
        notes=tuple(notes),
    )


def provision_list(ids: Sequence[str], law: Law, cat: LawCatalogue) -> str:
    """Provisions grouped by part: "The Decree: Title, Point 1; The Rules: Point 2"."""
    groups = []
    for part in ("decree", "rules"):
        labels = [cat.provision_label(p) for p in law.provisions if p.part == part and p.id in ids]
        if labels:
            groups.append(f"{cat(f'part_{part}')}: {', '.join(labels)}")
    return "; ".join(groups)


def pending_boxes(
    consolidation: ConsolidatedText, law: Law, cat: LawCatalogue, for_site: bool = False
) -> tuple[Box, ...]:
    """A warning box per draft not in force (or applied on request) at that date.

    On the site (``for_site``) the box points to the draft's own edition page instead of the
    command-line option.
    """
    boxes = []
    for act_id in consolidation.pending_acts:
        act = law.act(act_id)
        status = cat(f"status_{act.status}")
        if consolidation.with_drafts:
            body = cat("pending_body_applied", act=cat.act_name(act), status=status)
        else:
            targets = [t for i in act.instructions for t in i.targets]
            names = provision_list(targets, law, cat)
            key = "pending_body_site" if for_site else "pending_body"
            body = cat(key, act=cat.act_name(act), status=status, provisions=names)
        notes = " ".join(note.text(cat.lang) for note in act.notes)
        boxes.append(Box(cat("pending_title"), md_escape(f"{body} {notes}".strip())))
    return tuple(boxes)


def show_markdown(
    consolidation: ConsolidatedText, law: Law, cat: LawCatalogue, anchors: bool = False
) -> str:
    """The consolidated text as Markdown (``anchors`` adds ``{#p-46}`` for the site)."""
    parts = []
    for part in ("decree", "rules"):
        views = tuple(
            provision_view(item, law, cat, for_site=anchors)
            for item in consolidation.provisions
            if item.provision.part == part
        )
        parts.append(PartView(cat(f"part_{part}"), views))
    heading = "show_heading_drafts" if consolidation.with_drafts else "show_heading"
    return (
        environment()
        .get_template("show.md.j2")
        .render(
            title=md_escape(cat("instrument")),
            subtitle=md_escape(cat(heading, date=consolidation.as_of.isoformat())),
            language_note=md_escape(cat("legal_text_language")) if cat.lang != "kk" else "",
            boxes=pending_boxes(consolidation, law, cat, for_site=anchors),
            parts=parts,
            anchors=anchors,
        )
    )


@dataclass(frozen=True)
class WordingView:
    heading: str
    paragraphs: tuple[str, ...]
    notes: tuple[str, ...]
    redline: str | None
    redline_note: str | None


def wording_views(
    wordings: Sequence[Wording], law: Law, cat: LawCatalogue, style: str = "md"
) -> tuple[WordingView, ...]:
    """Each wording with its notes and a redline against the previous known wording."""
    views = []
    previous: Wording | None = None
    for wording in wordings:
        if wording.basis == "unknown-scope":
            continue
        line, note = None, None
        if previous is not None and previous.paragraphs and wording.paragraphs:
            result = redline(previous.paragraphs, wording.paragraphs)
            line = render_redline(result, style, md_escape) if result.changed else None
        elif previous is not None:
            note = md_escape(cat("history_no_redline"))
        act = law.act(wording.act)
        notes = [md_escape(n) for n in _notes(wording, law, cat)]
        if wording.paragraphs is None:
            notes.append(source_note(act, cat))
            if style == "html":  # the site's history pages sit beside rules/acts/
                notes.append(f"[{md_escape(cat('act_link'))}](../{act_page(act.id)})")
        views.append(
            WordingView(
                heading=md_escape(cat.act_name(act)),
                paragraphs=tuple(md_escape(p) for p in wording.paragraphs or ())
                or (md_escape(cat("text_not_available")),),
                notes=tuple(notes),
                redline=line,
                redline_note=note,
            )
        )
        previous = wording
    return tuple(views)


def _notes(wording: Wording, law: Law, cat: LawCatalogue) -> list[str]:
    return [*basis_notes(wording, law, cat), period_text(wording, cat)]


def history_markdown(
    law: Law, provisions: Sequence[Provision], cat: LawCatalogue, style: str = "md"
) -> str:
    """Each provision's wordings (drafts included, flagged), oldest first, with redlines."""
    items = [
        (
            md_escape(cat("history_heading", provision=cat.provision_name(p))),
            wording_views(history_timeline(law, p.id), law, cat, style),
        )
        for p in provisions
    ]
    return (
        environment()
        .get_template("history.md.j2")
        .render(
            intro=md_escape(cat("history_intro")),
            redline_label=md_escape(cat("history_redline")),
            legend=cat(f"diff_legend_{style}"),
            items=items,
        )
    )
