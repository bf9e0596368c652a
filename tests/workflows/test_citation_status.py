"""The PR comment cites the Rules with their status: a draft point says so (issue 13).

The site, the report and the calendars are checked in tests/site/test_citation_status.py
with the same scanner (testing/citations.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from testing.citations import Found, draft_citations
from testing.github_fake import FakeGitHubApi
from tests.workflows.conftest import ENERGY_FILE, code, demo_file, event, git_repo, pr_branch, run

__all__ = ["git_repo"]

LATE = "2026-01-20T04:00:00Z"  # after the 12 January deadline of point 2.1
SECTION = re.compile(r"^## .* · (?P<name>\S+)$", re.MULTILINE)
LANG_OF = {"Қазақша": "kk", "Русский": "ru", "English": "en"}


def _sections(body: str) -> list[tuple[str, str]]:
    """The comment split by language: (lang, that language's text)."""
    marks = list(SECTION.finditer(body))
    ends = [m.start() for m in marks[1:]] + [len(body)]
    return [(LANG_OF[m["name"]], body[m.start() : end]) for m, end in zip(marks, ends, strict=True)]


def test_every_draft_citation_in_the_pr_comment_carries_the_label(
    git_repo: Path, api: FakeGitHubApi, tmp_path: Path
) -> None:
    broken = demo_file(ENERGY_FILE).replace("status: implemented", "status: done-ish", 1)
    head = pr_branch(git_repo, {ENERGY_FILE: broken})
    ev = event(tmp_path, "pull_request.opened.json", "main", head, created_at=LATE)
    args = ["pr", "check", "--event", str(ev), "--repo", str(git_repo), "--comment"]
    code(run([*args, "--summary", str(tmp_path / "summary.md")], api))
    body = api.comments[17][0].body
    sections = _sections(body)
    assert {lang for lang, _ in sections} >= {"kk", "ru"}
    found: list[Found] = []
    for lang, text in sections:
        found += draft_citations(" ".join(text.replace("\\", "").split()), lang, lang)
    bare = [f"{f.where}: …{f.text}…" for f in found if not f.labelled]
    assert bare == [], "\n".join(bare)
    assert {f.where for f in found} >= {"kk", "ru"}  # the rule link of TR203, in each language
