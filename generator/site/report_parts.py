"""A period's report on the site in parts of bounded size, one data page each.

A national report holds thousands of rows; one HTML page of it would be megabytes. The
document's sections are laid out in order into parts of at most :data:`PART_CHARS`
characters of text; a table longer than that is cut between rows, and the piece that
goes on in the next part says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.report.document import Block, Cell, Document, Para, Section, TableBlock

PART_CHARS = 30_000
CELL_CHARS = 24  # the markup around a cell, counted with its text


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

    @property
    def headings(self) -> list[str]:
        return [p.section.heading for p in self.pieces if not p.continued]


def _row_size(row: tuple[Cell, ...]) -> int:
    return sum(len(c.text) + CELL_CHARS for c in row)


def _size(block: Block) -> int:
    if isinstance(block, Para):
        return len(block.text) + CELL_CHARS
    return (
        len(block.caption)
        + _row_size(tuple(Cell(h) for h in block.header))
        + sum(_row_size(r) for r in block.rows)
    )


def _slices(block: TableBlock, room: int, budget: int) -> Iterator[tuple[TableBlock, bool]]:
    """The table cut between rows: the first slice fits ``room``, the others ``budget``;
    each with whether it ends a page."""
    start, used, limit = 0, 0, room
    for i, row in enumerate(block.rows):
        size = _row_size(row)
        if used + size > limit and i > start:
            yield TableBlock(block.caption, block.header, block.rows[start:i]), True
            start, used, limit = i, 0, budget
        used += size
    yield TableBlock(block.caption, block.header, block.rows[start:]), False


class _Layout:
    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.parts: list[list[Piece]] = [[]]
        self.used = 0

    def page_break(self) -> None:
        if self.parts[-1]:
            self.parts.append([])
            self.used = 0

    def add(self, section: Section, blocks: list[Block], continued: bool) -> None:
        self.parts[-1].append(Piece(section, tuple(blocks), continued))

    def section(self, section: Section) -> None:
        blocks: list[Block] = []
        continued = False
        for block in section.blocks:
            size = _size(block)
            if self.used + size <= self.budget or not isinstance(block, TableBlock):
                blocks.append(block)
                self.used += size
                continue
            for piece, ends in _slices(block, max(0, self.budget - self.used), self.budget):
                blocks.append(piece)
                self.used += _size(piece)
                if ends:
                    self.add(section, blocks, continued)
                    self.page_break()
                    blocks, continued = [], True
        if blocks or not section.blocks:
            self.add(section, blocks, continued)
        if self.used > self.budget:
            self.page_break()


def parts_of(document: Document, budget: int = PART_CHARS) -> list[Part]:
    """The document's sections laid out into parts of about ``budget`` characters."""
    layout = _Layout(budget)
    for section in document.sections:
        layout.section(section)
    kept = [p for p in layout.parts if p] or [[]]
    return [Part(n, tuple(pieces)) for n, pieces in enumerate(kept, 1)]


CONTENTS_LEVEL = 3  # chapters and annexes; not the section of every treaty


def sections_of(parts: Iterable[Part]) -> list[tuple[int, Section]]:
    """The first part of each chapter and annex, for the report's table of contents."""
    return [
        (part.number, p.section)
        for part in parts
        for p in part.pieces
        if not p.continued and p.section.level <= CONTENTS_LEVEL
    ]
