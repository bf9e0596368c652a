"""Read the built DOCX and PDF back as text (python-docx, pypdf)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from pypdf import PdfReader


def flat(text: str) -> str:
    return " ".join(text.split())


def squash(text: str) -> str:
    """Text without any whitespace: PDF lines break inside words at hyphens."""
    return "".join(text.split())


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return flat("\n".join(parts))


def docx_tables(path: Path) -> list[list[list[str]]]:
    document = docx.Document(str(path))
    return [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]


def pdf_text(path: Path) -> str:
    return flat("\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages))


def _fonts(reader: PdfReader) -> Iterator[Any]:
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for ref in (fonts.get_object() if fonts else {}).values():
            yield ref.get_object()


def font_files(path: Path) -> list[tuple[str, bool]]:
    """Every font of the PDF, and whether its program is embedded (/FontFile*)."""
    found = []
    for font in _fonts(PdfReader(str(path))):
        descendants = font.get("/DescendantFonts")
        target = descendants.get_object()[0].get_object() if descendants else font
        descriptor = target.get("/FontDescriptor")
        embedded = False
        if descriptor is not None:
            d = descriptor.get_object()
            embedded = any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        found.append((str(font.get("/BaseFont")), embedded))
    return found
