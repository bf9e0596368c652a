"""The report as Markdown: a file for people, or the input pandoc turns into DOCX and Typst.

Every value a template prints is escaped for Markdown (``finalize``), so nothing a ministry
wrote can become a heading, a link, a table cell border or raw HTML.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

import jinja2
from markupsafe import Markup

from generator.report.document import Document, TableBlock

Target = Literal["md", "docx", "typst"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~^$@&])")
_LEADING = re.compile(r"^([-+:=]|[0-9A-Za-z]{1,9}(?=[.)]\s))")
MAX_DASHES = 60

_BREAKS = {
    ("docx", "landscape"): '<w:p><w:pPr><w:pStyle w:val="TRSectionEnd"/></w:pPr>'
    "<w:r><w:t>portrait</w:t></w:r></w:p>",
    ("docx", "portrait"): '<w:p><w:pPr><w:pStyle w:val="TRSectionEnd"/></w:pPr>'
    "<w:r><w:t>landscape</w:t></w:r></w:p>",
    ("typst", "landscape"): "#set page(flipped: true)",
    ("typst", "portrait"): "#set page(flipped: false)",
}
_RAW_FORMAT = {"docx": "openxml", "typst": "typst"}


def md_escape(value: object) -> str:
    """One line of Markdown that shows ``value`` literally."""
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return _SPECIAL.sub(r"\\\1", text)


def lead(value: object) -> Markup:
    """A paragraph's text, escaped, that cannot start a list or a definition."""
    text = md_escape(value)
    match = _LEADING.match(text)
    if match:
        head = match.group(1)
        text = (head + "\\" + text[len(head) :]) if head[0].isalnum() else "\\" + text
    return Markup(text)


def link(target: str) -> Markup:
    """A link target inside ``( )``: spaces and parentheses percent-encoded."""
    return Markup(target.replace(" ", "%20").replace("(", "%28").replace(")", "%29"))


def column_widths(block: TableBlock) -> list[int]:
    """Dashes per column: pandoc sizes wrapped columns by them."""
    columns = [[h, *(row[i].text for row in block.rows)] for i, h in enumerate(block.header)]
    widths = []
    for texts in columns:
        word = max((len(w) for t in texts for w in t.split()), default=1)
        full = max(len(t) for t in texts)
        widths.append(max(3, word + 5, min(full, MAX_DASHES)))
    return widths


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates/report"),
        autoescape=False,
        finalize=md_escape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["link"] = link
    env.filters["lead"] = lead
    env.globals["column_widths"] = column_widths
    return env


def to_markdown(doc: Document, target: Target = "md") -> str:
    def break_into(orientation: str) -> Markup:
        raw = _BREAKS.get((target, orientation))
        if raw is None:
            return Markup("")
        return Markup(f"```{{={_RAW_FORMAT[target]}}}\n{raw}\n```\n")

    template = environment().get_template("report.md.j2")
    text = template.render(doc=doc, target=target, break_into=break_into)
    return re.sub(r"\n{3,}", "\n\n", text).lstrip("\n")
