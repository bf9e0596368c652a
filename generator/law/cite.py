"""Citations of the Rules: a label per language, the provision's status, a link into the site.

Every output that cites the Rules (site, report, calendars, PR comments) calls this module,
so a citation says the same everywhere. The status comes from the law data (``law/``): a
point whose newest wording comes from a draft whose adoption is not recorded is cited as a
draft ("Rules p. 46, draft of 31.12.2015") and links to that draft's edition, the text page
that holds the wording.

>>> cite_point("2.1", load_catalogue("en")).label
'Rules p. 2.1, draft of 31.12.2015'
>>> cite_point("2.1", load_catalogue("kk")).label
'Қағидалар, 2-тармақтың 1) тармақшасы, 31.12.2015 жобасы'
>>> cite_point("3", load_catalogue("en")).label
'Rules p. 3'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from generator.law.consolidate import timeline
from generator.law.load import load_law
from generator.law.messages import LawCatalogue, load_catalogue
from generator.law.model import Act, Law

_POINT_REF = re.compile(r"^(?P<point>[1-9][0-9]*)(?:\.(?P<sub>[1-9][0-9]*))?$")
IN_FORCE = "in-force"
CitationStatus = Literal["in-force", "draft"]


@dataclass(frozen=True)
class Citation:
    """How to cite a provision: ``label`` for text, ``anchor`` and ``url`` for the site.

    ``status`` is ``draft`` when the cited wording exists only in a draft (``draft_act``,
    dated ``draft_date``); ``url`` then points at that draft's edition.
    """

    ref: str
    label: str
    anchor: str
    url: str
    status: CitationStatus = "in-force"
    draft_act: str | None = None
    draft_date: str | None = None

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"


@cache
def repository_law() -> Law:
    """The project's own ``law/`` folder, read once (the default for every citation)."""
    return load_law()


def point_anchor(number: str) -> str:
    """The anchor of a point of the Rules on every text page (``p-46``)."""
    return f"p-{number}"


def edition_path(edition: str = IN_FORCE) -> str:
    """The site folder of an edition's text, relative to the site root."""
    return f"rules/{edition}/"


def draft_of(law: Law, provision_id: str) -> Act | None:
    """The draft that gives the provision its newest wording, or None when an act in force
    (or no act) does. Drafts count only while their adoption is not recorded."""
    changes = [w for w in timeline(law, provision_id, True) if w.basis in ("enacted", "amended")]
    if not changes or not changes[-1].draft:
        return None
    return law.act(changes[-1].act)


def draft_date(act: Act) -> str:
    """A draft's date as the Rules' readers write it: 31.12.2015."""
    day = act.date.exact
    return day.strftime("%d.%m.%Y") if day else act.date.iso


def _parse(ref: str) -> re.Match[str]:
    match = _POINT_REF.match(ref.strip())
    if match is None:
        raise ValueError(f"not a point of the Rules: {ref!r} (expected e.g. 46 or 2.1)")
    return match


def cite_point(
    ref: str, catalogue: LawCatalogue, law: Law | None = None, edition: str | None = None
) -> Citation:
    """Cite a point (``"46"``) or subpoint (``"2.1"``) of the Rules, with its status.

    The anchor is the point's (subpoints have none of their own). ``edition`` is an edition
    id or ``in-force``; by default a draft point links to its draft's edition and any other
    point to the text in force. ``law`` defaults to the repository's own. Raises ValueError
    for a reference that is not a point number.
    """
    match = _parse(ref)
    law = law if law is not None else repository_law()
    anchor = point_anchor(match["point"])
    draft = draft_of(law, f"rules.p{match['point']}")
    ref = ref.strip()
    key = "cite_subpoint" if match["sub"] else "cite_point"  # kk: «2-тармақтың 1) тармақшасы»
    words = {"ref": ref, "point": match["point"], "sub": match["sub"] or ""}
    if draft is None:
        label = catalogue(key, **words)
        return Citation(ref, label, anchor, f"{edition_path(edition or IN_FORCE)}#{anchor}")
    date = draft_date(draft)
    label = catalogue(f"{key}_draft", date=date, **words)
    url = f"{edition_path(edition or draft.id)}#{anchor}"
    return Citation(ref, label, anchor, url, "draft", draft.id, date)


def cite_range(first: str, last: str, catalogue: LawCatalogue, law: Law | None = None) -> Citation:
    """Cite points ``first``–``last`` (e.g. the chapter-6 points 44–49), as a draft when any
    of them exists only in a draft. The link goes to the first point."""
    start = cite_point(first, catalogue, law)
    end = cite_point(last, catalogue, law)
    refs = f"{start.ref}–{end.ref}"
    draft = start if start.is_draft else end
    if not draft.is_draft:
        return Citation(refs, catalogue("cite_points", refs=refs), start.anchor, start.url)
    label = catalogue("cite_points_draft", refs=refs, date=draft.draft_date or "")
    return Citation(
        refs, label, start.anchor, start.url, "draft", draft.draft_act, draft.draft_date
    )


def cite_chapter(number: str, catalogue: LawCatalogue, law: Law | None = None) -> Citation:
    """Cite a chapter of the Rules (``"6"``), as a draft when its heading exists only in one."""
    law = law if law is not None else repository_law()
    anchor = f"ch-{number}"
    draft = draft_of(law, f"rules.ch{number}")
    if draft is None:
        label = catalogue("cite_chapter", number=number)
        return Citation(number, label, anchor, f"{edition_path()}#{anchor}")
    date = draft_date(draft)
    label = catalogue("cite_chapter_draft", number=number, date=date)
    url = f"{edition_path(draft.id)}#{anchor}"
    return Citation(number, label, anchor, url, "draft", draft.id, date)


def cite_label(ref: str, catalogue: LawCatalogue, law: Law | None = None) -> str:
    """The text of a point's citation, status included; a reference that is not a point
    number (a data error reported elsewhere) comes back as given."""
    try:
        return cite_point(ref, catalogue, law).label
    except ValueError:
        return ref


def citer(lang: str, law: Law | None = None) -> Callable[[str], str]:
    """``ref -> label`` in ``lang``, each reference cited once (status tables and calendars
    cite the same few points for thousands of rows)."""
    catalogue = load_catalogue(lang)
    seen: dict[str, str] = {}

    def label(ref: str) -> str:
        if ref not in seen:
            seen[ref] = cite_label(ref, catalogue, law)
        return seen[ref]

    return label
