"""Compare two consolidated texts provision by provision, and render the redline.

``treaty rules diff A B`` takes an edition id (the text right after that act; see
:func:`generator.law.consolidate.resolve`) or an ISO date for A and B.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.escape import md_escape
from generator.law.diff import Redline, redline, render_redline
from generator.law.messages import LawCatalogue
from generator.law.model import ConsolidatedProvision, ConsolidatedText, Law, Provision
from generator.law.render import environment

ChangeKind = Literal["added", "removed", "changed", "not-comparable"]


@dataclass(frozen=True)
class ProvisionChange:
    provision: Provision
    kind: ChangeKind
    old: ConsolidatedProvision | None
    new: ConsolidatedProvision | None
    redline: Redline | None = None


def _text(item: ConsolidatedProvision | None) -> tuple[str, ...] | None:
    return item.wording.paragraphs if item and item.wording else None


def _change(
    provision: Provision, old: ConsolidatedProvision | None, new: ConsolidatedProvision | None
) -> ProvisionChange | None:
    if old is None and new is None:
        return None
    if old is None or new is None:
        return ProvisionChange(provision, "added" if old is None else "removed", old, new)
    before, after = _text(old), _text(new)
    if before is not None and after is not None:
        result = redline(before, after)
        return ProvisionChange(provision, "changed", old, new, result) if result.changed else None
    same_source = old.source_act == new.source_act and before == after
    return None if same_source else ProvisionChange(provision, "not-comparable", old, new)


def compare(law: Law, a: ConsolidatedText, b: ConsolidatedText) -> tuple[ProvisionChange, ...]:
    """The provisions whose text differs between ``a`` and ``b``, in reading order."""
    old = {item.provision.id: item for item in a.provisions}
    new = {item.provision.id: item for item in b.provisions}
    changes = (_change(p, old.get(p.id), new.get(p.id)) for p in law.provisions)
    return tuple(change for change in changes if change is not None)


@dataclass(frozen=True)
class ChangeView:
    label: str
    body: tuple[str, ...]
    note: str | None


def _view(change: ProvisionChange, cat: LawCatalogue, style: str) -> ChangeView:
    label = md_escape(cat.provision_name(change.provision))
    if change.kind == "changed" and change.redline is not None:
        text = render_redline(change.redline, style, md_escape)
        return ChangeView(label, tuple(text.split("\n")), None)
    side = change.old if change.kind == "removed" else change.new
    paragraphs = tuple(md_escape(p) for p in _text(side) or (cat("text_not_available"),))
    note = {"added": "diff_added", "removed": "diff_removed"}.get(
        change.kind, "diff_not_comparable"
    )
    return ChangeView(label, paragraphs, md_escape(cat(note)))


def diff_markdown(
    law: Law,
    labels: tuple[str, str],
    a: ConsolidatedText,
    b: ConsolidatedText,
    cat: LawCatalogue,
    style: str = "md",
) -> str:
    """A Markdown redline between two texts; ``style`` is md, wdiff or html."""
    views = [_view(change, cat, style) for change in compare(law, a, b)]
    return (
        environment()
        .get_template("diff.md.j2")
        .render(
            heading=md_escape(cat("diff_heading", a=labels[0], b=labels[1])),
            legend=cat(f"diff_legend_{style}"),
            no_changes=md_escape(cat("diff_no_changes")),
            changes=views,
        )
    )
