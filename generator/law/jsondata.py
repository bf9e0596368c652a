"""The consolidated text as JSON-ready data (``treaty rules show --format json``).

A draft's wording is in force at no date: its ``in_force`` is null, and ``draft`` says which
draft gives it and from when this text applies it. Every act named carries its date (and
whether that date is a guess), whether its text is held here and its page on Әділет.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.law.messages import LawCatalogue
from generator.law.model import ConsolidatedProvision, ConsolidatedText, Law, Wording


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _act_json(law: Law, act_id: str | None, cat: LawCatalogue) -> dict[str, Any] | None:
    if act_id is None:
        return None
    act = law.act(act_id)
    return {
        "id": act.id,
        "name": cat.act_name(act),
        "date": act.date.iso,
        "date_guessed": act.date_guessed,
        "status": act.status,
        "certainty": act.certainty,
        "draft": act.is_draft,
        "text_held": act.text_held,
        "url": act.source_url,
    }


def _period_json(wording: Wording | None) -> dict[str, Any] | None:
    """When a wording is in force; None for a draft's wording, which is in force at no date."""
    if wording is None or wording.draft:
        return None
    return {
        "from": _date(wording.valid_from) or None,
        "to": _date(wording.valid_to) or None,
        "attested_on": _date(wording.attested_on) or None,
        "ended_by": wording.ended_by,
    }


def _draft_json(wording: Wording | None, law: Law) -> dict[str, Any] | None:
    """For a draft's wording: the draft and the period this text applies it (not a period
    in force: a draft decree enters into force only when signed)."""
    if wording is None or not wording.draft:
        return None
    return {
        "act": wording.act,
        "date": law.act(wording.act).date.iso,
        "applied_from": _date(wording.valid_from) or None,
        "applied_to": _date(wording.valid_to) or None,
    }


def provision_json(item: ConsolidatedProvision, law: Law, cat: LawCatalogue) -> dict[str, Any]:
    wording = item.wording
    paragraphs = wording.paragraphs if wording else None
    return {
        "id": item.provision.id,
        "part": item.provision.part,
        "kind": item.provision.kind,
        "number": item.provision.number,
        "label": cat.provision_label(item.provision),
        "status": item.status,
        "wording": list(paragraphs) if paragraphs else None,
        "text_available": paragraphs is not None,
        "basis": wording.basis if wording else None,
        "source_act": _act_json(law, item.source_act, cat),
        "in_force": _period_json(wording),
        "draft": _draft_json(wording, law),
        "possibly_superseded_by": list(item.superseded_by),
        "pending_drafts": list(item.pending),
    }


def show_json(consolidation: ConsolidatedText, law: Law, cat: LawCatalogue) -> dict[str, Any]:
    """The consolidated text as JSON-ready data: every provision with its wording, its
    source act and its period in force."""
    return {
        "as_of": consolidation.as_of.isoformat(),
        "with_drafts": consolidation.with_drafts,
        "language": cat.lang,
        "legal_text_language": "kk",
        "pending_drafts": [_act_json(law, a, cat) for a in consolidation.pending_acts],
        "provisions": [provision_json(item, law, cat) for item in consolidation.provisions],
    }
