"""The submissions as files on the site: each body page links every submission to its file.

What is published is what the edition shows: the submission's data after
:func:`generator.site.edition.for_edition` (internal forms left out, internal fields
removed), written out again as YAML. The file in the repository is not copied: its
comments could hold anything.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.site.data import SiteData
from generator.site.pages.bodies import source_path

HEADER = "# {path}: as published in this edition of the site (internal fields removed).\n"


def write_sources(data: SiteData, root: Path) -> int:
    """Write every shown submission below ``root``; how many were written."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for sub in data.submissions:
        target = root / source_path(sub)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.dump(sub.data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
        target.write_text(HEADER.format(path=sub.path) + text, encoding="utf-8")
    return len(data.submissions)
