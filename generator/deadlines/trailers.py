"""The ``Received-At:`` trailer: when a pull request reached the repository.

The check workflow writes ``Received-At: <ISO date-time>`` (the time the pull request was
opened) at the end of the pull request's description. With the repository's merge-commit
message set to "Pull request title and description", GitHub copies that description into
the merge commit it creates, so the time is kept by git.

Trust rule: the trailer counts only on a commit the platform made: committer
``GitHub <noreply@github.com>`` and, where the caller checked signatures, a good one. It
must not be later than the commit itself. Otherwise :func:`received_at` returns None and
the caller uses the commit (merge) time.
"""

from __future__ import annotations

import datetime as dt
import re

TRAILER = "Received-At"
PLATFORM_NAME = "GitHub"
PLATFORM_EMAIL = "noreply@github.com"
GOOD_SIGNATURES = frozenset({"G"})  # git's %G? for a good, trusted signature
_LINE = re.compile(rf"^{TRAILER}:\s*(?P<value>\S+)\s*$", re.IGNORECASE | re.MULTILINE)


def parse_received_at(message: str) -> dt.datetime | None:
    """The last ``Received-At:`` value in ``message`` as an aware datetime, or None."""
    values = _LINE.findall(message)
    if not values:
        return None
    try:
        moment = dt.datetime.fromisoformat(values[-1].replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def made_by_platform(
    committer_email: str,
    committer_name: str | None = None,
    signature: str | None = None,
    require_signature: bool = False,
) -> bool:
    if committer_email.strip().lower() != PLATFORM_EMAIL:
        return False
    if committer_name is not None and committer_name.strip() != PLATFORM_NAME:
        return False
    if require_signature or signature is not None:
        return signature in GOOD_SIGNATURES
    return True


def received_at(
    commit_message: str,
    committer_email: str,
    committer_name: str | None = None,
    committed_at: dt.datetime | None = None,
    signature: str | None = None,
    require_signature: bool = False,
) -> dt.datetime | None:
    """The trusted receipt time recorded on a commit, or None (use the commit time).

    ``signature`` is git's ``%G?`` letter when the caller verified signatures (``G`` is a
    good signature); pass ``require_signature=True`` to refuse unsigned commits.
    """
    if not made_by_platform(committer_email, committer_name, signature, require_signature):
        return None
    moment = parse_received_at(commit_message)
    if moment is None or (committed_at is not None and moment > committed_at):
        return None
    return moment


def stamp(description: str, moment: dt.datetime) -> str:
    """``description`` ending in exactly one ``Received-At:`` trailer with ``moment``."""
    kept = _LINE.sub("", description).rstrip()
    value = moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{kept}\n\n{TRAILER}: {value}\n" if kept else f"{TRAILER}: {value}\n"
