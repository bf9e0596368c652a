"""``--attach``: the recommendations' copies appended to the report's PDF (pypdf).

Each copy gets a bookmark named as in the letter's list of attachments; on a draft every
appended page carries the same watermark as the report (one watermark page made by Typst,
merged onto each). The file ID is derived from the content, so the same inputs give the
same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import ArrayObject, ByteStringObject

from generator.errors import ConfigurationError
from generator.report.document import Document


def _watermark_page(doc: Document, when: dt.datetime) -> PageObject:
    from generator.report.render.pdf import compile_typst

    source = (
        '#set page(paper: "a4", margin: 0pt)\n'
        '#set text(font: "Liberation Serif")\n'
        '#place(center + horizon, rotate(-45deg, text(size: 110pt, weight: "bold", '
        f"fill: luma(88%), tracking: 4pt, {_typst_str(doc.watermark)})))\n"
    )
    return PdfReader(io.BytesIO(compile_typst(source, when))).pages[0]


def _typst_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _stamp(page: PageObject, mark: PageObject) -> None:
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    scale = min(width / float(mark.mediabox.width), height / float(mark.mediabox.height))
    page.merge_transformed_page(mark, Transformation().scale(scale, scale), over=False)


def append_copies(pdf: bytes, doc: Document, root: Path, when: dt.datetime) -> bytes:
    """The report with each attached copy after it, in the letter's order."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    mark = _watermark_page(doc, when) if doc.watermark else None
    letter = doc.letter
    for number, item in enumerate(letter.attachments if letter else (), start=1):
        if not item.file or item.missing:
            continue
        first = len(writer.pages)
        try:
            copy = PdfReader(str(root / item.file))
            for page in copy.pages:
                added = writer.add_page(page)
                if mark is not None:
                    _stamp(added, mark)
        except (OSError, ValueError) as error:
            raise ConfigurationError(f"cannot append {item.file}: {error}") from None
        writer.add_outline_item(title=f"{number}. {item.title}", page_number=first)
    digest = hashlib.sha256(pdf).digest()[:16]
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
