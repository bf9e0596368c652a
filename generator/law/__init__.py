"""The Rules as versioned law: data in ``law/``, text at a date, history, redlines, citations.

Public API (what the CLI, the validator, deadlines, forms and the site plugin call)::

    law = load_law()                                   # law/instrument.yaml + law/acts/*.yaml
    text = consolidate(law, at=date, with_drafts=False)
    show_markdown(text, law, load_catalogue("kk"))     # or show_json(...)
    cite_point("2.1", load_catalogue("en")).label      # "Rules p. 2.1"; .url "rules/in-force/#p-2"
    build_pages(law, load_catalogue("kk"), today)      # {"rules/in-force/index.md": "...", ...}
"""

from __future__ import annotations

from generator.law.cite import Citation, cite_point
from generator.law.compare import compare, diff_markdown
from generator.law.consolidate import consolidate, editions, history_timeline, resolve, text_at
from generator.law.diff import redline
from generator.law.jsondata import show_json
from generator.law.load import load_law
from generator.law.messages import LawCatalogue, load_catalogue
from generator.law.pages import build_pages
from generator.law.render import history_markdown, show_markdown

__all__ = [
    "Citation",
    "LawCatalogue",
    "build_pages",
    "cite_point",
    "compare",
    "consolidate",
    "diff_markdown",
    "editions",
    "history_markdown",
    "history_timeline",
    "load_catalogue",
    "load_law",
    "redline",
    "resolve",
    "show_json",
    "show_markdown",
    "text_at",
]
