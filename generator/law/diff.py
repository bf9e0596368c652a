"""Word-level redlines between two wordings.

Tokens are Unicode words (Kazakh letters ә ғ қ ң ө ұ ү һ і included; hyphenated words such
as ``іс-қимыл`` stay whole) and single punctuation marks. Whitespace is kept with each token
for display but never compared, so ``ұсыну ,`` and ``ұсыну,`` are the same.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

_TOKEN = re.compile(r"(\s*)(\w+(?:[-‐]\w+)*|[^\w\s])")
Op = Literal["equal", "delete", "insert"]


@dataclass(frozen=True)
class Token:
    space: str
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"


@dataclass(frozen=True)
class DiffSegment:
    op: Op
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class Redline:
    segments: tuple[DiffSegment, ...]

    def words(self, op: Op) -> tuple[str, ...]:
        """The words (not punctuation) of every segment of kind ``op``, in order."""
        return tuple(t.text for s in self.segments if s.op == op for t in s.tokens if t.is_word)

    @property
    def inserted_words(self) -> tuple[str, ...]:
        return self.words("insert")

    @property
    def removed_words(self) -> tuple[str, ...]:
        return self.words("delete")

    @property
    def changed(self) -> bool:
        return any(segment.op != "equal" for segment in self.segments)


def tokenize(text: str) -> tuple[Token, ...]:
    return tuple(Token(m[1], m[2]) for m in _TOKEN.finditer(text))


def redline(old: Sequence[str], new: Sequence[str]) -> Redline:
    """Compare two wordings given as paragraphs (joined by a line break for display)."""
    a = tokenize("\n".join(old))
    b = tokenize("\n".join(new))
    matcher = difflib.SequenceMatcher(
        None, [t.text for t in a], [t.text for t in b], autojunk=False
    )
    segments: list[DiffSegment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(DiffSegment("equal", b[j1:j2]))
            continue
        if i2 > i1:
            segments.append(DiffSegment("delete", a[i1:i2]))
        if j2 > j1:
            segments.append(DiffSegment("insert", b[j1:j2]))
    return Redline(tuple(segments))


STYLES: dict[str, tuple[str, str, str, str]] = {
    "md": ("~~", "~~", "**", "**"),
    "wdiff": ("[-", "-]", "{+", "+}"),
    "html": ("<del>", "</del>", "<ins>", "</ins>"),
}


def render_redline(result: Redline, style: str, escape: Callable[[str], str]) -> str:
    """Write a redline in a style of :data:`STYLES`; ``escape`` is applied to the text."""
    open_del, close_del, open_ins, close_ins = STYLES[style]
    out: list[str] = []
    for segment in result.segments:
        body = "".join(t.space + t.text for t in segment.tokens)
        lead = body[: len(body) - len(body.lstrip())]
        body = escape(body.lstrip())
        if segment.op == "equal":
            out.append(lead + body)
        elif segment.op == "delete":
            out.append(f"{lead}{open_del}{body}{close_del}")
        else:
            out.append(f"{lead}{open_ins}{body}{close_ins}")
    return "".join(out).strip()
