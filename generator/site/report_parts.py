"""A period's report on the site in parts of bounded size, one data page each.

A national report holds thousands of rows; one HTML page of it would be megabytes. The
document's sections are laid out in order into parts of at most :data:`PART_CHARS`
characters of text; a table longer than that is cut between rows, and the piece that
goes on in the next part says so.

The layout is a :data:`Plan` of indices, made from one language's document and applied to
every language's (they have the same sections, tables and rows), so a part has the same
number, and the language switcher the same page, in every language. Paragraphs are not
in the plan: a text may have more paragraphs in one language than in another, so each
language's own paragraphs go with the table they follow (or open their section), and
none is left out.
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
    """Section ``section``; of each of its tables shown, (table, first row, end row), the
    table counted among the section's tables only."""

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
        tables = 0
        for block in section.blocks:
            self.used += _head_size(block)
            if not isinstance(block, TableBlock):
                continue
            b, tables = tables, tables + 1
            rows = block.rows
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


def _owners(plan: Plan) -> dict[tuple[int, int], tuple[int, int]]:
    """Where each section's paragraphs go, as (section, run) -> (part, piece): run 0 (the
    paragraphs before the first table) with the section's first piece, run ``k`` (after
    table ``k - 1``) with the last piece that shows that table, a run after a table the
    plan does not show with the section's last piece."""
    owners: dict[tuple[int, int], tuple[int, int]] = {}
    last: dict[int, tuple[int, int]] = {}
    for p, refs in enumerate(plan):
        for i, ref in enumerate(refs):
            owners.setdefault((ref.section, 0), (p, i))
            last[ref.section] = (p, i)
            for table, _start, _end in ref.blocks:
                owners[(ref.section, table + 1)] = (p, i)
    return {**{(s, -1): at for s, at in last.items()}, **owners}


def _blocks(
    section: Section,
    ref: PieceRef,
    at: tuple[int, int],
    owners: dict[tuple[int, int], tuple[int, int]],
) -> tuple[Block, ...]:
    shown = {table: (start, end) for table, start, end in ref.blocks}
    blocks: list[Block] = []
    run = 0
    for block in section.blocks:
        if isinstance(block, TableBlock):
            if run in shown:
                start, end = shown[run]
                blocks.append(TableBlock(block.caption, block.header, block.rows[start:end]))
            run += 1
        elif owners.get((ref.section, run), owners.get((ref.section, -1))) == at:
            blocks.append(block)
    return tuple(blocks)


def apply(plan: Plan, document: Document) -> list[Part]:
    """The parts of ``document`` (any language) laid out as ``plan`` says."""
    owners = _owners(plan)
    parts = []
    for number, refs in enumerate(plan, 1):
        pieces = []
        for i, ref in enumerate(refs):
            section = document.sections[ref.section]
            blocks = _blocks(section, ref, (number - 1, i), owners)
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
