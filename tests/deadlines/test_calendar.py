"""Kazakhstan's working-day calendar (holidays ``KZ``)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.check.project import open_project
from generator.deadlines.calendar import WorkingCalendar, adjustments_from_data, kazakhstan
from generator.deadlines.duties import load_duties
from testing.repo import REPO_ROOT

D = dt.date


def test_10_january_2026_a_saturday_moves_to_monday_12_january() -> None:
    assert D(2026, 1, 10).weekday() == 5
    assert kazakhstan().roll_forward(D(2026, 1, 10)) == D(2026, 1, 12)


def test_rolling_forward_can_be_turned_off() -> None:
    assert WorkingCalendar("KZ", roll_forward_fixed=False).roll_forward(D(2026, 1, 10)) == D(
        2026, 1, 10
    )


def test_a_working_day_is_kept() -> None:
    assert kazakhstan().roll_forward(D(2026, 2, 10)) == D(2026, 2, 10)


def test_seven_working_days_across_nauryz_2026() -> None:
    # Thursday 19 March; 21-25 March are Nauryz days off (with the weekend transfers)
    assert kazakhstan().add_working_days(D(2026, 3, 19), 7) == D(2026, 4, 2)


def test_seven_working_days_across_nauryz_2025() -> None:
    assert kazakhstan().add_working_days(D(2025, 3, 20), 7) == D(2025, 4, 3)


def test_sunday_5_january_2025_was_a_working_day_and_friday_3_january_was_not() -> None:
    calendar = kazakhstan()
    assert calendar.is_working_day(D(2025, 1, 5))
    assert not calendar.is_working_day(D(2025, 1, 3))


def test_a_count_across_the_transferred_day_off_ends_on_sunday_5_january() -> None:
    # 26, 27, 30, 31 December, then Sunday 5 January 2025 (3 January was the day off)
    assert kazakhstan().add_working_days(D(2024, 12, 25), 5) == D(2025, 1, 5)


def test_zero_working_days_is_the_day_itself() -> None:
    assert kazakhstan().add_working_days(D(2026, 3, 21), 0) == D(2026, 3, 21)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2025, 1, 3), False),  # the transfer order of 2025: Friday 3 January off
        (D(2025, 1, 5), True),  # ... and Sunday 5 January a working day
        (D(2024, 6, 17), True),  # Kurban Ait 2024 fell on Sunday 16 June and did not move
        (D(2026, 8, 31), True),  # 30 August is no longer a holiday from 2026
    ],
)
def test_the_repositorys_calendar_is_pinned_to_the_official_position(
    day: dt.date, working: bool
) -> None:
    calendar = load_duties(open_project(REPO_ROOT)).calendar
    assert calendar.is_working_day(day) is working


def test_a_data_line_overrides_the_library() -> None:
    adjusted = WorkingCalendar("KZ", adjustments=adjustments_from_data(
        {"2026": {"off": ["2026-08-31"], "working": ["2026-08-29"]}}
    ))  # fmt: skip
    assert not adjusted.is_working_day(D(2026, 8, 31))
    assert adjusted.is_working_day(D(2026, 8, 29))  # a Saturday made a working day
    assert kazakhstan().is_working_day(D(2026, 8, 31))
