"""Invisible characters in texts (TR110): what can hide or change what a reader sees.

YAML's reader refuses raw NUL and most control characters, but double quotes can still
write them (``"\\x00"``, ``"\\e[31m"``, ``"\\a"``, ``"\\uFFFE"``), and the reader lets some
through raw (right-to-left overrides, line separators). Such a character reaches every
output: it breaks spreadsheets, colours a terminal, reorders a PDF line. So each text and
field name is checked, and one that holds any of these is an error at its value:

- control characters (C0, DEL, C1), except tab and newline;
- lone surrogates and non-characters (``U+FFFE``, ``U+FFFF``, ``U+FDD0``-``U+FDEF``, ...);
- bidirectional embeddings, overrides and isolates (``U+202A``-``U+202E``,
  ``U+2066``-``U+2069``), the line and paragraph separators and a zero-width no-break
  space (a byte-order mark inside the text).

Speed: a file whose text has no backslash and none of these characters raw cannot hold
one in its values, so only the rare other file is walked. Every one of them is also a
character Python does not call printable, so a text that is printable once its tabs and
line ends are set aside (``str.isprintable``, a fast pass in C) is passed without the
slower search for them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from generator.check.findings import Finding

PathParts = tuple[str | int, ...]

_PLANE_ENDS = "".join(f"\\U{plane:04X}FFFE\\U{plane:04X}FFFF" for plane in range(1, 17))
_CHARS = (
    "\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f"  # controls but tab and newline
    "\\u202a-\\u202e\\u2066-\\u2069"  # bidirectional embeddings, overrides, isolates
    "\\u2028\\u2029\\ufeff"  # line and paragraph separators, zero-width no-break space
    "\\ud800-\\udfff\\ufdd0-\\ufdef\\ufffe\\uffff" + _PLANE_ENDS  # not characters at all
)
FORBIDDEN = re.compile(f"[{_CHARS}]")
# In the file's raw text a carriage return is only a line end (YAML drops it).
_RAW_CHARS = _CHARS.replace("\\x0b-\\x1f", "\\x0b\\x0c\\x0e-\\x1f")
_RAW = re.compile(f"[{_RAW_CHARS}]")
_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "BACKSPACE",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
}


def describe(char: str) -> dict[str, str]:
    """The character as ``U+XXXX`` and its Unicode name, for the message."""
    point = ord(char)
    name = _NAMES.get(point) or unicodedata.name(char, "")
    if not name:
        name = "CONTROL" if unicodedata.category(char) == "Cc" else "NOT A CHARACTER"
    return {"char": f"U+{point:04X}", "name": name}


def may_hold_forbidden(text: str) -> bool:
    """False when no value parsed from ``text`` can hold a forbidden character."""
    if "\\" in text:
        return True
    if text.replace("\n", "").replace("\t", "").replace("\r", "").isprintable():
        return False  # no forbidden character is printable
    return _RAW.search(text) is not None


def _texts(data: Any) -> Iterator[tuple[PathParts, str, bool]]:
    """(path, text, is a field name) of every text in ``data``, depth first."""
    stack: list[tuple[PathParts, Any]] = [((), data)]
    while stack:
        parts, node = stack.pop()
        if isinstance(node, str):
            yield parts, node, False
        elif isinstance(node, dict):
            for key, value in reversed(node.items()):
                if isinstance(key, str):
                    yield (*parts, key), key, True
                stack.append(((*parts, key), value))
        elif isinstance(node, list):
            stack.extend(((*parts, index), item) for index, item in reversed(list(enumerate(node))))


def character_findings(data: Any, text: str | None = None) -> list[Finding]:
    """TR110 at each text (or field name) holding a forbidden character, in file order."""
    if text is not None and not may_hold_forbidden(text):
        return []
    found = []
    for parts, value, is_key in _texts(data):
        match = FORBIDDEN.search(value)
        if match is not None:
            found.append(Finding(parts, "TR110", describe(match.group()), at_key=is_key))
    return found


def visible(text: str) -> str:
    """``text`` with each forbidden character written out as ``<U+XXXX>`` (for messages)."""
    if FORBIDDEN.search(text) is None:
        return text
    return FORBIDDEN.sub(lambda m: f"<{describe(m.group())['char']}>", text)
