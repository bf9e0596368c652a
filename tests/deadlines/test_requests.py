"""Matching the MFA's report requests to event reports (point 46), indexed once."""

from __future__ import annotations

from typing import Any

from generator.deadlines.duties import OnRequest
from generator.deadlines.requests import answers
from generator.deadlines.sources import Filed

SPEC = OnRequest("report-request", "requested_body", "event_file", "mfa_request", "end")
AFTER = "event_end"


def report(body: str, name: str, **data: Any) -> Filed:
    return Filed(f"submissions/2025/{body}/event-reports/{name}", "event-report", 2025, body,
                 data=data)  # fmt: skip


def request(name: str, **data: Any) -> Filed:
    path = f"submissions/2025/mfa/report-requests/{name}"
    return Filed(path, "report-request", 2025, "mfa", data=data)


def matched(requests: list[Filed], reports: list[Filed]) -> dict[str, str | None]:
    found = answers(requests, reports, SPEC, AFTER).report_of
    return {q.name: (r.name if r else None) for q, r in zip(requests, found.values(), strict=True)}


def test_the_file_name_wins_over_back_reference_and_end_date() -> None:
    q = request("2025-04-24-q.yaml", requested_body="water", event_file="b.yaml",
                event_end="2025-04-23")  # fmt: skip
    by_end = report("water", "a.yaml", end="2025-04-23", mfa_request="2025-04-24-q.yaml")
    by_name = report("water", "b.yaml", end="2025-01-01")
    assert matched([q], [by_end, by_name]) == {"2025-04-24-q.yaml": "b.yaml"}


def test_back_reference_by_name_or_path_then_end_date_first_in_file_order() -> None:
    q = request("q.yaml", requested_body="water", event_end="2025-04-23")
    by_path = report("water", "a.yaml", mfa_request=q.path)
    by_name = report("water", "b.yaml", mfa_request="q.yaml")
    assert matched([q], [by_path, by_name]) == {"q.yaml": "a.yaml"}
    assert matched([q], [by_name, by_path]) == {"q.yaml": "b.yaml"}
    first, second = (report("water", n, end="2025-04-23") for n in ("c.yaml", "d.yaml"))
    assert matched([q], [first, second]) == {"q.yaml": "c.yaml"}


def test_only_the_requested_body_s_reports_answer() -> None:
    q = request("q.yaml", requested_body="water", event_file="a.yaml", event_end="2025-04-23")
    other = report("energy", "a.yaml", end="2025-04-23")
    result = answers([q], [other], SPEC, AFTER)
    assert result.report_of == {q.path: None} and result.answered == frozenset()


def test_missing_end_dates_match_as_before_and_lists_are_compared_by_value() -> None:
    no_end = request("q.yaml", requested_body="water")
    listed = request("r.yaml", requested_body="water", event_end=["2025-04-23"])
    reports = [report("water", "a.yaml", end=["2025-04-23"]), report("water", "b.yaml")]
    assert matched([no_end, listed], reports) == {"q.yaml": "b.yaml", "r.yaml": "a.yaml"}


def test_answered_holds_every_request_s_report_across_periods() -> None:
    q1 = request("q1.yaml", requested_body="water", event_file="a.yaml")
    q2 = request("q2.yaml", requested_body=5, event_file="b.yaml")
    reports = [report("water", "a.yaml"), report("5", "b.yaml"), report("water", "c.yaml")]
    result = answers([q1, q2], reports, SPEC, AFTER)
    assert result.answered == {reports[0].path, reports[1].path}
