"""The Received-At trailer and its trust rule."""

from __future__ import annotations

import datetime as dt

from generator.deadlines.trailers import parse_received_at, received_at, stamp

MERGED = dt.datetime(2026, 1, 20, 12, 0, tzinfo=dt.UTC)
MESSAGE = "Merge pull request #17 from x/y\n\nAnnexes 1-3\n\nReceived-At: 2026-01-09T04:12:33Z\n"


def test_trusted_only_from_the_platform() -> None:
    moment = received_at(MESSAGE, "noreply@github.com", "GitHub", MERGED)
    assert moment == dt.datetime(2026, 1, 9, 4, 12, 33, tzinfo=dt.UTC)
    assert received_at(MESSAGE, "clerk@energo.example.kz", "Clerk", MERGED) is None
    assert received_at(MESSAGE, "noreply@github.com", "Mallory", MERGED) is None


def test_signature_rule() -> None:
    assert received_at(MESSAGE, "noreply@github.com", signature="G") is not None
    assert received_at(MESSAGE, "noreply@github.com", signature="N") is None
    assert received_at(MESSAGE, "noreply@github.com", require_signature=True) is None


def test_a_time_after_the_merge_is_refused() -> None:
    early_merge = dt.datetime(2026, 1, 8, tzinfo=dt.UTC)
    assert received_at(MESSAGE, "noreply@github.com", "GitHub", early_merge) is None


def test_parsing_takes_the_last_valid_line() -> None:
    assert parse_received_at("no trailer") is None
    assert parse_received_at("Received-At: yesterday") is None
    assert parse_received_at("Received-At: 2026-01-09T04:12:33") is None  # no time zone
    two = "Received-At: 2026-01-01T00:00:00Z\nReceived-At: 2026-01-02T00:00:00+05:00"
    assert parse_received_at(two) == dt.datetime(2026, 1, 1, 19, 0, tzinfo=dt.UTC)


def test_stamp_replaces_a_forged_line() -> None:
    forged = "Annexes\r\n\r\nReceived-At: 2025-12-01T00:00:00Z\r\n"
    stamped = stamp(forged, dt.datetime(2026, 1, 9, 4, 12, 33, tzinfo=dt.UTC))
    assert stamped == "Annexes\n\nReceived-At: 2026-01-09T04:12:33Z\n"
    assert stamp(stamped, dt.datetime(2026, 1, 9, 4, 12, 33, tzinfo=dt.UTC)) == stamped
