"""Checks of files a submission names: the MFA request it answers, the copies it attaches.

- ``mfa_request`` (event report) names a file in ``submissions/<period>/mfa/report-requests/``;
  it must exist (TR313).
- ``attachment`` (anywhere, e.g. the assessment's recommendations) is a path relative to the
  submission's own folder; it must exist there and stay inside it (TR316).

A report request's ``event_file`` is *not* checked: the report it asks for comes later.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from generator.check.findings import Finding
from generator.check.scan import Scan, scan
from generator.load.files import SourceFile, read_text
from generator.load.yamlsafe import YamlProblem, load_yaml
from generator.paths import FilePlace

REQUESTS_FOLDER = "report-requests"


def _inside(folder: Path, name: str) -> Path | None:
    """``folder/name`` if it is a regular file that stays inside ``folder``."""
    target = Path(os.path.normpath(folder / name))
    if not target.is_relative_to(folder) or target.is_symlink() or not target.is_file():
        return None
    return target


def check_references(
    root: Path, rel: str, place: FilePlace, data: Mapping[str, Any], scanned: Scan | None = None
) -> list[Finding]:
    scanned = scanned or scan(data)
    found: list[Finding] = []
    folder = (root / rel).parent
    requests = root / "submissions" / str(place.period) / "mfa" / REQUESTS_FOLDER
    for parts, value in scanned.values("mfa_request", "attachment"):
        if not isinstance(value, str):
            continue
        if parts[-1] == "mfa_request" and _inside(requests, value) is None:
            found.append(Finding(parts, "TR313", {"value": value}))
        elif parts[-1] == "attachment" and _inside(folder, value) is None:
            found.append(Finding(parts, "TR316", {"value": value}))
    return found


def _attachments_in(root: Path, folder: str) -> set[str]:
    """Every file that a report directly in ``folder`` names as an attachment."""
    found: set[str] = set()
    for source in _reports_in(root, folder):
        text = read_text(source)
        try:
            data = load_yaml(text) if isinstance(text, str) else None
        except YamlProblem:
            continue
        for _parts, value in scan(data).values("attachment"):
            if isinstance(value, str):
                found.add(os.path.normpath(f"{folder}/{value}"))
    return found


def _reports_in(root: Path, folder: str) -> list[SourceFile]:
    try:
        names = sorted(p.name for p in (root / folder).iterdir() if p.name.endswith(".yaml"))
    except OSError:
        return []
    return [SourceFile(f"{folder}/{name}", root / folder / name) for name in names]


def attached(root: Path, candidates: Iterable[str]) -> set[str]:
    """The ``candidates`` (files under ``submissions/`` that are not reports) that a report
    names in an ``attachment`` field. A report attaches files in its own folder or below,
    so only the reports in the folders from the candidate's up to its body's are read."""
    seen: dict[str, set[str]] = {}
    found: set[str] = set()
    for rel in candidates:
        folder = rel.rpartition("/")[0]
        while folder.count("/") >= 2:  # down to submissions/<period>/<body>
            if folder not in seen:
                seen[folder] = _attachments_in(root, folder)
            if rel in seen[folder]:
                found.add(rel)
                break
            folder = folder.rpartition("/")[0]
    return found
