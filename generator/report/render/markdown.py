"""The report as Markdown: a file for people, or the input pandoc turns into DOCX and Typst.

Every value a template prints is escaped for pandoc's Markdown (``finalize``, see
:func:`generator.escape.pandoc_escape`), so nothing a ministry wrote can become a heading,
a link, a table cell border or raw HTML. Inside the raw Typst and OpenXML blocks (the
covering letter, the watermark, the table of contents) values go through :func:`typst_str`
and :func:`xml_text` instead, which escape for those languages.
"""

from __future__ import annotations

import re
from typing import Literal

from markupsafe import Markup, escape

from generator.report.document import Attachment, Document, Letter, Para, TableBlock
from generator.report.render.widths import (
    LANDSCAPE_WIDTH,
    PORTRAIT_WIDTH,
    Layout,
    dashes,
    fit_cell,
    table_layout,
)
from generator.templating import environment

Target = Literal["md", "docx", "typst"]

_BREAKS = {
    ("docx", "landscape"): '<w:p><w:pPr><w:pStyle w:val="TRSectionEnd"/></w:pPr>'
    "<w:r><w:t>portrait</w:t></w:r></w:p>",
    ("docx", "portrait"): '<w:p><w:pPr><w:pStyle w:val="TRSectionEnd"/></w:pPr>'
    "<w:r><w:t>landscape</w:t></w:r></w:p>",
    ("typst", "landscape"): "#set page(flipped: true)",
    ("typst", "portrait"): "#set page(flipped: false)",
}
_RAW_FORMAT = {"docx": "openxml", "typst": "typst"}


def typst_str(value: object) -> Markup:
    """A Typst string literal showing ``value`` as plain text, on one line."""
    text = " ".join(str(value).split())
    return Markup('"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"')


def typst_para(para: Para) -> Markup:
    """A letter line for the Typst template: its text, and whether it is a placeholder."""
    missing = "true" if para.style == "placeholder" else "false"
    return Markup(f"(text: {typst_str(para.text)}, missing: {missing})")


def typst_pages(attachment: Attachment) -> Markup:
    """``none`` (the report itself: the template counts its pages) or the copy's count."""
    return Markup("none" if attachment.pages is None else str(int(attachment.pages)))


def xml_text(value: object) -> Markup:
    """Text for a WordprocessingML ``w:t`` element (escaped, one line; a space at either
    end is kept, for the runs around a field)."""
    return escape(re.sub(r"\s+", " ", str(value)))


def pages_parts(letter: Letter) -> tuple[str, str]:
    """The words for a page count, around the number: ("на ", " л.")."""
    before, _, after = letter.pages.partition("{pages}")
    return before, after


def pages_words(letter: Letter, pages: int) -> str:
    before, after = pages_parts(letter)
    return f"{before}{pages}{after}"


def to_markdown(doc: Document, target: Target = "md") -> str:
    def break_into(orientation: str) -> Markup:
        raw = _BREAKS.get((target, orientation))
        if raw is None:
            return Markup("")
        return Markup(f"```{{={_RAW_FORMAT[target]}}}\n{raw}\n```\n")

    def layout(block: TableBlock, wide: bool) -> Layout:
        return table_layout(block, LANDSCAPE_WIDTH if wide else PORTRAIT_WIDTH)

    def fit(text: str, found: Layout, column: int) -> str:
        return fit_cell(text, found, column) if target == "typst" else text

    template = environment("report", markdown=True, trim=False).get_template("report.md.j2")
    text = template.render(
        doc=doc,
        target=target,
        break_into=break_into,
        table_layout=layout,
        dashes=dashes,
        fit=fit,
        typst=typst_str,
        typst_para=typst_para,
        typst_pages=typst_pages,
        xml=xml_text,
        pages_parts=pages_parts,
        pages_words=pages_words,
    )
    return re.sub(r"\n{3,}", "\n\n", text).lstrip("\n")
