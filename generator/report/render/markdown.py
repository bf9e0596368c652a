"""The report as Markdown: a file for people, or the input pandoc turns into DOCX and Typst.

Every value a template prints is escaped for pandoc's Markdown (``finalize``, see
:func:`generator.escape.pandoc_escape`), so nothing a ministry
wrote can become a heading, a link, a table cell border or raw HTML.
"""

from __future__ import annotations

import re
from typing import Literal

from markupsafe import Markup

from generator.report.document import Document, TableBlock
from generator.templating import environment

Target = Literal["md", "docx", "typst"]

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


def column_widths(block: TableBlock) -> list[int]:
    """Dashes per column: pandoc sizes wrapped columns by them."""
    columns = [[h, *(row[i].text for row in block.rows)] for i, h in enumerate(block.header)]
    widths = []
    for texts in columns:
        word = max((len(w) for t in texts for w in t.split()), default=1)
        full = max(len(t) for t in texts)
        widths.append(max(3, word + 5, min(full, MAX_DASHES)))
    return widths


def to_markdown(doc: Document, target: Target = "md") -> str:
    def break_into(orientation: str) -> Markup:
        raw = _BREAKS.get((target, orientation))
        if raw is None:
            return Markup("")
        return Markup(f"```{{={_RAW_FORMAT[target]}}}\n{raw}\n```\n")

    template = environment("report", markdown=True, trim=False).get_template("report.md.j2")
    text = template.render(
        doc=doc, target=target, break_into=break_into, column_widths=column_widths
    )
    return re.sub(r"\n{3,}", "\n\n", text).lstrip("\n")
