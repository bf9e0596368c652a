"""One sticky comment per pull request, found by a hidden marker and edited in place.

Only a comment the workflow itself wrote counts: anyone can paste the marker into a comment
of their own, and editing that one would put the check's words under their name (or let
them steer what the check "said"). The workflow's identity is ``github-actions[bot]`` for
the built-in token; a GitHub App's token writes as ``<app>[bot]``. GitHub logins cannot
contain ``[`` or ``]``, so no person can take either name.
"""

from __future__ import annotations

from generator.github.api import Comment, GitHubApi

MARKER = "<!-- treaty-reports:sticky -->"
BOT_LOGIN = "github-actions[bot]"


def find_sticky(
    api: GitHubApi, number: int, marker: str = MARKER, bot: str = BOT_LOGIN
) -> Comment | None:
    """The oldest comment carrying ``marker`` written by ``bot`` (there should be one)."""
    return next(
        (c for c in api.list_comments(number) if c.author == bot and marker in c.body), None
    )


def upsert_sticky(
    api: GitHubApi, number: int, body: str, marker: str = MARKER, bot: str = BOT_LOGIN
) -> str:
    """Create the sticky comment, or edit it; returns created, updated or unchanged."""
    if marker not in body:
        body = f"{marker}\n{body}"
    found = find_sticky(api, number, marker, bot)
    if found is None:
        api.create_comment(number, body)
        return "created"
    if found.body == body:
        return "unchanged"
    api.update_comment(found.id, body)
    return "updated"
