"""The report as DOCX: pandoc from the Markdown, then python-docx for what pandoc cannot do.

- the covering letter and the wide annex tables get their own sections (pandoc has no
  sections; the Markdown carries marker paragraphs that become section breaks here), and
  :mod:`generator.report.render.docx_fields` adds the watermark, the page numbering from
  the report's first page, the fields Word fills on opening, and tables as wide as the page;
- the document's dates come from ``SOURCE_DATE_EPOCH`` and the zip is rewritten with fixed
  timestamps, so the same inputs give the same bytes.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import tempfile
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn

from generator.report.document import Document
from generator.report.render.docx_fields import (
    fit_tables,
    number_from_report,
    update_fields_on_open,
    watermark,
)
from generator.report.render.docx_reference import reference_docx
from generator.report.render.markdown import to_markdown
from generator.report.render.pandoc import run_pandoc

MARKER_STYLE = "TRSectionEnd"
ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest time a zip entry can carry


def _section_breaks(document: docx.document.Document) -> None:
    body_sect = document.element.body.find(qn("w:sectPr"))
    for paragraph in list(document.paragraphs):
        p_pr = paragraph._p.pPr
        style = p_pr.pStyle if p_pr is not None else None
        if p_pr is None or style is None or style.val != MARKER_STYLE:
            continue
        landscape = paragraph.text.strip() == "landscape"
        for run in list(paragraph.runs):
            run._r.getparent().remove(run._r)
        sect = copy.deepcopy(body_sect)
        size = sect.find(qn("w:pgSz"))
        width, height = size.get(qn("w:w")), size.get(qn("w:h"))
        if landscape:
            size.set(qn("w:w"), height)
            size.set(qn("w:h"), width)
            size.set(qn("w:orient"), "landscape")
        p_pr.remove(style)
        p_pr.append(sect)


def _stamp(document: docx.document.Document, when: dt.datetime, title: str) -> None:
    core = document.core_properties
    core.created = core.modified = when
    core.title = title
    core.author = core.last_modified_by = "treaty-reports"
    core.revision = 1


def _fixed_zip(data: bytes, when: dt.datetime) -> bytes:
    stamp = max(when, dt.datetime.fromtimestamp(ZIP_EPOCH_MIN, dt.UTC))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def to_docx(doc: Document, when: dt.datetime) -> bytes:
    """The DOCX bytes; ``when`` is the document's creation time (from SOURCE_DATE_EPOCH)."""
    markdown = to_markdown(doc, "docx")
    with tempfile.TemporaryDirectory() as tmp:
        reference = Path(tmp) / "reference.docx"
        reference.write_bytes(reference_docx())
        target = Path(tmp) / "report.docx"
        run_pandoc(
            markdown,
            [
                "--to=docx",
                "--columns=40",
                f"--reference-doc={reference}",
                f"--metadata=lang:{doc.lang}",
                f"--output={target}",
            ],
            when,
        )
        document = docx.Document(str(target))
    if doc.watermark:
        watermark(document, doc.watermark)
    _section_breaks(document)
    number_from_report(document)
    fit_tables(document)
    update_fields_on_open(document)
    _stamp(document, when.replace(tzinfo=None), doc.title)
    out = io.BytesIO()
    document.save(out)
    return _fixed_zip(out.getvalue(), when)
