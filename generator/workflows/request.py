"""The MFA's request for an event report (point 46), from a GitHub issue form.

The issue form (``.github/ISSUE_TEMPLATE/report-request.yml``) ends each field's label with
its field name in brackets, e.g. ``Іс-шара / Мероприятие (event_kk)``; GitHub renders the
answers as ``### <label>`` sections. The request date is the day the issue was opened
(Kazakhstan time): that is the date the 7-working-day deadline starts from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

import yaml

from generator.github.event import IssueEvent
from generator.model import LANGUAGES

FOLDER = "report-requests"
NO_RESPONSE = "_No response_"
_HEADING = re.compile(r"^###\s+.*\((?P<field>[a-z_]+)\)\s*$", re.MULTILINE)
_FILE = re.compile(r"^\d{4}-\d{2}-\d{2}-(?P<slug>[a-z0-9][a-z0-9-]*)\.yaml$")


@dataclass(frozen=True)
class ReportRequest:
    path: str
    text: str


def answers(body: str) -> dict[str, str]:
    """Each ``### … (field)`` section's answer, without GitHub's "_No response_"."""
    found: dict[str, str] = {}
    matches = list(_HEADING.finditer(body))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(body)
        value = body[match.end() : end].strip()
        if value and value != NO_RESPONSE:
            found[match["field"]] = value
    return found


def _slug(fields: Mapping[str, str], number: int) -> str:
    match = _FILE.match(fields.get("event_file", ""))
    return match["slug"] if match else f"issue-{number}"


def _data(fields: Mapping[str, str], day: dt.date, body: str) -> dict[str, object]:
    event = {lang: fields[f"event_{lang}"] for lang in LANGUAGES if f"event_{lang}" in fields}
    data: dict[str, object] = {
        "form": "report-request",
        "period": day.year,
        "body": body,
        "requested_on": day.isoformat(),
        "requested_body": fields.get("requested_body", "").strip().lower(),
        "event": event,
        "event_end": fields.get("event_end", "").strip(),
    }
    if fields.get("event_file"):
        data["event_file"] = fields["event_file"].strip()
    if fields.get("note_kk") or fields.get("note_ru"):
        data["note"] = {k: fields[f"note_{k}"] for k in ("kk", "ru") if fields.get(f"note_{k}")}
    return data


def report_request(issue: IssueEvent, tz: dt.tzinfo, body: str = "mfa") -> ReportRequest:
    """The request file an issue describes; ``body`` is the requesting body (the MFA)."""
    day = issue.created_at.astimezone(tz).date()
    fields = answers(issue.body)
    data = _data(fields, day, body)
    name = f"{day.isoformat()}-{_slug(fields, issue.number)}.yaml"
    path = f"submissions/{day.year}/{body}/{FOLDER}/{name}"
    header = "# yaml-language-server: $schema=../../../../schemas/report-request.schema.json\n"
    note = f"# From issue #{issue.number}, opened {issue.created_at.isoformat()}.\n"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return ReportRequest(path, header + note + text)
