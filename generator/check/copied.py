"""A file that is last year's, unchanged but for its period (TR321, a warning).

A body that copies last year's report and changes only ``period`` reports nothing about
the year; the repository's reading is that this is most likely a mistake, not a refusal:
a year in which nothing changed can be reported so, and the MFA decides. Only annual forms
are compared (a per-event report has its own date), and only with the same body's file of
the same form for the year before, read from the working tree.

The previous file is read only when its size is close to this one's: a report that was
rewritten is almost never within a few per cent of last year's length, so the check costs
one ``stat`` for most files. It is then compared with this file's document as it is read,
up to the first difference (:func:`generator.load.same.same_document`): it is parsed in
full only when it is the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.check.findings import Finding
from generator.load.files import SourceFile, read_text
from generator.load.same import same_document
from generator.paths import FilePlace

#: How far the previous file's size may be from this one's for it to be compared at all.
SIZE_SLACK = 0.05
#: The fields a copy may change.
PERIOD = frozenset({"period"})


def previous_rel(rel: str, place: FilePlace) -> str | None:
    """The same body's file of the same annual form for the year before, or None."""
    parts = rel.split("/")
    if place.period is None or place.event_date or place.slug or len(parts) != 4:
        return None
    if parts[0] != "submissions" or parts[1] != str(place.period):
        return None
    return "/".join((parts[0], str(place.period - 1), *parts[2:]))


def check_copied(
    root: Path, rel: str, place: FilePlace, data: Mapping[str, Any], size: int
) -> list[Finding]:
    before = previous_rel(rel, place)
    if before is None:
        return []
    path = root / before
    try:
        other = path.stat().st_size
    except OSError:
        return []
    if abs(other - size) > SIZE_SLACK * max(size, other):
        return []
    text = read_text(SourceFile(before, path))
    if not isinstance(text, str):
        return []
    if not same_document(text, data, PERIOD):
        return []
    return [Finding(("period",), "TR321", {"value": before, "period": str(place.period)})]
