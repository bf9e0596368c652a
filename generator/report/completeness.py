"""What the MFA has still to write before the report can be signed (``--final``).

The parts are the MFA's own: the assessment (section I, by partner and by area), the
commentary on sections II–IV, section V's list, a readable copy of each attached
recommendation, and the covering letter's outgoing number, date and signatory. A draft
marks each missing part where it belongs; ``treaty report --final`` refuses to build and
names them. Missing parts are values; the CLI puts them into words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.model import Text
from generator.problems import Problem
from generator.report.model import Assessment, Consolidation
from generator.report.text import is_text

COMMENTED_SECTIONS = ("II", "III", "IV")
ASSESSMENT_FILE = "assessment.yaml"


@dataclass(frozen=True)
class MissingPart:
    """One missing part; ``key`` names its words in the report catalogue (``missing.<key>``).

    ``invalid``: the MFA's file did not pass the check, for ``problems``.
    """

    key: str
    detail: str = ""
    problems: tuple[Problem, ...] = ()


def _has_text(value: object) -> bool:
    return is_text(value) and any(Text.from_data(value).has(c) for c in ("kk", "ru", "en"))


def _person_missing(person: Mapping[str, Any]) -> bool:
    return not (_has_text(person.get("position")) and _has_text(person.get("name")))


def missing_parts(c: Consolidation) -> tuple[MissingPart, ...]:
    """Every MFA-written part that is missing, in the order of the document; first, why
    the MFA's file was left out, if it was."""
    invalid = [
        MissingPart("invalid", x.path, x.problems)
        for x in c.excluded
        if x.path.endswith(f"/{ASSESSMENT_FILE}")
    ]
    return (*invalid, *_missing_in(c.assessment))


def _missing_in(a: Assessment) -> list[MissingPart]:
    found: list[MissingPart] = []
    if not a.outgoing.get("number"):
        found.append(MissingPart("outgoing_number"))
    if not a.outgoing.get("date"):
        found.append(MissingPart("outgoing_date"))
    if _person_missing(a.signatory):
        found.append(MissingPart("signatory"))
    if not _has_text(a.text):
        found.append(MissingPart("assessment"))
    found += [MissingPart(key) for key in ("by_partner", "by_area") if not getattr(a, key)]
    found += [
        MissingPart("commentary", part)
        for part in COMMENTED_SECTIONS
        if not _has_text(a.commentary.get(part))
    ]
    if not a.recommendations_given:
        found.append(MissingPart("recommendations"))
    for r in a.recommendations:
        if r.attachment and not r.attachment_found:
            found.append(MissingPart("attachment_missing", r.attachment))
        elif r.attachment and r.pages is None:
            found.append(MissingPart("attachment_unreadable", r.attachment))
    return found
