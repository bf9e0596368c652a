"""The text on a date: each provision's timeline of wordings, and what stands at a date.

Rules (documented in ``law/README.md``):

- An act applies from its entry into force; when none is recorded, from its own date. A
  year-only date counts from the last day of that year.
- A draft whose adoption is not recorded applies only when drafts are requested, from the
  draft's own date. Otherwise it is listed as pending.
- A wording an act only *quotes* is known to be in force on that act's date; its start is
  unknown.
- At a date, the last known wording is shown. If a later act changed the provision (or may
  have changed it, when the act's scope is unknown) and its wording is not held, that
  wording is shown flagged "possibly superseded", naming the later acts. Never invented.
- A provision whose text is not held is flagged the same way when an act of unknown scope
  came after the act that last set it (``superseded_by`` of a ``not-available`` item).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from generator.errors import UsageError
from generator.law.model import (
    Act,
    ConsolidatedProvision,
    ConsolidatedText,
    Edition,
    Law,
    Status,
    Wording,
)

_CHANGES = ("enacted", "amended")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _act_wordings(act: Act, provision_id: str, with_drafts: bool) -> list[Wording]:
    found = [
        Wording(
            provision=provision_id,
            paragraphs=quote.paragraphs,
            act=act.id,
            basis="quoted",
            valid_from=None,
            attested_on=act.date.latest,
            verbatim=quote.verbatim,
            notes=quote.notes,
        )
        for quote in act.quotes
        if quote.provision == provision_id
    ]
    if act.is_draft and not with_drafts:
        return found
    for instruction in act.instructions:
        if provision_id in instruction.targets and instruction.action != "lead-in":
            found.append(
                Wording(
                    provision=provision_id,
                    paragraphs=instruction.wordings.get(provision_id),
                    act=act.id,
                    basis="enacted" if instruction.action == "enact" else "amended",
                    valid_from=act.effective_date,
                    draft=act.is_draft,
                    certainty=instruction.certainty,
                    notes=instruction.notes,
                )
            )
    if not act.scope_known:
        found.append(Wording(provision_id, None, act.id, "unknown-scope", act.effective_date))
    return found


def timeline(law: Law, provision_id: str, with_drafts: bool) -> tuple[Wording, ...]:
    """Every wording of a provision in order, each with the period it is in force."""
    events: list[Wording] = []
    for act in law.acts:
        events.extend(_act_wordings(act, provision_id, with_drafts))
    events.sort(key=lambda w: (w.starts, w.basis != "quoted"))
    while events and events[0].basis == "unknown-scope":
        events.pop(0)  # an act of unknown scope before the provision existed
    return tuple(_close(events, index) for index in range(len(events)))


def history_timeline(law: Law, provision_id: str) -> tuple[Wording, ...]:
    """The wordings in force, with the drafts' wordings added (flagged) where they fall.

    Periods are those of the law in force: a draft does not end an adopted wording.
    """
    drafts = [w for w in timeline(law, provision_id, True) if w.draft]
    merged = [*timeline(law, provision_id, False), *drafts]
    return tuple(sorted(merged, key=lambda w: (w.starts, w.basis != "quoted", w.draft)))


def _close(events: list[Wording], index: int) -> Wording:
    wording = events[index]
    for later in events[index + 1 :]:
        if later.basis in _CHANGES:
            end = later.starts - dt.timedelta(days=1)
            if wording.attested_on is not None:
                end = max(end, wording.attested_on)
            return dataclasses.replace(wording, valid_to=end, ended_by=later.act)
    return wording


def text_at(
    law: Law, provision_id: str, at: dt.date, with_drafts: bool
) -> ConsolidatedProvision | None:
    """The provision as it stands on ``at``, or None if it does not exist on that date."""
    provision = law.provision(provision_id)
    events = [w for w in timeline(law, provision_id, with_drafts) if w.starts <= at]
    changes = [w for w in events if w.basis in _CHANGES]
    if not changes:
        return None
    pending = _pending(law, provision_id, at) if not with_drafts else ()
    known = [w for w in events if w.paragraphs is not None]
    if not known:
        last = changes[-1]
        later = events[events.index(last) + 1 :]
        unknown = tuple(dict.fromkeys(w.act for w in later if w.basis == "unknown-scope"))
        return ConsolidatedProvision(provision, "not-available", last, last.act, unknown, pending)
    shown = known[-1]
    later = events[events.index(shown) + 1 :]
    superseded = tuple(dict.fromkeys(w.act for w in later if w.basis != "quoted"))
    status: Status = "draft" if shown.draft else "in-force"
    if superseded:
        status = "possibly-superseded"
    return ConsolidatedProvision(provision, status, shown, shown.act, superseded, pending)


def _pending(law: Law, provision_id: str, at: dt.date) -> tuple[str, ...]:
    return tuple(
        act.id
        for act in law.acts
        if act.is_draft
        and act.effective_date <= at
        and any(provision_id in i.targets for i in act.instructions)
    )


def consolidate(law: Law, at: dt.date, with_drafts: bool = False) -> ConsolidatedText:
    """The Decree and the Rules on ``at``; drafts are applied only when asked for."""
    provisions = tuple(
        item
        for item in (text_at(law, p.id, at, with_drafts) for p in law.provisions)
        if item is not None
    )
    drafts = tuple(act.id for act in law.acts if act.is_draft and act.effective_date <= at)
    return ConsolidatedText(at, with_drafts, provisions, drafts)


def editions(law: Law) -> tuple[Edition, ...]:
    """One edition per act with an exact date: the text on the day the act took effect."""
    return tuple(
        Edition(act.id, act.id, act.effective_date, act.is_draft)
        for act in law.acts
        if act.date.exact is not None
    )


def resolve(law: Law, ref: str, with_drafts: bool = False) -> ConsolidatedText:
    """An edition id (the text right after that act, drafts included for a draft edition),
    or an ISO date (the text on that date, drafts only if ``with_drafts``)."""
    for edition in editions(law):
        if edition.id == ref:
            return consolidate(law, edition.date, edition.drafts or with_drafts)
    if _ISO_DATE.match(ref):
        try:
            return consolidate(law, dt.date.fromisoformat(ref), with_drafts)
        except ValueError:
            raise UsageError(f"{ref} is not a real date") from None
    known = ", ".join(edition.id for edition in editions(law))
    raise UsageError(f"unknown edition {ref!r}: give a date (YYYY-MM-DD) or one of: {known}")
