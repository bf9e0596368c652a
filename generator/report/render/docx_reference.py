"""The reference document pandoc styles the DOCX with, generated in code.

Conventions of Kazakh official documents: A4, margins 30/15/20/20 mm, Times New Roman 14
(Word substitutes a metric-compatible font such as Liberation Serif where it is missing),
page numbers centred in the footer. Built from pandoc's own default reference document so
that every style pandoc uses exists.
"""

from __future__ import annotations

import io
import subprocess
from functools import cache

import docx
import pypandoc
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from generator.errors import ConfigurationError

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
TABLE_SIZE = Pt(11)
PAGE = (Mm(210), Mm(297))
MARGINS = {"left": Mm(30), "right": Mm(15), "top": Mm(20), "bottom": Mm(20)}
HEADINGS = ("Heading 1", "Heading 2", "Heading 3", "Heading 4", "Title", "Subtitle")


def _pandoc_default() -> bytes:
    command = [pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"]
    try:
        return subprocess.run(command, check=True, capture_output=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError) as error:
        raise ConfigurationError(f"pandoc cannot give its reference document: {error}") from None


def _font(style: docx.styles.style.BaseStyle, size: Pt, bold: bool | None = None) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.name, font.size, font.color.rgb = FONT, size, RGBColor(0, 0, 0)
    if bold is not None:
        font.bold = bold
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)


def _page_number(paragraph: Paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _table_borders(document: docx.document.Document) -> None:
    style = document.styles["Table"]
    tbl_pr = style.element.find(qn("w:tblPr"))
    if tbl_pr is None:
        tbl_pr = OxmlElement("w:tblPr")
        style.element.append(tbl_pr)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        for key, value in (
            ("w:val", "single"),
            ("w:sz", "4"),
            ("w:space", "0"),
            ("w:color", "808080"),
        ):
            edge.set(qn(key), value)
        borders.append(edge)
    tbl_pr.append(borders)


@cache
def reference_docx() -> bytes:
    document = docx.Document(io.BytesIO(_pandoc_default()))
    for name in ("Normal", "Body Text", "First Paragraph", "Compact"):
        if name in [s.name for s in document.styles]:
            _font(document.styles[name], BODY_SIZE)
    for name in HEADINGS:
        _font(document.styles[name], BODY_SIZE, bold=True)
    _font(document.styles["Title"], Pt(16), bold=True)
    _table_borders(document)
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE
    for side, value in MARGINS.items():
        setattr(section, f"{side}_margin", value)
    _page_number(section.footer.paragraphs[0])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
