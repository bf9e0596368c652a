"""What the DOCX needs beyond pandoc, done with python-docx on the built document:

- the draft watermark (Word's own form: a VML text path in every page header);
- the covering letter's own section (no page number; the report is numbered from 1);
- Word fills the fields (the table of contents, the report's page count) on opening;
- tables as wide as their page, header rows bold and repeated on every page, and no row
  split across two pages.
"""

from __future__ import annotations

from typing import Any

import docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from markupsafe import escape

_NAMESPACES = (
    nsdecls("w")
    + ' xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)
_WATERMARK = (
    '<w:p {ns}><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:pict>'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:path textpathok="t" o:connecttype="custom"/>'
    '<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/>'
    "</v:shapetype>"
    '<v:shape id="TRWatermark{n}" o:spid="_x0000_s{spid}" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:440pt;height:120pt;'
    "rotation:315;z-index:-251657216;mso-position-horizontal:center;"
    "mso-position-horizontal-relative:margin;mso-position-vertical:center;"
    'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#d9d9d9" '
    'stroked="f"><v:fill opacity=".6"/><v:textpath style="font-family:&quot;Times New '
    'Roman&quot;;font-size:1pt;font-weight:bold" string="{word}"/></v:shape>'
    "</w:pict></w:r></w:p>"
)


def watermark(document: docx.document.Document, word: str) -> None:
    """The word across every page: in the default and the first-page header of the body's
    section (the other sections are made from it)."""
    section = document.sections[-1]
    headers = (section.header, section.first_page_header)
    for n, header in enumerate(headers, start=1):
        header.is_linked_to_previous = False
        xml = _WATERMARK.format(ns=_NAMESPACES, n=n, spid=2048 + n, word=escape(word))
        header._element.append(parse_xml(xml))
    section.first_page_footer.is_linked_to_previous = False


def number_from_report(document: docx.document.Document) -> None:
    """The letter's section shows no page number; the next section starts again at 1."""
    sections = list(document.sections)
    if len(sections) < 2:
        return
    sections[0].different_first_page_header_footer = True
    sect = sections[1]._sectPr
    number = sect.find(qn("w:pgNumType"))
    if number is None:
        number = OxmlElement("w:pgNumType")
        sect.append(number)
    number.set(qn("w:start"), "1")
    for later in sections[1:]:
        later.different_first_page_header_footer = False


def update_fields_on_open(document: docx.document.Document) -> None:
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        flag = OxmlElement("w:updateFields")
        flag.set(qn("w:val"), "true")
        settings.append(flag)


def _text_width(sect: object) -> int:
    """The section's text width in twips."""
    size = sect.find(qn("w:pgSz"))  # type: ignore[attr-defined]
    margins = sect.find(qn("w:pgMar"))  # type: ignore[attr-defined]
    left = int(margins.get(qn("w:left"))) + int(margins.get(qn("w:right")))
    return int(size.get(qn("w:w"))) - left


def _fit_table(table: object, width: int) -> None:
    grid = table.find(qn("w:tblGrid"))  # type: ignore[attr-defined]
    cols = grid.findall(qn("w:gridCol")) if grid is not None else []
    total = sum(int(c.get(qn("w:w"))) for c in cols) or 1
    for col in cols:
        col.set(qn("w:w"), str(round(int(col.get(qn("w:w"))) * width / total)))
    for row in table.findall(qn("w:tr")):  # type: ignore[attr-defined]
        props = _first_child(row, "w:trPr")
        _first_child(props, "w:cantSplit")
        if props.find(qn("w:tblHeader")) is None:
            continue
        for run in row.iter(qn("w:r")):
            _first_child(_first_child(run, "w:rPr"), "w:b")


def _first_child(parent: Any, tag: str) -> Any:
    """``parent``'s ``tag`` child, made as its first child if it has none."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.insert(0, found)
    return found


def fit_tables(document: docx.document.Document) -> None:
    """Each table's columns scaled to its section's text width (pandoc assumes 5.5 in);
    header rows bold. Sections end at a paragraph's ``w:sectPr`` or at the body's."""
    body = document.element.body
    pending: list[object] = []
    for child in body.iterchildren():
        if child.tag == qn("w:tbl"):
            pending.append(child)
            continue
        sect = child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if child.tag == qn("w:p") else None
        if child.tag == qn("w:sectPr"):
            sect = child
        if sect is not None:
            for table in pending:
                _fit_table(table, _text_width(sect))
            pending = []
