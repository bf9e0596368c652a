"""The report in one language: headings, paragraphs and tables of plain strings.

Renderers (Markdown, HTML, and through Markdown DOCX and PDF) only format this; none of
them looks at submissions again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ParaStyle = Literal["normal", "placeholder", "notice", "note"]


@dataclass(frozen=True)
class Cell:
    text: str
    href: str | None = None


@dataclass(frozen=True)
class Para:
    text: str
    style: ParaStyle = "normal"
    kind: Literal["para"] = "para"


@dataclass(frozen=True)
class TableBlock:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    kind: Literal["table"] = "table"


Block = Para | TableBlock


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    level: int
    blocks: tuple[Block, ...]
    wide: bool = False


@dataclass(frozen=True)
class Document:
    lang: str
    title: str
    subtitle: str
    facts: tuple[str, ...]
    notices: tuple[str, ...]
    sections: tuple[Section, ...]
    labels: dict[str, str]

    def all_text(self) -> str:
        """Every string of the document (for tests and checks)."""
        parts = [self.title, self.subtitle, *self.facts, *self.notices]
        for section in self.sections:
            parts.append(section.heading)
            for block in section.blocks:
                if isinstance(block, Para):
                    parts.append(block.text)
                else:
                    parts.extend([block.caption, *block.header])
                    parts.extend(c.text for row in block.rows for c in row)
        return "\n".join(parts)
