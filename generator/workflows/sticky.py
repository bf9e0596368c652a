"""One sticky comment per pull request, found by a hidden marker and edited in place."""

from __future__ import annotations

from generator.github.api import Comment, GitHubApi

MARKER = "<!-- treaty-reports:sticky -->"


def find_sticky(api: GitHubApi, number: int, marker: str = MARKER) -> Comment | None:
    """The oldest comment carrying ``marker`` (there should be exactly one)."""
    return next((c for c in api.list_comments(number) if marker in c.body), None)


def upsert_sticky(api: GitHubApi, number: int, body: str, marker: str = MARKER) -> str:
    """Create the sticky comment, or edit it; returns created, updated or unchanged."""
    if marker not in body:
        body = f"{marker}\n{body}"
    found = find_sticky(api, number, marker)
    if found is None:
        api.create_comment(number, body)
        return "created"
    if found.body == body:
        return "unchanged"
    api.update_comment(found.id, body)
    return "updated"
