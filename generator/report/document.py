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
    """A table cell; ``missing``: a placeholder for something not yet there (shown bold)."""

    text: str
    href: str | None = None
    missing: bool = False


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
class Attachment:
    """One line of the letter's list of attachments.

    ``pages`` None: the consolidated information itself, whose pages the renderer counts.
    ``file``: the repository path of an attached copy (``--attach`` appends it to the PDF).
    """

    title: str
    pages: int | None = None
    file: str | None = None
    missing: bool = False


@dataclass(frozen=True)
class Letter:
    """The covering letter on the first page: title block, reference, addressee, text,
    the short note, the attachments and the signature. Missing parts are placeholders."""

    sender: str
    reference: Para
    addressee: str
    restriction: str
    subject: str
    text: tuple[Para, ...]
    note_heading: str
    note: tuple[str, ...]
    attachments_heading: str
    attachments: tuple[Attachment, ...]
    pages: str  # "на {pages} л.": the words for a page count
    position: Para
    name: Para

    def all_text(self) -> list[str]:
        parts = [self.sender, self.reference.text, self.addressee, self.restriction]
        parts += [self.subject, *(p.text for p in self.text), self.note_heading, *self.note]
        parts += [self.attachments_heading, *(a.title for a in self.attachments)]
        return [*parts, self.position.text, self.name.text]


@dataclass(frozen=True)
class Document:
    """The report in one language. ``watermark`` is set on a draft ("ПРОЕКТ"), empty on a
    final document; ``letter`` is None for a document without a covering letter."""

    lang: str
    title: str
    subtitle: str
    facts: tuple[str, ...]
    notices: tuple[str, ...]
    sections: tuple[Section, ...]
    labels: dict[str, str]
    letter: Letter | None = None
    watermark: str = ""

    @property
    def draft(self) -> bool:
        return bool(self.watermark)

    def all_text(self) -> str:
        """Every string of the document (for tests and checks)."""
        parts = [self.title, self.subtitle, *self.facts, *self.notices]
        parts += self.letter.all_text() if self.letter else []
        parts.append(self.watermark)
        for section in self.sections:
            parts.append(section.heading)
            for block in section.blocks:
                if isinstance(block, Para):
                    parts.append(block.text)
                else:
                    parts.extend([block.caption, *block.header])
                    parts.extend(c.text for row in block.rows for c in row)
        return "\n".join(parts)
