"""An in-memory GitHub for tests: the same interface as :class:`RestGitHubApi`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from generator.github.api import Comment, GitHubApiError, Issue


@dataclass
class FakeGitHubApi:
    """Holds comments, issues and team memberships; records every write in ``calls``."""

    teams: Mapping[str, Sequence[str]] = field(default_factory=dict)
    comments: dict[int, list[Comment]] = field(default_factory=dict)
    issues: dict[int, Issue] = field(default_factory=dict)
    calls: list[tuple[str, int]] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    _next_id: int = 1000

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def list_comments(self, number: int) -> list[Comment]:
        return list(self.comments.get(number, []))

    def create_comment(self, number: int, body: str) -> Comment:
        comment = Comment(self._new_id(), body, "github-actions[bot]")
        self.comments.setdefault(number, []).append(comment)
        self.calls.append(("create_comment", number))
        return comment

    def update_comment(self, comment_id: int, body: str) -> Comment:
        for number, items in self.comments.items():
            for index, comment in enumerate(items):
                if comment.id == comment_id:
                    items[index] = replace(comment, body=body)
                    self.calls.append(("update_comment", number))
                    return items[index]
        raise GitHubApiError(f"GitHub: comment {comment_id} not found (404)")

    def list_issues(self, label: str, state: str = "all") -> list[Issue]:
        return [i for i in self.issues.values() if label in i.labels and state in ("all", i.state)]

    def get_issue(self, number: int) -> Issue:
        return self._issue(number)

    def create_issue(
        self, title: str, body: str, labels: Sequence[str], assignees: Sequence[str]
    ) -> Issue:
        number = len(self.issues) + 1
        issue = Issue(number, title, body, "open", tuple(labels), tuple(assignees))
        self.issues[number] = issue
        self.calls.append(("create_issue", number))
        return issue

    def update_issue(
        self,
        number: int,
        *,
        title: str | None = None,
        body: str | None = None,
        state: str | None = None,
    ) -> Issue:
        issue = self._issue(number)
        updated = replace(
            issue,
            title=issue.title if title is None else title,
            body=issue.body if body is None else body,
            state=issue.state if state is None else state,
        )
        self.issues[number] = updated
        self.calls.append(("update_issue", number))
        return updated

    def add_assignees(self, number: int, logins: Sequence[str]) -> Issue:
        issue = self._issue(number)
        merged = tuple(dict.fromkeys((*issue.assignees, *logins)))
        self.issues[number] = replace(issue, assignees=merged)
        self.calls.append(("add_assignees", number))
        return self.issues[number]

    def repository_settings(self) -> dict[str, Any]:
        return dict(self.settings)

    def team_members(self, org: str, team: str) -> list[str]:
        key = f"{org}/{team}"
        if key not in self.teams:
            raise GitHubApiError(f"GitHub: GET /orgs/{org}/teams/{team}/members failed (404)")
        return list(self.teams[key])

    def _issue(self, number: int) -> Issue:
        if number not in self.issues:
            raise GitHubApiError(f"GitHub: issue {number} not found (404)")
        return self.issues[number]
