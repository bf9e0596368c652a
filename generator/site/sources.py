"""The submissions as files on the site: each body page links every submission to its file.

What is published is what the edition shows: the submission's data after
:func:`generator.site.edition.for_edition` (internal forms left out, internal fields
removed), written out again as YAML. The file in the repository is not copied as it is:
its comments could hold anything. When the edition removed nothing from it, its text is
published without its opening comment lines, if no other comment is left in it (most
files: that is much faster than writing the data out again); otherwise the data is.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.model import Submission
from generator.site.data import SiteData
from generator.site.edition import PUBLIC
from generator.site.pages.bodies import source_path

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
HEADER = "# {path}: as published in this edition of the site (internal fields removed).\n"


def _uncommented(text: str) -> str | None:
    """``text`` without its opening comment lines; None if another ``#`` is left."""
    lines = text.splitlines(keepends=True)
    start = 0
    while start < len(lines) and lines[start].lstrip().startswith("#"):
        start += 1
    rest = "".join(lines[start:])
    return None if "#" in rest else rest


def _as_published(data: SiteData, sub: Submission) -> str:
    form = data.project.forms.get(sub.kind)
    redacted = data.edition == PUBLIC and (form is None or bool(form.internal_fields))
    source = data.project.root / sub.path
    if not redacted and source.is_file():
        text = _uncommented(source.read_text(encoding="utf-8-sig"))
        if text is not None:
            return text
    return yaml.dump(sub.data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=100)


def write_sources(data: SiteData, root: Path) -> int:
    """Write every shown submission below ``root``; how many were written."""
    for sub in data.submissions:
        target = root / source_path(sub)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = _as_published(data, sub)
        target.write_text(HEADER.format(path=sub.path) + text, encoding="utf-8")
    return len(data.submissions)
