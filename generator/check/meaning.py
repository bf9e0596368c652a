"""Checks of meaning: what a schema cannot say.

Body and period match the path, referenced treaties and bodies exist, a treaty's status
fits the form, dates are in order and inside the period, no treaty twice in one table, no
treaty of the body's left out of its treaty table, and registry codes are unique.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Any

from generator.check.findings import Finding, PathParts
from generator.check.meetings import check_meeting
from generator.check.scan import DATE_ORDER, Scan, scan
from generator.check.suggest import closest
from generator.model import Form
from generator.paths import FilePlace
from generator.registry import Registry, parse_date, treaties_for

__all__ = ["DATE_ORDER", "check_registry", "check_submission", "walk"]


def walk(data: Any) -> Iterator[tuple[PathParts, Any]]:
    """Every (path, value) in a parsed document, iteratively."""
    stack: list[tuple[PathParts, Any]] = [((), data)]
    while stack:
        parts, value = stack.pop()
        yield parts, value
        if isinstance(value, dict):
            stack.extend(((*parts, k), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend(((*parts, i), v) for i, v in reversed(list(enumerate(value))))


def check_header(
    place: FilePlace, data: Mapping[str, Any], form: Form, registry: Registry
) -> list[Finding]:
    found: list[Finding] = []
    body = data.get("body")
    folder_known = (place.body or "") in registry.bodies
    # An unknown folder is TR309's to report: "write body: <folder>" would be another error.
    if isinstance(body, str) and body != place.body and folder_known:
        found.append(Finding(("body",), "TR301", {"value": body, "expected": str(place.body)}))
    period = data.get("period")
    if isinstance(period, int) and period != place.period:
        found.append(
            Finding(("period",), "TR302", {"value": str(period), "expected": str(place.period)})
        )
    code = place.body or ""
    known = registry.bodies.get(code)
    if known is None:
        found.append(
            Finding(
                ("body",) if body == code else (),
                "TR309",
                {"value": code, **_body_hint(code, registry)},
            )
        )
    elif not form.allows(known):
        found.append(Finding(("body",), "TR312", {"value": code, "form": form.kind}))
    return found


def _body_hint(code: str, registry: Registry) -> dict[str, str]:
    """The registered code a folder name means: ``Energy`` → ``energy``."""
    lowered = code.strip().lower()
    if lowered in registry.bodies:
        return {"suggestion": lowered}
    return closest(lowered, registry.bodies)


def check_event_date(place: FilePlace, data: Mapping[str, Any], form: Form) -> list[Finding]:
    if place.event_date is None or not form.date_field:
        return []
    own = parse_date(data.get(form.date_field))
    if own is None:
        return []
    found: list[Finding] = []
    field = (form.date_field,)
    if own != place.event_date:
        found.append(
            Finding(
                field, "TR311", {"value": own.isoformat(), "expected": place.event_date.isoformat()}
            )
        )
    if place.period is not None and own.year != place.period:
        found.append(
            Finding(field, "TR306", {"value": own.isoformat(), "period": str(place.period)})
        )
    return found


def check_date_order(data: Any, scanned: Scan | None = None) -> list[Finding]:
    found: list[Finding] = []
    for parts, value in (scanned or scan(data)).dated:
        for first, second in DATE_ORDER:
            a, b = parse_date(value.get(first)), parse_date(value.get(second))
            if a and b and b < a:
                found.append(
                    Finding(
                        (*parts, second),
                        "TR307",
                        {
                            "field": second,
                            "value": b.isoformat(),
                            "other": first,
                            "other_value": a.isoformat(),
                        },
                    )
                )
    return found


def _period_end(period: int | None) -> dt.date:
    return dt.date(period or dt.MAXYEAR, 12, 31)


def _treaty_row(
    parts: PathParts, treaty_id: str, form: Form, place: FilePlace, registry: Registry
) -> list[Finding]:
    treaty = registry.treaties.get(treaty_id)
    if treaty is None:
        mine = registry.treaties.of_body(place.body) if place.body is not None else []
        own = [t.id for t in mine]
        hint = closest(treaty_id, own or registry.treaties, cutoff=0.75)
        return [Finding(parts, "TR303", {"value": treaty_id, **hint})]
    found: list[Finding] = []
    end = _period_end(place.period)
    in_force = treaty.in_force_on is not None and treaty.in_force_on <= end
    if form.treaty_status == "in-force" and not in_force:
        found.append(Finding(parts, "TR304", {"value": treaty_id}))
    if form.treaty_status == "signed-not-in-force" and in_force:
        since = treaty.in_force_on.isoformat() if treaty.in_force_on else ""
        found.append(Finding(parts, "TR305", {"value": treaty_id, "since": since}))
    known = place.body is not None and place.body in registry.bodies  # else TR309 says it
    if place.body and known and treaty.bodies and place.body not in treaty.bodies:
        found.append(Finding(parts, "TR314", {"value": treaty_id, "body": place.body}))
    return found


def check_treaties(
    place: FilePlace,
    data: Mapping[str, Any],
    form: Form,
    registry: Registry,
    scanned: Scan | None = None,
) -> list[Finding]:
    found: list[Finding] = []
    for key in form.entries:
        rows = data.get(key)
        if not isinstance(rows, list):
            continue
        first_seen: dict[str, int] = {}
        for index, row in enumerate(rows):
            treaty_id = row.get("treaty") if isinstance(row, dict) else None
            if not isinstance(treaty_id, str):
                continue
            parts: PathParts = (key, index, "treaty")
            if treaty_id in first_seen:
                found.append(
                    Finding(
                        parts,
                        "TR308",
                        {"value": treaty_id, "first": str(first_seen[treaty_id] + 1)},
                    )
                )
                continue
            first_seen[treaty_id] = index
            found.extend(_treaty_row(parts, treaty_id, form, place, registry))
    for parts, value in (scanned or scan(data)).values("treaty"):
        outside = parts[0] not in form.entries
        if outside and isinstance(value, str) and value not in registry.treaties:
            found.append(
                Finding(parts, "TR303", {"value": value, **closest(value, registry.treaties, 0.75)})
            )
    return found


def check_completeness(
    place: FilePlace, data: Mapping[str, Any], form: Form, registry: Registry
) -> list[Finding]:
    """Every treaty the register assigns to the body that belongs in the form's treaty table
    for the period (the rows ``treaty new`` prefills) is in it: Annex 1 lists the treaties
    in force (point 2.1, TR318), Annex 4 those signed and not in force (point 2.2, TR319)."""
    table = form.treaty_table
    if table is None or place.period is None or not place.body or place.event_date:
        return []
    rows = data.get(table)
    if not isinstance(rows, list):
        return []  # the schema says the table is missing
    listed = {row.get("treaty") for row in rows if isinstance(row, dict)}
    code = "TR318" if form.treaty_status == "in-force" else "TR319"
    wanted = treaties_for(registry, form, place.body, place.period)
    at: PathParts = (table,)
    args = {"period": str(place.period), "table": table}
    return [Finding(at, code, {"value": t.id, **args}, True) for t in wanted if t.id not in listed]


#: Dates of what was done in the reporting year: a measure taken (Annex 1), a meeting held
#: (Annex 3). The repository's reading: a date outside the period is most likely a typo or
#: a row copied from another year, so it is a warning (TR320), not a refusal.
IN_PERIOD = ("measures", "meetings")


def check_period_dates(place: FilePlace, data: Mapping[str, Any], form: Form) -> list[Finding]:
    if place.period is None or place.event_date:
        return []
    found: list[Finding] = []
    for key in form.entries:
        rows = data.get(key)
        for index, row in enumerate(rows if isinstance(rows, list) else ()):
            for name in IN_PERIOD:
                items = row.get(name) if isinstance(row, dict) else None
                for i, item in enumerate(items if isinstance(items, list) else ()):
                    day = parse_date(item.get("date")) if isinstance(item, dict) else None
                    if day is not None and day.year != place.period:
                        args = {"value": day.isoformat(), "period": str(place.period)}
                        found.append(Finding((key, index, name, i, "date"), "TR320", args))
    return found


def check_body_refs(data: Any, registry: Registry, scanned: Scan | None = None) -> list[Finding]:
    found: list[Finding] = []
    for parts, value in (scanned or scan(data)).values("requested_body"):
        if isinstance(value, str) and value not in registry.bodies:
            found.append(
                Finding(parts, "TR315", {"value": value, **closest(value, registry.bodies)})
            )
    return found


KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_CYRILLIC = re.compile("[А-Яа-яЁё]")
#: Shorter texts (names, places) may lack Kazakh-only letters; longer Kazakh prose has them.
LANGUAGE_CHECK_LENGTH = 40


def check_languages(scanned: Scan) -> list[Finding]:
    """A long ``kk`` text in Cyrillic without a single Kazakh-only letter is very likely
    Russian pasted into the wrong line (a warning: the file is still accepted)."""
    found: list[Finding] = []
    for parts, value in scanned.values("kk"):
        if (
            isinstance(value, str)
            and len(value) >= LANGUAGE_CHECK_LENGTH
            and _CYRILLIC.search(value)
            and KAZAKH_LETTERS.isdisjoint(value)
        ):
            found.append(Finding(parts, "TR317", {}))
    return found


def check_submission(
    place: FilePlace,
    data: Mapping[str, Any],
    form: Form,
    registry: Registry,
    scanned: Scan | None = None,
) -> list[Finding]:
    scanned = scanned or scan(data)
    return [
        *check_header(place, data, form, registry),
        *check_event_date(place, data, form),
        *check_date_order(data, scanned),
        *check_treaties(place, data, form, registry, scanned),
        *check_completeness(place, data, form, registry),
        *check_period_dates(place, data, form),
        *check_languages(scanned),
        *check_body_refs(data, registry, scanned),
        *check_meeting(form.kind, data),
    ]


def _duplicates(items: list[Any], key: str, list_name: str) -> list[Finding]:
    found: list[Finding] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        value = item.get(key) if isinstance(item, dict) else None
        if not isinstance(value, str):
            continue
        if value in seen:
            found.append(
                Finding(
                    (list_name, index, key),
                    "TR310",
                    {"value": value, "first": str(seen[value] + 1)},
                )
            )
        else:
            seen[value] = index
    return found


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def check_registry(kind: str, data: Mapping[str, Any], registry: Registry) -> list[Finding]:
    if kind == "registry-bodies":
        return _duplicates(_list(data.get("bodies")), "code", "bodies")
    if kind == "registry-treaties":
        treaties = _list(data.get("treaties"))
        found = _duplicates(treaties, "id", "treaties")
        for index, treaty in enumerate(treaties):
            bodies = _list(treaty.get("bodies")) if isinstance(treaty, dict) else []
            for b_index, body in enumerate(bodies):
                if isinstance(body, str) and registry.bodies and body not in registry.bodies:
                    found.append(
                        Finding(("treaties", index, "bodies", b_index), "TR315", {"value": body})
                    )
        return found
    return []
