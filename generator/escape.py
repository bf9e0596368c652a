"""Escaping for the Markdown dialects the package writes, one function per target.

Each renderer escapes what a ministry wrote for the Markdown that will read it; the
dialects differ in what they treat as syntax, so there is one function per purpose:

- :func:`md_escape`: Python-Markdown with pymdownx (the MkDocs site, ``treaty rules``):
  ``& < >`` become entities (Python-Markdown passes raw HTML and cannot backslash-escape
  ``<``), syntax characters get a backslash, and list markers at a line start are escaped.
  Line breaks are kept (legal text has paragraphs).
- :func:`pandoc_escape`: pandoc's Markdown (the report as ``.md``, DOCX and Typst): pandoc
  backslash-escapes any ASCII punctuation, including ``< & @ $``; a value is one line.
  Quotes, ``--`` and ``...`` are escaped too, so pandoc's ``smart`` extension (on in its
  Markdown) cannot turn what a ministry wrote into curly quotes, dashes or an ellipsis.
- :func:`gfm_escape` and :func:`gfm_code`: GitHub comments, summaries and issues: GitHub
  renders inline HTML and @mentions, so text is HTML-escaped, stripped of Markdown
  meaning, one line, and ``@`` cannot notify anyone.
- :func:`table_cell`: a cell of a GitHub-flavoured Markdown table (``treaty status`` and
  ``treaty validate`` as Markdown): only what breaks a cell or is HTML is escaped.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#])")
_MD_LINE_START = re.compile(r"^(\s*)(\d+)([.)])(\s)|^(\s*)([-+])(\s)", re.MULTILINE)
_PANDOC_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~^$@&\"'])")
_PANDOC_REPEATED = re.compile(r"([-.])(?=\1)")  # "--", "---", "...": smart typography
_PANDOC_LEADING = re.compile(r"^([-+:=(]|[0-9A-Za-z]{1,9}(?=[.)]\s))")
_GFM_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_CELL = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "\\|"), ("\n", " "))


def md_escape(text: str) -> str:
    """Escape text so Markdown (Python-Markdown, pymdownx) shows it literally."""
    text = "".join(_ENTITIES.get(char, char) for char in text)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(_escape_marker, text)


def _escape_marker(match: re.Match[str]) -> str:
    if match[2] is not None:
        return f"{match[1]}{match[2]}\\{match[3]}{match[4]}"
    return f"{match[5]}\\{match[6]}{match[7]}"


def md_markup(value: object) -> Markup:
    """:func:`md_escape` as a Jinja filter: shown literally in Markdown, and safe as HTML."""
    return Markup(md_escape(str(value)))


def pandoc_escape(value: object) -> str:
    """One line of pandoc Markdown that shows ``value`` literally (Markup passes as is)."""
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    text = _PANDOC_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))
    return _PANDOC_REPEATED.sub(r"\1\\", text)


def pandoc_lead(value: object) -> Markup:
    """A paragraph's text, escaped, that cannot start a list (``- ``, ``1. ``, ``a) ``,
    ``(1) ``, ``(@)``) or a definition."""
    text = pandoc_escape(value)
    match = _PANDOC_LEADING.match(text)
    if match:
        head = match.group(1)
        text = (head + "\\" + text[len(head) :]) if head[0].isalnum() else "\\" + text
    return Markup(text)


def pandoc_link(target: str) -> Markup:
    """A link target inside ``( )``: spaces and parentheses percent-encoded."""
    return Markup(target.replace(" ", "%20").replace("(", "%28").replace(")", "%29"))


def gfm_escape(value: object) -> Markup:
    """Plain text safe inside GitHub Markdown (and a table cell): escaped, one line."""
    text = _GFM_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))
    text = re.sub(r"^([#>+-])", r"\\\1", text)
    return Markup(str(escape(text)).replace("@", "@\u200b"))


def gfm_code(value: object) -> Markup:
    """A path or identifier as inline code; backticks cannot occur in it."""
    text = " ".join(str(value).replace("`", "'").split())
    return Markup(f"<code>{escape(text)}</code>")


def table_cell(value: object) -> str:
    """Text for one cell of a GitHub-flavoured Markdown table: HTML and ``|`` escaped."""
    text = str(value)
    for old, new in _CELL:
        text = text.replace(old, new)
    return text
