"""A period's report on the site in parts of bounded size, one data page each.

A national report holds thousands of rows; one HTML page of it would be megabytes. The
document's sections are laid out in order into parts of at most :data:`PART_CHARS`
characters of text; a table longer than that is cut between rows, and the piece that
goes on in the next part says so.

The layout is a :data:`Plan` of indices, made from one language's document and applied to
every language's (they have the same sections, blocks and rows), so a part has the same
number, and the language switcher the same page, in every language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.report.document import Block, Cell, Document, Para, Section, TableBlock

PART_CHARS = 30_000
CELL_CHARS = 24  # the markup around a cell, counted with its text
CONTENTS_LEVEL = 3  # chapters and annexes; not the section of every treaty


@dataclass(frozen=True)
class PieceRef:
    """Section ``section``; of each of its blocks shown, (block, first row, end row)."""

    section: int
    blocks: tuple[tuple[int, int, int], ...]
    continued: bool = False


Plan = tuple[tuple[PieceRef, ...], ...]


@dataclass(frozen=True)
class Piece:
    """A section, or the part of a section, that one page shows."""

    section: Section
    blocks: tuple[Block, ...]
    continued: bool = False


@dataclass(frozen=True)
class Part:
    number: int
    pieces: tuple[Piece, ...]


def _row_size(row: Iterable[Cell]) -> int:
    return sum(len(c.text) + CELL_CHARS for c in row)


def _head_size(block: Block) -> int:
    if isinstance(block, Para):
        return len(block.text) + CELL_CHARS
    return len(block.caption) + sum(len(h) + CELL_CHARS for h in block.header)


class _Layout:
    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.parts: list[list[PieceRef]] = [[]]
        self.used = 0

    def close(self, section: int, blocks: list[tuple[int, int, int]], continued: bool) -> None:
        self.parts[-1].append(PieceRef(section, tuple(blocks), continued))
        self.parts.append([])
        self.used = 0

    def section(self, index: int, section: Section) -> None:
        blocks: list[tuple[int, int, int]] = []
        continued = False
        for b, block in enumerate(section.blocks):
            self.used += _head_size(block)
            rows = block.rows if isinstance(block, TableBlock) else ()
            start = 0
            for r, row in enumerate(rows):
                size = _row_size(row)
                if self.used + size > self.budget and r > start:
                    blocks.append((b, start, r))
                    self.close(index, blocks, continued)
                    blocks, continued, start = [], True, r
                    self.used = _head_size(block)
                self.used += size
            blocks.append((b, start, len(rows)))
        self.parts[-1].append(PieceRef(index, tuple(blocks), continued))
        if self.used > self.budget:
            self.parts.append([])
            self.used = 0


def plan_of(document: Document, budget: int = PART_CHARS) -> Plan:
    """Where the document's sections go: parts of about ``budget`` characters."""
    layout = _Layout(budget)
    for index, section in enumerate(document.sections):
        layout.section(index, section)
    return tuple(tuple(p) for p in layout.parts if p) or ((),)


def _block(block: Block, start: int, end: int) -> Block:
    if isinstance(block, TableBlock):
        return TableBlock(block.caption, block.header, block.rows[start:end])
    return block


def apply(plan: Plan, document: Document) -> list[Part]:
    """The parts of ``document`` (any language) laid out as ``plan`` says."""
    parts = []
    for number, refs in enumerate(plan, 1):
        pieces = []
        for ref in refs:
            section = document.sections[ref.section]
            blocks = tuple(_block(section.blocks[b], s, e) for b, s, e in ref.blocks)
            pieces.append(Piece(section, blocks, ref.continued))
        parts.append(Part(number, tuple(pieces)))
    return parts


def parts_of(document: Document, budget: int = PART_CHARS) -> list[Part]:
    """The document laid out into parts of about ``budget`` characters."""
    return apply(plan_of(document, budget), document)


def sections_of(parts: Iterable[Part]) -> list[tuple[int, Section]]:
    """The first part of each chapter and annex, for the report's table of contents."""
    return [
        (part.number, p.section)
        for part in parts
        for p in part.pieces
        if not p.continued and p.section.level <= CONTENTS_LEVEL
    ]
