"""``treaty pr doctor``: does the repository keep what the trust model needs?

Two sources, both read-only: the repository's merge settings through the API (receipt
stamps travel in the pull request's description, so merges must copy it; a rebase merge
copies nothing), and the first-parent history of ``main``, where each commit is a merge of
a pull request, a squash merge, or something else (a rebase merge, a web edit, a direct
push), which counts from its own commit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.deadlines.trailers import merged_pull_request
from generator.workflows.changes import git

MERGE = "merge"
SQUASH = "squash"
OTHER = "other"


@dataclass(frozen=True)
class Check:
    """One thing checked: ``key`` names its text in the catalogue; ``ok`` or not."""

    key: str
    ok: bool
    args: Mapping[str, str]


def settings_checks(settings: Mapping[str, Any]) -> list[Check]:
    """The merge settings the stamps need (GitHub's names, ``GET /repos/{owner}/{repo}``)."""
    found = [
        Check("doctor_merge_commits", settings.get("allow_merge_commit") is True, {}),
        Check(
            "doctor_merge_message",
            settings.get("merge_commit_message") == "PR_BODY",
            {"value": str(settings.get("merge_commit_message"))},
        ),
        Check("doctor_no_rebase", settings.get("allow_rebase_merge") is False, {}),
    ]
    if settings.get("allow_squash_merge"):
        value = str(settings.get("squash_merge_commit_message"))
        found.append(Check("doctor_squash_message", value == "PR_BODY", {"value": value}))
    return found


def merge_kinds(repo: Path, ref: str) -> dict[str, int]:
    """How many first-parent commits of ``ref`` are merges, squash merges and other."""
    output = git(repo, "log", "--first-parent", "--format=%P%x00%s%x00", ref)
    fields = output.split("\0")
    counts = {MERGE: 0, SQUASH: 0, OTHER: 0}
    for parents, subject in zip(fields[0::2], fields[1::2], strict=False):
        number = merged_pull_request(subject)
        if len(parents.split()) > 1 and number is not None:
            counts[MERGE] += 1
        elif number is not None:
            counts[SQUASH] += 1
        else:
            counts[OTHER] += 1
    return counts
