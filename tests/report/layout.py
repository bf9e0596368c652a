"""Where the text of a PDF page is: character boxes from pdfium, and the pairs that collide.

A collision is two glyphs of different words drawn over each other (a table column too
narrow for its text, say). Rotated glyphs (the draft watermark) are set apart: they are
meant to lie behind the text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pypdfium2
import pypdfium2.raw as pdfium_c

T = TypeVar("T")
BUCKET = 24.0  # points
SHARE = 0.25  # of the smaller box's area: glyphs that touch or kern are not collisions


@dataclass(frozen=True)
class Glyph:
    index: int
    char: str
    box: tuple[float, float, float, float]  # left, bottom, right, top
    angle: float

    @property
    def area(self) -> float:
        left, bottom, right, top = self.box
        return max(right - left, 0.0) * max(top - bottom, 0.0)


def glyphs(page: pypdfium2.PdfPage) -> list[Glyph]:
    text = page.get_textpage()
    found = []
    for i in range(text.count_chars()):
        char = text.get_text_range(i, 1)
        if not char.strip() or char == "\u200b":
            continue
        angle = float(pdfium_c.FPDFText_GetCharAngle(text.raw, i))
        found.append(Glyph(i, char, text.get_charbox(i), angle))
    return found


def _shared(a: Glyph, b: Glyph) -> float:
    width = min(a.box[2], b.box[2]) - max(a.box[0], b.box[0])
    height = min(a.box[3], b.box[3]) - max(a.box[1], b.box[1])
    return max(width, 0.0) * max(height, 0.0)


def collisions(found: list[Glyph]) -> Iterator[tuple[Glyph, Glyph]]:
    """Pairs of upright glyphs, not neighbours in the text, whose boxes overlap."""
    upright = [g for g in found if abs(g.angle) < 1e-3 and g.area > 0]
    buckets: dict[tuple[int, int], list[Glyph]] = defaultdict(list)
    for g in upright:
        for x in range(int(g.box[0] // BUCKET), int(g.box[2] // BUCKET) + 1):
            for y in range(int(g.box[1] // BUCKET), int(g.box[3] // BUCKET) + 1):
                buckets[(x, y)].append(g)
    seen: set[tuple[int, int]] = set()
    for group in buckets.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                key = (min(a.index, b.index), max(a.index, b.index))
                if key in seen or abs(a.index - b.index) <= 1:
                    continue
                seen.add(key)
                if _shared(a, b) > SHARE * min(a.area, b.area):
                    yield a, b


def each_page(pdf: Path, read: Callable[[pypdfium2.PdfPage], T]) -> list[T]:
    """``read`` of every page of the PDF, in order."""
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return [read(document[n]) for n in range(len(document))]
    finally:
        document.close()


def page_collisions(pdf: Path) -> list[str]:
    """'page N: "x" over "y"' for every collision on every page."""
    pages = each_page(pdf, lambda page: list(collisions(glyphs(page))))
    return [
        f"page {n}: {a.char!r} at {a.box} over {b.char!r} at {b.box}"
        for n, pairs in enumerate(pages, start=1)
        for a, b in pairs
    ]


def rotated_text(pdf: Path) -> list[str]:
    """The rotated glyphs of each page, joined: the watermark's word where there is one."""
    return each_page(pdf, lambda p: "".join(g.char for g in glyphs(p) if abs(g.angle) > 1e-3))


def page_text(page: pypdfium2.PdfPage) -> str:
    """The page's text as pdfium reads it (lines end with CR LF)."""
    return str(page.get_textpage().get_text_range())
