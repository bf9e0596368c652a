"""The reference document pandoc styles the DOCX with (``--reference-doc``), generated in
code: the one place that carries the DOCX's form of an official letter and report.

Conventions of Kazakh official documents: A4, margins 30/15/20/20 mm, Times New Roman 14
(Word substitutes a metric-compatible font such as Liberation Serif where it is missing),
page numbers centred in the footer. Built from pandoc's own default reference document so
that every style pandoc uses exists, plus the covering letter's ``TR*`` paragraph styles
(title block, reference, addressee, text, note, attachments, signature) and the table of
contents'. Tables are set in 11 pt.
"""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass
from functools import cache

import docx
import pypandoc
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
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
TEXT_WIDTH = PAGE[0] - MARGINS["left"] - MARGINS["right"]
INDENT = 12.5  # mm: the paragraph indent of Kazakh official documents


@dataclass(frozen=True)
class LetterStyle:
    """A paragraph style of the letter; sizes and spacing in points, indents in mm."""

    name: str
    size: float = 14
    bold: bool = False
    italic: bool = False
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.LEFT
    left: float = 0
    first_line: float = 0
    before: float = 0
    after: float = 0
    caps: bool = False
    rule_below: bool = False


CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
LETTER_STYLES = (
    LetterStyle("TR Sender", bold=True, align=CENTER, after=12, caps=True, rule_below=True),
    LetterStyle("TR Restriction", 12, bold=True, left=95),
    LetterStyle("TR Reference", after=6),
    LetterStyle("TR Addressee", bold=True, left=95, after=12),
    LetterStyle("TR Subject", 12, after=18),
    LetterStyle("TR Text", align=JUSTIFY, first_line=INDENT, after=6),
    LetterStyle("TR Note Heading", 12, italic=True, before=12),
    LetterStyle("TR Note", 12, align=JUSTIFY, after=2),
    LetterStyle("TR Attachments Heading", before=12),
    LetterStyle("TR Attachment", left=INDENT, first_line=-INDENT),
    LetterStyle("TR Signature", bold=True, before=36),
    LetterStyle("TR Toc Heading", bold=True, align=CENTER, after=12),
    LetterStyle("TR Toc 2", 12),
    LetterStyle("TR Toc 3", 12, left=8),
    LetterStyle("TR Section End", 1),
)


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


def _letter_style(document: docx.document.Document, spec: LetterStyle) -> None:
    style = document.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    _font(style, Pt(spec.size), bold=spec.bold)
    style.font.italic = spec.italic
    style.font.all_caps = spec.caps
    fmt = style.paragraph_format
    fmt.alignment = spec.align
    fmt.left_indent, fmt.first_line_indent = Mm(spec.left), Mm(spec.first_line)
    fmt.space_before, fmt.space_after = Pt(spec.before), Pt(spec.after)
    if spec.name == "TR Signature":
        fmt.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    if spec.rule_below:
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "4")):
            bottom.set(qn(key), value)
        borders.append(bottom)
        style.element.get_or_add_pPr().append(borders)


@cache
def reference_docx() -> bytes:
    document = docx.Document(io.BytesIO(_pandoc_default()))
    for name in ("Normal", "Body Text", "First Paragraph"):
        if name in [s.name for s in document.styles]:
            _font(document.styles[name], BODY_SIZE)
    _font(document.styles["Compact"], TABLE_SIZE)
    document.styles["Compact"].paragraph_format.space_after = Pt(0)
    for spec in LETTER_STYLES:
        _letter_style(document, spec)
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
