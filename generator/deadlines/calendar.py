"""Kazakhstan's working-day calendar, from the ``holidays`` package (country ``KZ``).

``holidays`` models weekends, public holidays, holidays moved off a weekend, the religious
holidays that do not move, and each year's transferred days off (Sunday 5 January 2025 was
a working day, Friday 3 January 2025 a day off).

On top of the library, ``registry/duties.yaml`` ``calendar.adjustments`` holds one line a
year of days the Government's transfer orders made working or off, so a new order can be
entered without waiting for a library release (the data wins over the library).

Two ways of counting time (``registry/duties.yaml`` ``calendar:`` section):

- a *fixed date* (10 January) is what the Rules write ("not later than 10 January"). When it
  falls on a non-working day, ``interpretation: roll-forward`` moves it to the next working
  day: the repository's reading of Kazakhstan's general rule on terms, not the Rules' words,
  and every output that shows the moved date says so;
- a *working-day period* ("7 working days after the event") counts working days only,
  starting the day after the event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import holidays

ONE_DAY = dt.timedelta(days=1)
MAX_SCAN_DAYS = 366


@dataclass(frozen=True)
class WorkingCalendar:
    """Working days of one country; ``roll_forward`` governs fixed dates on days off."""

    country: str = "KZ"
    roll_forward_fixed: bool = True
    # Day → True (a working day) or False (a day off), from the data; overrides the library.
    adjustments: Mapping[dt.date, bool] = field(default_factory=dict)
    _days_off: Any = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_days_off", holidays.country_holidays(self.country))

    def is_working_day(self, day: dt.date) -> bool:
        adjusted = self.adjustments.get(day)
        if adjusted is not None:
            return adjusted
        return bool(self._days_off.is_working_day(day))

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``day`` (``day`` itself is not counted)."""
        if count < 0:
            raise ValueError("count must not be negative")
        current = day
        for _ in range(count):
            current = self.next_working_day(current + ONE_DAY)
        return current

    def next_working_day(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, otherwise the next one."""
        current = day
        for _ in range(MAX_SCAN_DAYS):
            if self.is_working_day(current):
                return current
            current += ONE_DAY
        raise ValueError(f"no working day within a year after {day}")

    def roll_forward(self, day: dt.date) -> dt.date:
        """A fixed due date, moved to the next working day when the rule says so."""
        return self.next_working_day(day) if self.roll_forward_fixed else day


def kazakhstan(roll_forward: bool = True) -> WorkingCalendar:
    return WorkingCalendar("KZ", roll_forward)


def adjustments_from_data(raw: Mapping[Any, Any] | None) -> dict[dt.date, bool]:
    """``{year: {working: [dates], off: [dates]}}`` as day → is a working day."""
    found: dict[dt.date, bool] = {}
    for year in (raw or {}).values():
        for key, working in (("working", True), ("off", False)):
            for day in year.get(key) or ():
                found[day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))] = (
                    working
                )
    return found
