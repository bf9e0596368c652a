"""The covering letter of the report: from the MFA to the Office of the Prime Minister.

Point 4 of the Rules: the MFA sends the consolidated information to the PM Office. The
letter carries the title block (the MFA), the outgoing number and date and the signatory
(from the MFA's ``assessment.yaml``), the addressee, a short note with the disclaimers, and
the list of attachments with their page counts.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.law.cite import cite_label
from generator.law.messages import load_catalogue
from generator.report.context import Words
from generator.report.document import Attachment, Letter, Para
from generator.report.model import Assessment, Consolidation, Recommendation


def _reference(w: Words, a: Assessment) -> Para:
    number, day = a.outgoing.get("number"), a.outgoing.get("date")
    text = w.t(
        "letter_reference",
        number=number or w.t("letter_no_number"),
        date=w.day(day, attributive=True) if day else w.t("letter_no_date"),
    )
    return Para(text, "normal" if number and day else "placeholder")


def _signature(w: Words, a: Assessment) -> tuple[Para, Para]:
    position, name = a.signatory.get("position"), a.signatory.get("name")
    if not (position and name):
        return w.placeholder("placeholder_signatory"), Para("")
    return Para(w.text(position)), Para(w.text(name))


def copy_number(c: Consolidation, r: Recommendation) -> int | None:
    """The attachment number of a recommendation's copy in the letter (the report is 1)."""
    copies = [x for x in c.assessment.recommendations if x.attachment]
    return copies.index(r) + 2 if r in copies else None


def _copy(w: Words, r: Recommendation) -> Attachment:
    title = w.t(
        "attachment_copy",
        title=w.text(r.title),
        organisation=w.text(r.organisation),
        reference=r.reference,
    )
    if not r.attachment_found:
        return Attachment(w.t("attachment_missing", title=title), missing=True)
    if r.pages is None:
        return Attachment(w.t("attachment_unreadable", title=title), missing=True)
    return Attachment(title, r.pages, r.attachment)


def attachments(w: Words, c: Consolidation, title: str) -> tuple[Attachment, ...]:
    copies = [_copy(w, r) for r in c.assessment.recommendations if r.attachment]
    return (Attachment(w.t("attachment_report", title=title)), *copies)


def _sender(w: Words) -> str:
    body = next((b.code for b in w.registry.bodies.values() if b.consolidator), "mfa")
    return w.t("letter_sender", body=w.body(body))


def build_letter(w: Words, c: Consolidation, title: str, note: Iterable[str]) -> Letter:
    a = c.assessment
    position, name = _signature(w, a)
    copies = sum(1 for r in a.recommendations if r.attachment)
    basis = cite_label("4", load_catalogue(w.lang))  # point 4, with its status (a draft)
    text = [Para(w.t("letter_text", period=c.period, rule=basis))]
    if copies:
        text.append(Para(w.t("letter_copies")))
    return Letter(
        sender=_sender(w),
        reference=_reference(w, a),
        addressee=w.t("letter_addressee"),
        restriction=w.t("restriction_internal") if c.edition == "internal" else "",
        subject=w.t("letter_subject", period=c.period),
        text=tuple(text),
        note_heading=w.t("note_heading"),
        note=tuple(note),
        attachments_heading=w.t("attachments_heading"),
        attachments=attachments(w, c, title),
        pages=w.t("attachment_pages"),
        position=position,
        name=name,
    )
