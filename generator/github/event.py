"""The GitHub event that started a workflow (``GITHUB_EVENT_PATH``), as typed values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import UsageError
from generator.load.jsonfile import read_json_object


@dataclass(frozen=True)
class PullRequest:
    number: int
    author: str
    base_sha: str
    head_sha: str
    created_at: dt.datetime
    body: str
    labels: tuple[str, ...]
    repository: str


@dataclass(frozen=True)
class IssueEvent:
    number: int
    author: str
    created_at: dt.datetime
    title: str
    body: str
    labels: tuple[str, ...]


def parse_time(value: object) -> dt.datetime:
    """GitHub's ISO 8601 time (``2026-01-09T10:15:00Z``) as an aware datetime."""
    if not isinstance(value, str):
        raise UsageError(f"the event has no valid time ({value!r})")
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(f"the event has no valid time ({value!r})") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def read_event(path: Path) -> Mapping[str, Any]:
    return read_json_object(path, "the GitHub event", UsageError)


def _labels(raw: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(str(x.get("name")) for x in raw.get("labels") or () if isinstance(x, Mapping))


def pull_request(event: Mapping[str, Any]) -> PullRequest:
    raw = event.get("pull_request")
    if not isinstance(raw, Mapping):
        raise UsageError("the GitHub event is not a pull_request event")
    try:
        return PullRequest(
            number=int(raw["number"]),
            author=str(raw["user"]["login"]),
            base_sha=str(raw["base"]["sha"]),
            head_sha=str(raw["head"]["sha"]),
            created_at=parse_time(raw.get("created_at")),
            body=str(raw.get("body") or ""),
            labels=_labels(raw),
            repository=str((event.get("repository") or {}).get("full_name") or ""),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise UsageError(f"the pull_request event lacks {error}") from None


def issue(event: Mapping[str, Any]) -> IssueEvent:
    raw = event.get("issue")
    if not isinstance(raw, Mapping):
        raise UsageError("the GitHub event is not an issues event")
    try:
        return IssueEvent(
            number=int(raw["number"]),
            author=str(raw["user"]["login"]),
            created_at=parse_time(raw.get("created_at")),
            title=str(raw.get("title") or ""),
            body=str(raw.get("body") or ""),
            labels=_labels(raw),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise UsageError(f"the issues event lacks {error}") from None
