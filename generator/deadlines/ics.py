"""One iCalendar (RFC 5545) file per body, listing its deadlines as all-day events.

Output is deterministic: the UID of an event is derived from the body, duty, period and
event; DTSTAMP is the due date itself (RFC 5545 requires one); nothing depends on the clock,
so running it twice gives the same bytes. Lines end in CRLF and are folded at 75 octets.
Only file names and form titles appear, never the content of a submission.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from generator.deadlines.render import AREA, RowView, StatusView, reading_notes
from generator.deadlines.values import State
from generator.templating import environment

DOMAIN = "treaty-reports.example"
MAX_OCTETS = 75


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    day: str
    next_day: str
    summary: str
    description: str


def ics_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11)."""
    out = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return out.replace("\r\n", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold one content line at 75 octets without splitting a UTF-8 character."""
    parts: list[str] = []
    current, size = "", 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, MAX_OCTETS - 1
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _uid(item: RowView) -> str:
    r = item.row
    key = "|".join((r.body, r.duty, str(r.period), r.event or "", str(r.due)))
    return f"{hashlib.sha256(key.encode()).hexdigest()[:24]}@{DOMAIN}"


def _event(item: RowView, view: StatusView) -> CalendarEvent | None:
    r = item.row
    if r.due is None or r.state == State.EXEMPT:
        return None
    summary = view.label("ics_summary", kind=item.kind_name, period=r.period, rule=item.rule)
    if r.event:
        summary = f"{summary} — {r.event}"
    description = view.label("ics_description", rule=item.rule)
    description = " ".join([description, *reading_notes(r, view.labels)])  # the date's source
    return CalendarEvent(
        uid=_uid(item),
        day=r.due.strftime("%Y%m%d"),
        next_day=(r.due + dt.timedelta(days=1)).strftime("%Y%m%d"),
        summary=ics_text(summary),
        description=ics_text(description),
    )


def calendar_for(view: StatusView, body: str) -> str:
    """The iCalendar text for one body's deadlines."""
    items = [i for i in view.rows if i.row.body == body]
    events = [e for i in items if (e := _event(i, view)) is not None]
    name = items[0].body_name if items else body
    text = (
        environment(AREA)
        .get_template("calendar.ics.j2")
        .render(
            name=ics_text(view.label("ics_name", body=name)), events=events, lang=view.labels.lang
        )
    )
    return "".join(fold(line) + "\r\n" for line in text.splitlines() if line)


def write_calendars(view: StatusView, folder: Path) -> tuple[Path, ...]:
    """Write ``<body>.ics`` for every body in the report; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for body in view.report.bodies():
        path = folder / f"{body}.ics"
        path.write_bytes(calendar_for(view, body).encode("utf-8"))
        written.append(path)
    return tuple(written)
