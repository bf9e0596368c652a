"""Column widths from the content, for the DOCX and the Typst table alike.

Each column needs at least its longest header word (set bold) and its longest body word
(up to a cap: a longer one, such as a file path, is given break points instead); it would
like its longest cell on one line. Like a browser's automatic table layout, the page's
text width goes first to the minimums, then to each column in proportion to what it
would still like. Widths are measured with the shipped font's own metrics
(:mod:`generator.report.render.metrics`), at the table's type size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.report.document import TableBlock
from generator.report.render.metrics import BOLD, REGULAR, font_widths

MM = 72 / 25.4
PORTRAIT_WIDTH = (210 - 30 - 15) * MM  # A4 less the left and right margins
LANDSCAPE_WIDTH = (297 - 30 - 15) * MM
TABLE_SIZE = 11.0
INSET = 2 * 5.4 + 1.0  # Word's default cell margins (0.19 cm a side) and the rules
WORD_CAP = 0.28  # the share of the width one body word may claim before it is broken
ZWSP = "\u200b"
SEPARATORS = "/_.-:\\"


@dataclass(frozen=True)
class Layout:
    """Each column's share of the text width (summing to 1), and the longest body word a
    column holds without breaking, in points."""

    shares: tuple[float, ...]
    widths: tuple[float, ...]

    def fits(self, column: int, word: str) -> bool:
        return text_width(word) + INSET <= self.widths[column]


def text_width(text: str, bold: bool = False) -> float:
    return font_widths(BOLD if bold else REGULAR).width(text, TABLE_SIZE)


def _longest_word(texts: Sequence[str], bold: bool = False) -> float:
    return max((text_width(w, bold) for t in texts for w in t.split()), default=0.0)


def _longest_line(texts: Sequence[str], bold: bool = False) -> float:
    return max((text_width(t, bold) for t in texts), default=0.0)


def table_layout(block: TableBlock, available: float) -> Layout:
    cap = available * WORD_CAP
    low: list[float] = []
    high: list[float] = []
    for i, head in enumerate(block.header):
        body = [row[i].text for row in block.rows if i < len(row)]
        need = max(_longest_word([head], bold=True), min(_longest_word(body), cap)) + INSET
        want = max(_longest_line([head], bold=True), _longest_line(body)) + INSET
        low.append(need)
        high.append(max(want, need))
    if sum(high) <= available:
        widths = [h * available / sum(high) for h in high]
    elif sum(low) <= available:
        spare = (available - sum(low)) / (sum(high) - sum(low))
        widths = [lo + (hi - lo) * spare for lo, hi in zip(low, high, strict=True)]
    else:
        widths = [lo * available / sum(low) for lo in low]
    total = sum(widths) or 1.0
    return Layout(tuple(w / total for w in widths), tuple(widths))


def breakable(word: str, room: float) -> str:
    """``word`` with zero-width break points after separators (or every few letters) so
    that no piece is wider than ``room`` points."""
    pieces: list[str] = []
    current = ""
    for char in word:
        current += char
        if char in SEPARATORS or text_width(current) + INSET >= room * 0.9:
            pieces.append(current)
            current = ""
    pieces.append(current)
    merged: list[str] = []
    for piece in pieces:
        if merged and text_width(merged[-1] + piece) + INSET < room * 0.9:
            merged[-1] += piece
        else:
            merged.append(piece)
    return ZWSP.join(p for p in merged if p)


def fit_cell(text: str, layout: Layout, column: int) -> str:
    """A body cell's text with break points in the words too wide for its column."""
    words = text.split(" ")
    room = layout.widths[column]
    return " ".join(w if layout.fits(column, w) else breakable(w, room) for w in words)


def dashes(layout: Layout, total: int = 240) -> list[int]:
    """Dashes per column of a pandoc pipe table: pandoc takes relative widths from them."""
    return [max(3, round(share * total)) for share in layout.shares]
