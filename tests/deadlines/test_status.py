"""``build_status`` on real temporary git repositories with back-dated merges."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.check.project import open_project
from generator.deadlines.status import StatusReport, StatusRow, build_status
from testing.git import GitRepo
from testing.repo import annual, event

D = dt.date
T = "T11:00:00+05:00"


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return GitRepo(tmp_path / "repo")


def status(repo: GitRepo, as_of: dt.date, period: int | None = None) -> StatusReport:
    return build_status(open_project(repo.root), as_of, period)


def row(
    report: StatusReport | list[StatusRow], body: str, duty: str, event: str | None = None
) -> StatusRow:
    rows = report.rows if isinstance(report, StatusReport) else report
    found = [r for r in rows if r.body == body and r.duty == duty and r.event == event]
    assert len(found) == 1, found
    return found[0]


def test_on_time_on_the_rolled_forward_due_date(repo: GitRepo) -> None:
    repo.merge_pr(annual("treaties-in-force", 2025, "energy"), when="2026-01-12" + T)
    got = row(status(repo, D(2026, 2, 1), 2025), "energy", "treaties-in-force")
    assert (got.due, got.submitted, got.state, got.days_late) == (
        D(2026, 1, 12), D(2026, 1, 12), "on-time", 0)  # fmt: skip
    assert got.files == ("submissions/2025/energy/treaties-in-force.yaml",)
    assert got.rule == "2.1"


def test_late_by_three_days(repo: GitRepo) -> None:
    repo.merge_pr(annual("treaties-in-force", 2025, "energy"), when="2026-01-15" + T)
    got = row(status(repo, D(2026, 2, 1), 2025), "energy", "treaties-in-force")
    assert (got.state, got.days_late, got.submitted) == ("late", 3, D(2026, 1, 15))


def test_missing_when_past_due_and_nothing_arrived(repo: GitRepo) -> None:
    got = row(status(repo, D(2026, 2, 1), 2025), "agriculture", "domestic-procedures")
    assert (got.state, got.submitted, got.files, got.days_late) == ("missing", None, (), 20)


def test_pending_before_the_due_date(repo: GitRepo) -> None:
    (repo.root / "submissions" / "2025").mkdir()
    report = status(repo, D(2026, 1, 5))
    got = row([r for r in report.rows if r.period == 2025], "agriculture", "treaties-in-force")
    assert (got.period, got.state, got.due, got.days_late) == (
        2025,
        "pending",
        D(2026, 1, 12),
        None,
    )
    as_of_year = [r for r in report.rows if r.period == 2026]  # the as-of year has rows
    assert row(as_of_year, "mfa", "official-position-1").state == "pending"


def test_a_file_in_the_tree_but_not_on_main_has_not_arrived(repo: GitRepo) -> None:
    repo.put(annual("treaties-in-force", 2025, "energy"))
    got = row(status(repo, D(2026, 2, 1), 2025), "energy", "treaties-in-force")
    assert got.state == "missing" and got.files


def test_a_late_correction_keeps_the_first_submission_on_time(repo: GitRepo) -> None:
    repo.merge_pr(annual("treaties-in-force", 2025, "energy"), when="2026-01-09" + T)
    repo.merge_pr(
        annual("treaties-in-force", 2025, "energy", "# corrected\n"), when="2026-02-02" + T
    )
    got = row(status(repo, D(2026, 3, 1), 2025), "energy", "treaties-in-force")
    assert (got.state, got.submitted, got.amended) == ("on-time", D(2026, 1, 9), (D(2026, 2, 2),))


def test_a_date_written_in_the_yaml_changes_nothing(repo: GitRepo, tmp_path: Path) -> None:
    early = annual(
        "transmittal", 2025, "pm-office", "sent_on: '2026-02-01'\nsubmitted: '2026-02-01'\n"
    )
    repo.merge_pr(early, when="2026-03-02" + T)
    other = GitRepo(tmp_path / "other")
    other.merge_pr(annual("transmittal", 2025, "pm-office", "sent_on: '2026-03-30'\n"),
                   when="2026-03-02" + T)  # fmt: skip
    first = row(status(repo, D(2026, 4, 1), 2025), "pm-office", "transmittal")
    second = row(status(other, D(2026, 4, 1), 2025), "pm-office", "transmittal")
    assert first == second
    assert (first.state, first.days_late, first.due) == ("late", 5, D(2026, 2, 25))


def test_chapter_6_does_not_apply_to_the_pa_or_the_pm_office(repo: GitRepo) -> None:
    report = status(repo, D(2026, 2, 1), 2025)
    for body in ("pa", "pm-office"):
        for duty in ("activity-plan", "event-report", "meeting-report", "consultation"):
            got = row(report, body, duty)
            assert (got.state, got.due, got.exempt_by) == ("exempt", None, "50")
    assert not [r for r in report.rows if r.body == "pa" and r.duty == "treaties-in-force"]


def test_points_48_and_49_do_not_apply_to_special_state_bodies(repo: GitRepo) -> None:
    report = status(repo, D(2026, 2, 1), 2025)
    assert row(report, "nsc", "consultation").state == "exempt"
    assert row(report, "nsc", "meeting-report").state == "exempt"
    assert row(report, "nsc", "activity-plan").state == "missing"  # point 46 still applies
    assert not [r for r in report.rows if r.body == "energy" and r.duty == "consultation"]


def _request(name: str, body: str, end: str, report: str, period: int = 2026) -> dict[str, str]:
    extra = (f"requested_on: '{name[:10]}'\nrequested_body: {body}\nevent: x\n"
             f"event_end: '{end}'\nevent_file: {report}.yaml\n")  # fmt: skip
    return event("report-requests", "report-request", period, "mfa", name, extra)


def _event_report(
    name: str, body: str, end: str, domain: str, period: int = 2026
) -> dict[str, str]:
    extra = f"start: '{name[:10]}'\nend: '{end}'\ndomain: {domain}\n"
    return event("event-reports", "event-report", period, body, name, extra)


def test_point_46_does_not_apply_to_an_exempt_domain(repo: GitRepo) -> None:
    repo.merge_pr(_request("2026-05-20-forum", "energy", "2026-05-15", "2026-05-14-forum"),
                  when="2026-05-20" + T)  # fmt: skip
    repo.merge_pr(_event_report("2026-05-14-forum", "energy", "2026-05-15", "investment"),
                  when="2026-06-20" + T)  # fmt: skip
    got = row(status(repo, D(2026, 7, 1), 2026), "energy", "event-report", "2026-05-20-forum")
    assert (got.state, got.due, got.exempt_by) == ("exempt", None, "50")


def test_an_event_report_is_due_7_working_days_after_the_event_across_nauryz(repo: GitRepo) -> None:
    repo.merge_pr(_request("2026-03-19-expo", "energy", "2026-03-19", "2026-03-18-expo"),
                  when="2026-03-19" + T)  # fmt: skip
    repo.merge_pr(_event_report("2026-03-18-expo", "energy", "2026-03-19", "energy"),
                  when="2026-04-02" + T)  # fmt: skip
    got = row(status(repo, D(2026, 5, 1), 2026), "energy", "event-report", "2026-03-19-expo")
    assert (got.due, got.state, got.days_late) == (D(2026, 4, 2), "on-time", 0)


def test_a_request_with_no_report_past_due_is_missing(repo: GitRepo) -> None:
    repo.merge_pr(_request("2026-05-20-forum", "energy", "2026-05-15", "2026-05-14-forum"),
                  when="2026-05-20" + T)  # fmt: skip
    report = status(repo, D(2026, 7, 1), 2026)
    got = row(report, "energy", "event-report", "2026-05-20-forum")
    assert (got.due, got.state, got.files) == (D(2026, 5, 26), "missing", ())


def test_an_event_report_nobody_asked_for_has_no_due_date(repo: GitRepo) -> None:
    repo.merge_pr(_event_report("2026-05-14-forum", "energy", "2026-05-15", "energy"),
                  when="2026-06-20" + T)  # fmt: skip
    got = row(status(repo, D(2026, 7, 1), 2026), "energy", "event-report", "2026-05-14-forum")
    assert (got.due, got.state, got.days_late) == (None, "on-time", None)


def _meeting(day: str, participated: str, in_kazakhstan: str = "true") -> dict[str, str]:
    extra = f"date: '{day}'\nmfa_participated: {participated}\nin_kazakhstan: {in_kazakhstan}\n"
    return event("meeting-reports", "meeting-report", int(day[:4]), "energy", f"{day}-talks", extra)


def test_point_49_counts_across_the_transferred_day_off(repo: GitRepo) -> None:
    # due Sunday 5 January 2025, a working day; a naive count would give Friday 3 January
    repo.merge_pr(_meeting("2024-12-25", "false"), when="2025-01-04" + T)
    got = row(status(repo, D(2025, 2, 1), 2024), "energy", "meeting-report", "2024-12-25-talks")
    assert (got.due, got.state) == (D(2025, 1, 5), "on-time")


def test_point_49_late_by_one_day(repo: GitRepo) -> None:
    repo.merge_pr(_meeting("2024-12-25", "false"), when="2025-01-06" + T)
    got = row(status(repo, D(2025, 2, 1), 2024), "energy", "meeting-report", "2024-12-25-talks")
    assert (got.state, got.days_late) == ("late", 1)


def test_no_point_49_duty_when_the_mfa_took_part(repo: GitRepo) -> None:
    repo.merge_pr(_meeting("2025-06-10", "true"), when="2025-07-30" + T)
    report = status(repo, D(2025, 8, 1), 2025)
    assert not [r for r in report.rows if r.body == "energy" and r.duty == "meeting-report"]


def test_a_meeting_abroad_creates_no_point_49_duty(repo: GitRepo) -> None:
    repo.merge_pr(_meeting("2025-06-10", "false", in_kazakhstan="false"), when="2025-07-30" + T)
    report = status(repo, D(2025, 8, 1), 2025)
    assert not [r for r in report.rows if r.body == "energy" and r.duty == "meeting-report"]


def test_point_49_on_a_single_meeting_is_the_repositorys_reading(repo: GitRepo) -> None:
    repo.merge_pr(_meeting("2025-06-10", "false"), when="2025-06-12" + T)
    got = row(status(repo, D(2025, 8, 1), 2025), "energy", "meeting-report", "2025-06-10-talks")
    assert got.readings == ("single-meeting",)


def _consultation(consulted: str, departure: str = "2025-05-18") -> dict[str, str]:
    extra = f"departure: '{departure}'\nconsulted_on: '{consulted}'\n"
    return event("consultations", "consultation", 2025, "health", f"{departure}-wha", extra)


def test_point_48_consulted_before_departure_is_on_time_whenever_the_record_arrives(
    repo: GitRepo,
) -> None:
    repo.merge_pr(_consultation("2025-05-15"), when="2025-05-25" + T)  # merged after departure
    got = row(status(repo, D(2025, 6, 1), 2025), "health", "consultation", "2025-05-18-wha")
    assert (got.due, got.submitted, got.state, got.days_late, got.rule, got.codes) == (
        D(2025, 5, 18),
        D(2025, 5, 15),
        "on-time",
        0,
        "48",
        (),
    )


def test_point_48_consulted_after_departure_is_late_by_the_days(repo: GitRepo) -> None:
    repo.merge_pr(_consultation("2025-05-20"), when="2025-05-10" + T)  # record merged early
    got = row(status(repo, D(2025, 6, 1), 2025), "health", "consultation", "2025-05-18-wha")
    assert (got.state, got.days_late, got.codes) == ("late", 2, ("TR404",))


def test_point_48_consulted_on_the_day_of_departure_is_a_warning(repo: GitRepo) -> None:
    repo.merge_pr(_consultation("2025-05-18"), when="2025-05-18" + T)
    got = row(status(repo, D(2025, 6, 1), 2025), "health", "consultation", "2025-05-18-wha")
    assert (got.state, got.days_late, got.codes) == ("on-time", 0, ("TR403",))


def test_point_48_other_forms_of_consultation_by_agreement_are_valid(repo: GitRepo) -> None:
    project = open_project(repo.root)
    example = project.forms.schemas["consultation.schema.json"]["examples"][0]
    data = {**example, "consultation_form": "other-agreed"}
    assert project.checker.check("consultation.schema.json", data) == []


def test_point_44_has_no_fixed_term(repo: GitRepo) -> None:
    extra = "letter_date: '2025-03-05'\n"
    repo.merge_pr(event("correspondence-notices", "correspondence-notice", 2025, "energy",
                        "2025-03-05-iaea", extra), when="2025-04-20" + T)  # fmt: skip
    got = row(
        status(repo, D(2025, 6, 1), 2025), "energy", "correspondence-notice", "2025-03-05-iaea"
    )
    assert (got.due, got.state, got.days_late, got.submitted) == (
        None,
        "on-time",
        None,
        D(2025, 4, 20),
    )


def test_point_45_official_positions_by_half_year(repo: GitRepo) -> None:
    repo.merge_pr(event("official-positions", "official-position", 2025, "mfa",
                        "2025-06-17-h1", "half: 1\n"), when="2025-06-18" + T)  # fmt: skip
    report = status(repo, D(2025, 12, 31), 2025)
    assert row(report, "mfa", "official-position-1").state == "on-time"
    second = row(report, "mfa", "official-position-2")
    assert (second.due, second.state, second.days_late) == (D(2025, 12, 22), "missing", 9)


@pytest.mark.parametrize(
    ("duty", "body", "due"),
    [
        ("assessment", "mfa", D(2026, 2, 10)),
        ("transmittal", "pm-office", D(2026, 2, 25)),
        ("activity-plan", "energy", D(2025, 12, 22)),  # 20 December 2025 is a Saturday
        ("domestic-procedures", "energy", D(2026, 1, 12)),
    ],
)
def test_fixed_due_dates(repo: GitRepo, duty: str, body: str, due: dt.date) -> None:
    assert row(status(repo, D(2026, 1, 1), 2025), body, duty).due == due


def test_point_46_a_late_request_never_gets_a_due_date_before_it(repo: GitRepo) -> None:
    # The event ended 15 May 2026; the MFA asked on 15 June, after the 7 working days.
    repo.merge_pr(_request("2026-06-15-forum", "energy", "2026-05-15", "2026-05-14-forum"),
                  when="2026-06-15" + T)  # fmt: skip
    repo.merge_pr(_event_report("2026-05-14-forum", "energy", "2026-05-15", "energy"),
                  when="2026-06-16" + T)  # fmt: skip
    got = row(status(repo, D(2026, 7, 1), 2026), "energy", "event-report", "2026-06-15-forum")
    assert got.due is not None and got.due >= D(2026, 6, 15)
    assert got.due == D(2026, 6, 24)  # 7 working days from the request (the reading)
    assert (got.state, got.days_late) == ("on-time", 0)
    assert got.readings == ("late-request",) and got.written_due == D(2026, 5, 26)


def test_point_46_an_early_request_keeps_the_term_from_the_event_end(repo: GitRepo) -> None:
    repo.merge_pr(_request("2026-05-10-forum", "energy", "2026-05-15", "2026-05-14-forum"),
                  when="2026-05-10" + T)  # fmt: skip
    got = row(status(repo, D(2026, 7, 1), 2026), "energy", "event-report", "2026-05-10-forum")
    assert (got.due, got.readings, got.written_due) == (D(2026, 5, 26), (), None)


def test_a_rolled_due_date_keeps_the_date_the_rules_write(repo: GitRepo) -> None:
    repo.merge_pr(annual("treaties-in-force", 2025, "energy"), when="2026-01-12" + T)
    got = row(status(repo, D(2026, 2, 1), 2025), "energy", "treaties-in-force")
    assert (got.due, got.written_due, got.readings) == (
        D(2026, 1, 12),
        D(2026, 1, 10),
        ("roll-forward",),
    )
    on_a_weekday = row(status(repo, D(2026, 3, 1), 2025), "mfa", "assessment")
    assert (on_a_weekday.written_due, on_a_weekday.readings) == (None, ())
