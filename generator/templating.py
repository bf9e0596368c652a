"""The Jinja environments: one per template area (``generator/templates/<area>/``), built once.

Every environment has StrictUndefined, keeps a template's trailing newline, HTML-escapes
``.html``/``.html.j2`` templates, and carries the shared escaping filters of
:mod:`generator.escape`:

- ``md``: Python-Markdown (the site, the Rules); ``cell``: a GitHub Markdown table cell;
- ``gfm`` and ``code``: GitHub comments and issues.

The options say how an area's templates are written:

- ``escape_all``: HTML-escape every template, whatever its name (Markdown that GitHub or
  MkDocs render with inline HTML: the github and site areas);
- ``markdown``: pandoc Markdown (the report): every printed value is escaped for pandoc
  (``finalize``), nothing is HTML-escaped, and pandoc's ``lead`` and ``link`` filters are
  added;
- ``trim``: ``trim_blocks`` and ``lstrip_blocks`` (every area but the report).
"""

from __future__ import annotations

from functools import cache

import jinja2

from generator.escape import (
    gfm_code,
    gfm_escape,
    md_markup,
    pandoc_escape,
    pandoc_lead,
    pandoc_link,
    table_cell,
)

FILTERS = {"md": md_markup, "cell": table_cell, "gfm": gfm_escape, "code": gfm_code}
PANDOC_FILTERS = {"lead": pandoc_lead, "link": pandoc_link}


@cache
def environment(
    area: str, *, markdown: bool = False, escape_all: bool = False, trim: bool = True
) -> jinja2.Environment:
    """The environment of ``generator/templates/<area>/``; the same object on every call."""
    by_name = jinja2.select_autoescape(["html", "html.j2"], default_for_string=True)
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", f"templates/{area}"),
        autoescape=False if markdown else escape_all or by_name,
        finalize=pandoc_escape if markdown else None,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=trim,
        lstrip_blocks=trim,
    )
    env.filters.update(FILTERS)
    if markdown:
        env.filters.update(PANDOC_FILTERS)
    return env
