"""Each body's timeliness for the report's forms, from the rows of ``treaty status``.

The rows come from :func:`generator.deadlines.status.build_status`; this module only reads
the attributes of its contract (body, kind, period, due, submitted, state, days_late), so
the report does not depend on how the deadlines engine is built.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from generator.report.model import BodyTimeliness


class StatusRowLike(Protocol):
    @property
    def body(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def period(self) -> int: ...
    @property
    def due(self) -> Any: ...
    @property
    def submitted(self) -> Any: ...
    @property
    def state(self) -> Any: ...
    @property
    def days_late(self) -> int | None: ...
    @property
    def amended_files(self) -> tuple[tuple[dt.date, tuple[str, ...]], ...]: ...


def changes(row: StatusRowLike) -> tuple[tuple[str, int], ...]:
    """Each day the report was changed after it was received, with the days after the due
    date (0: on or before it)."""
    due = row.due if isinstance(row.due, dt.date) else None
    return tuple((day(d), max(0, (d - due).days) if due else 0) for d, _files in row.amended_files)


def day(value: object) -> str:
    """A date or datetime as YYYY-MM-DD; '' for nothing."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)[:10] if value else ""


def state_code(value: object) -> str:
    return str(getattr(value, "value", value) or "")


def timeliness(
    rows: Iterable[StatusRowLike],
    period: int,
    kinds: Iterable[str],
    entries: Mapping[tuple[str, str], int],
) -> tuple[BodyTimeliness, ...]:
    """One :class:`BodyTimeliness` per body and form of the period, ordered by body then form.

    ``entries`` maps (body, kind) to the number of entries received, for the same table.
    """
    wanted = set(kinds)
    found = [
        BodyTimeliness(
            body=str(r.body),
            kind=str(r.kind),
            due=day(r.due),
            submitted=day(r.submitted),
            state=state_code(r.state),
            days_late=r.days_late,
            entries=entries.get((r.body, r.kind), 0),
            amended=changes(r),
        )
        for r in rows
        if r.period == period and r.kind in wanted
    ]
    return tuple(sorted(found, key=lambda t: (t.body, t.kind, t.due)))
