"""Reminder issues: one per overdue or upcoming duty per body, opened, escalated, closed.

Stages (``as_of`` against the due date): ``t7`` from 7 days before, ``t1`` from the day
before, ``overdue`` from the day after. A duty that is met closes its issue. Each issue
carries a hidden marker naming the duty, so a second run finds it and changes nothing
when the text is the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from generator.deadlines.status import StatusReport, StatusRow
from generator.github.api import GitHubApi, GitHubApiError, Issue

LABEL = "treaty-reminder"
OPEN_STATES = ("pending", "missing")
DONE_STATES = ("on-time", "late", "exempt")


@dataclass(frozen=True)
class OverdueDuty:
    """One row of the status that a reminder is about, and the stage it has reached."""

    row: StatusRow
    stage: str  # t7 | t1 | overdue | done

    @property
    def marker(self) -> str:
        return marker(self.row)


def marker(row: StatusRow) -> str:
    parts = [f"body={row.body}", f"duty={row.duty or row.kind}", f"period={row.period}"]
    if row.event:
        parts.append(f"event={row.event}")
    return f"<!-- treaty-reports:reminder {' '.join(parts)} -->"


def stage(row: StatusRow, as_of: dt.date) -> str | None:
    if row.state in DONE_STATES:
        return "done"
    if row.state not in OPEN_STATES or row.due is None:
        return None
    left = (row.due - as_of).days
    if left < 0:
        return "overdue"
    if left <= 1:
        return "t1"
    return "t7" if left <= 7 else None


def plan(report: StatusReport) -> list[OverdueDuty]:
    found = ((row, stage(row, report.as_of)) for row in report.rows)
    return [OverdueDuty(row, s) for row, s in found if s is not None]


@dataclass(frozen=True)
class ReminderText:
    title: str
    body: str
    assignees: tuple[str, ...]


Writer = Callable[[OverdueDuty], ReminderText]


def _find(issues: Iterable[Issue], key: str) -> Issue | None:
    return next((i for i in issues if key in i.body), None)


def _open(api: GitHubApi, duty: OverdueDuty, text: ReminderText, found: Issue | None) -> str:
    if found is None:
        api.create_issue(text.title, text.body, [LABEL], text.assignees)
        return "opened"
    changed = "unchanged"
    if found.state != "open" or found.title != text.title or found.body != text.body:
        state = "open" if found.state != "open" else None
        api.update_issue(found.number, title=text.title, body=text.body, state=state)
        changed = "updated"
    missing = [a for a in text.assignees if a not in found.assignees]
    if missing:
        api.add_assignees(found.number, missing)
        changed = "updated"
    return changed


def sync(
    api: GitHubApi,
    duties: Sequence[OverdueDuty],
    write: Writer,
    close_note: Callable[[OverdueDuty], str],
) -> list[tuple[OverdueDuty, str]]:
    """Bring the reminder issues in line with ``duties``; returns what was done to each."""
    issues = api.list_issues(LABEL, "all")
    done: list[tuple[OverdueDuty, str]] = []
    for duty in duties:
        found = _find(issues, duty.marker)
        if duty.stage == "done":
            if found is not None and found.state == "open":
                api.create_comment(found.number, close_note(duty))
                api.update_issue(found.number, state="closed")
                done.append((duty, "closed"))
            continue
        done.append((duty, _open(api, duty, write(duty), found)))
    return done


def assignees(maintainers: Sequence[str], api: GitHubApi) -> tuple[tuple[str, ...], list[str]]:
    """Logins to assign (teams expanded through the API) and teams that could not be read."""
    logins: list[str] = []
    unread: list[str] = []
    for maintainer in maintainers:
        name = maintainer.removeprefix("@")
        if "/" not in name:
            logins.append(name)
            continue
        org, team = name.split("/", 1)
        try:
            logins.extend(api.team_members(org, team))
        except GitHubApiError:
            unread.append(maintainer)
    return tuple(dict.fromkeys(logins))[:10], unread
