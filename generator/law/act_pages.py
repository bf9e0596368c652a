"""One site page per act (``rules/acts/<act-id>.md``): what it is, and the act itself.

An act whose text the repository holds (the seed) is shown whole and verbatim: its opening
(headings, operative clause, signature of the resolution, the draft decree's heading and
enacting formula), its instructions with the new wordings they give (indented), and its
closing clauses and signatures, in document order. An act whose text is not held says so
and points to its page on Әділет, or says that its address is not known. The base act's
page also lists the provisions whose text no edition here holds, and the Annex forms.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.escape import md_escape
from generator.law.consolidate import timeline
from generator.law.messages import LawCatalogue
from generator.law.model import Act, Law
from generator.law.render import Box, act_page, environment, provision_list
from generator.law.sources import official_url, source_note

_HEADINGS = ("resolution-heading", "decree-heading")


@dataclass(frozen=True)
class TextBlock:
    """A paragraph of the act's text, escaped; ``style`` is heading, wording or plain."""

    text: str
    style: str = "plain"


def changes(act: Act, law: Law, cat: LawCatalogue) -> str:
    """What the act changes, in words (unescaped)."""
    if not act.scope_known:
        return cat("timeline_scope_unknown")
    if any(i.action == "enact" for i in act.instructions):
        return cat("timeline_enacted")
    return provision_list([t for i in act.instructions for t in i.targets], law, cat)


def takes_effect(act: Act, cat: LawCatalogue) -> str:
    """When the act's changes apply (unescaped): a date, or why there is none."""
    if act.is_draft:
        return cat("timeline_draft_effective")
    if act.effective_date_assumed:
        return cat("date_assumed", date=act.date.iso)
    return act.effective_date.isoformat()


def act_text(act: Act) -> tuple[TextBlock, ...]:
    """The act's own text held here, in document order; empty when not held."""
    blocks = [
        TextBlock(md_escape(b.text), "heading" if b.role in _HEADINGS else "plain")
        for b in act.opening
    ]
    for instruction in act.instructions:
        if instruction.text is not None:
            blocks.append(TextBlock(md_escape(instruction.text)))
        for target in instruction.targets:
            for paragraph in instruction.wordings.get(target, ()):
                blocks.append(TextBlock(md_escape(paragraph), "wording"))
    blocks += [TextBlock(md_escape(b.text)) for b in act.closing]
    return tuple(blocks) if act.text_held else ()


def _not_held_anywhere(act: Act, law: Law) -> list[str]:
    """Provisions this act set whose text no edition here holds (not even a draft's)."""
    targets = [t for i in act.instructions if i.action == "enact" for t in i.targets]
    return [
        pid
        for pid in targets
        if not any(w.paragraphs for w in timeline(law, pid, with_drafts=True))
    ]


def guessed_date(act: Act, cat: LawCatalogue) -> str:
    """The act's date (unescaped), saying so when it is the editors' guess."""
    if not act.date_guessed:
        return act.date.iso
    return cat("act_date_guessed", act=act.date.iso, date=act.date.latest.isoformat())


def _facts(act: Act, cat: LawCatalogue) -> list[tuple[str, str]]:
    date = guessed_date(act, cat)
    effective = takes_effect(act, cat)
    if act.draft_entry_rule:
        effective = f"{effective}; {cat(f'act_entry_into_force_{act.draft_entry_rule}')}"
    rows = [
        ("act_facts_kind", cat(f"kind_{act.kind}")),
        ("act_facts_number", act.number or cat("act_number_unknown")),
        ("act_facts_date", date),
        ("act_facts_issued_by", cat(f"body_{act.issuing_body}")),
        ("act_facts_status", cat(f"status_{act.status}")),
        ("act_facts_takes_effect", effective),
        ("act_facts_certainty", cat(f"certainty_{act.certainty}")),
        ("act_facts_published", act.published or cat("act_published_unknown")),
    ]
    return [(md_escape(cat(key)), md_escape(value)) for key, value in rows]


def _official(act: Act, cat: LawCatalogue) -> str:
    url = official_url(act)
    return f"<{url}>" if url else md_escape(cat("act_address_unknown"))


def act_markdown(act: Act, law: Law, cat: LawCatalogue) -> str:
    """The page of one act."""
    boxes = []
    if act.is_draft:
        boxes.append(Box(md_escape(cat("act_draft_box_title")), md_escape(cat("act_draft_box"))))
    missing = _not_held_anywhere(act, law)
    return (
        environment()
        .get_template("act.md.j2")
        .render(
            title=md_escape(cat.act_name(act)),
            boxes=boxes,
            facts=_facts(act, cat),
            official=(md_escape(cat("act_facts_official_page")), _official(act, cat)),
            source=source_note(act, cat),
            notes_heading=md_escape(cat("notes_heading")),
            notes=[md_escape(n.text(cat.lang)) for n in act.notes],
            changes_heading=md_escape(cat("act_changes_heading")),
            changes=md_escape(changes(act, law, cat)),
            text_heading=md_escape(cat("act_text_heading")),
            text_note=md_escape(cat("act_text_note")),
            text=act_text(act),
            not_held=md_escape(cat("act_text_not_held")),
            missing_heading=md_escape(cat("act_not_held_heading")),
            missing=md_escape(
                cat("act_not_held_provisions", provisions=provision_list(missing, law, cat))
            )
            if missing
            else "",
            annexes=md_escape(cat("act_annexes_not_held")) if missing else "",
        )
    )


def act_pages(law: Law, cat: LawCatalogue) -> dict[str, str]:
    """``{"rules/acts/<act-id>.md": Markdown}`` for every act."""
    return {f"rules/{act_page(act.id)}": act_markdown(act, law, cat) for act in law.acts}
