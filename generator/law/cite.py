"""Citations of the Rules: a label per language and a link into the site.

>>> cite_point("2.1", load_catalogue("en")).label
'Rules p. 2.1'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.law.messages import LawCatalogue

_POINT_REF = re.compile(r"^(?P<point>[1-9][0-9]*)(?:\.(?P<sub>[1-9][0-9]*))?$")
IN_FORCE = "in-force"


@dataclass(frozen=True)
class Citation:
    """How to cite a provision: ``label`` for text, ``anchor`` and ``url`` for the site."""

    ref: str
    label: str
    anchor: str
    url: str


def point_anchor(number: str) -> str:
    """The anchor of a point of the Rules on every text page (``p-46``)."""
    return f"p-{number}"


def edition_path(edition: str = IN_FORCE) -> str:
    """The site folder of an edition's text, relative to the site root."""
    return f"rules/{edition}/"


def cite_point(ref: str, catalogue: LawCatalogue, edition: str = IN_FORCE) -> Citation:
    """Cite a point (``"46"``) or subpoint (``"2.1"``) of the Rules.

    The anchor is the point's (subpoints have none of their own). ``edition`` is an edition
    id or ``in-force``. Raises ValueError for a reference that is not a point number.
    """
    match = _POINT_REF.match(ref.strip())
    if match is None:
        raise ValueError(f"not a point of the Rules: {ref!r} (expected e.g. 46 or 2.1)")
    anchor = point_anchor(match["point"])
    return Citation(
        ref=ref.strip(),
        label=catalogue("cite_point", ref=ref.strip()),
        anchor=anchor,
        url=f"{edition_path(edition)}#{anchor}",
    )
