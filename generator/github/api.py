"""The one small interface to GitHub's REST API (v3), and its real implementation.

The token comes from the environment (``GITHUB_TOKEN``; team look-ups may use
``TREATY_ORG_TOKEN``, since the workflow token cannot read an organisation's teams). It is
never printed, logged or put into an exception message.
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from generator.errors import TreatyError

DEFAULT_API_URL = "https://api.github.com"
_NEXT = re.compile(r'<([^>]+)>;\s*rel="next"')


class GitHubApiError(TreatyError):
    """GitHub refused or failed a request; the message names the request, never the token."""


@dataclass(frozen=True)
class Comment:
    id: int
    body: str
    author: str = ""


@dataclass(frozen=True)
class Issue:
    number: int
    title: str
    body: str
    state: str = "open"
    labels: tuple[str, ...] = ()
    assignees: tuple[str, ...] = ()


class GitHubApi(Protocol):
    """What the ``treaty`` commands need from GitHub, for one repository."""

    def list_comments(self, number: int) -> list[Comment]: ...

    def create_comment(self, number: int, body: str) -> Comment: ...

    def update_comment(self, comment_id: int, body: str) -> Comment: ...

    def list_issues(self, label: str, state: str = "all") -> list[Issue]: ...

    def get_issue(self, number: int) -> Issue: ...

    def create_issue(
        self, title: str, body: str, labels: Sequence[str], assignees: Sequence[str]
    ) -> Issue: ...

    def update_issue(
        self,
        number: int,
        *,
        title: str | None = None,
        body: str | None = None,
        state: str | None = None,
    ) -> Issue: ...

    def add_assignees(self, number: int, logins: Sequence[str]) -> Issue: ...

    def team_members(self, org: str, team: str) -> list[str]: ...

    def repository_settings(self) -> dict[str, Any]: ...


def issue_from_json(raw: Mapping[str, Any]) -> Issue:
    return Issue(
        number=int(raw["number"]),
        title=str(raw.get("title") or ""),
        body=str(raw.get("body") or ""),
        state=str(raw.get("state") or "open"),
        labels=tuple(str(x["name"]) for x in raw.get("labels") or () if isinstance(x, Mapping)),
        assignees=tuple(
            str(x["login"]) for x in raw.get("assignees") or () if isinstance(x, Mapping)
        ),
    )


def comment_from_json(raw: Mapping[str, Any]) -> Comment:
    user = raw.get("user") or {}
    return Comment(int(raw["id"]), str(raw.get("body") or ""), str(user.get("login") or ""))


class RestGitHubApi:
    """GitHub's REST API over urllib, for the repository ``owner/name``."""

    def __init__(
        self,
        repository: str,
        token: str,
        api_url: str = DEFAULT_API_URL,
        org_token: str | None = None,
    ) -> None:
        self._repo = repository
        self._token = token
        self._org_token = org_token or token
        self._api = api_url.rstrip("/")

    @classmethod
    def from_env(cls, env: Mapping[str, str], repository: str | None = None) -> RestGitHubApi:
        token = env.get("GITHUB_TOKEN", "")
        repo = repository or env.get("GITHUB_REPOSITORY", "")
        if not token or not repo:
            raise GitHubApiError("GITHUB_TOKEN and GITHUB_REPOSITORY must be set")
        api_url = env.get("GITHUB_API_URL", DEFAULT_API_URL)
        return cls(repo, token, api_url, env.get("TREATY_ORG_TOKEN") or None)

    def _request(
        self, method: str, url: str, payload: object = None, token: str | None = None
    ) -> tuple[Any, str]:
        data = json.dumps(payload).encode("utf-8") if payload is not None else None
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("Accept", "application/vnd.github+json")
        request.add_header("Authorization", f"Bearer {token or self._token}")
        request.add_header("X-GitHub-Api-Version", "2022-11-28")
        request.add_header("User-Agent", "treaty-reports")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read().decode("utf-8")
                link = response.headers.get("Link", "")
        except urllib.error.HTTPError as error:
            error.close()
            raise GitHubApiError(f"GitHub: {method} {_path(url)} failed ({error.code})") from None
        except (urllib.error.URLError, TimeoutError) as error:
            reason = getattr(error, "reason", error)
            raise GitHubApiError(f"GitHub: {method} {_path(url)} failed ({reason})") from None
        return (json.loads(text) if text else None), link

    def _call(self, method: str, path: str, payload: object = None) -> Any:
        return self._request(method, f"{self._api}{path}", payload)[0]

    def _pages(self, path: str, token: str | None = None) -> list[Any]:
        url: str | None = f"{self._api}{path}{'&' if '?' in path else '?'}per_page=100"
        items: list[Any] = []
        while url:
            page, link = self._request("GET", url, token=token)
            items.extend(page or [])
            found = _NEXT.search(link)
            url = found.group(1) if found else None
        return items

    def list_comments(self, number: int) -> list[Comment]:
        raw = self._pages(f"/repos/{self._repo}/issues/{number}/comments")
        return [comment_from_json(c) for c in raw]

    def create_comment(self, number: int, body: str) -> Comment:
        path = f"/repos/{self._repo}/issues/{number}/comments"
        return comment_from_json(self._call("POST", path, {"body": body}))

    def update_comment(self, comment_id: int, body: str) -> Comment:
        path = f"/repos/{self._repo}/issues/comments/{comment_id}"
        return comment_from_json(self._call("PATCH", path, {"body": body}))

    def list_issues(self, label: str, state: str = "all") -> list[Issue]:
        raw = self._pages(f"/repos/{self._repo}/issues?labels={label}&state={state}")
        return [issue_from_json(i) for i in raw if "pull_request" not in i]

    def get_issue(self, number: int) -> Issue:
        return issue_from_json(self._call("GET", f"/repos/{self._repo}/issues/{number}"))

    def create_issue(
        self, title: str, body: str, labels: Sequence[str], assignees: Sequence[str]
    ) -> Issue:
        payload = {"title": title, "body": body, "labels": list(labels)}
        payload["assignees"] = list(assignees)
        return issue_from_json(self._call("POST", f"/repos/{self._repo}/issues", payload))

    def update_issue(
        self,
        number: int,
        *,
        title: str | None = None,
        body: str | None = None,
        state: str | None = None,
    ) -> Issue:
        pairs = (("title", title), ("body", body), ("state", state))
        changes = {k: v for k, v in pairs if v is not None}
        path = f"/repos/{self._repo}/issues/{number}"
        return issue_from_json(self._call("PATCH", path, changes))

    def add_assignees(self, number: int, logins: Sequence[str]) -> Issue:
        path = f"/repos/{self._repo}/issues/{number}/assignees"
        return issue_from_json(self._call("POST", path, {"assignees": list(logins)}))

    def repository_settings(self) -> dict[str, Any]:
        found = self._call("GET", f"/repos/{self._repo}")
        return dict(found) if isinstance(found, Mapping) else {}

    def team_members(self, org: str, team: str) -> list[str]:
        raw = self._pages(f"/orgs/{org}/teams/{team}/members", token=self._org_token)
        return [str(m["login"]) for m in raw]


def _path(url: str) -> str:
    """The request's path without the host or query: safe to show."""
    without_host = url.split("://", 1)[-1].split("/", 1)[-1]
    return "/" + without_host.split("?", 1)[0]


def api_from_env(env: Mapping[str, str] | None = None) -> GitHubApi:
    return RestGitHubApi.from_env(env if env is not None else os.environ)
