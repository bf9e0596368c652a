"""Advance widths of the shipped Liberation Serif (metric-compatible with Times New Roman),
read from the TrueType files themselves, to size table columns by their content.

Only what widths need is read: ``head`` (units per em), ``hhea`` (number of metrics),
``hmtx`` (advances) and a Unicode ``cmap`` subtable (format 4 or 12).
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from generator.errors import ConfigurationError

REGULAR = "LiberationSerif-Regular.ttf"
BOLD = "LiberationSerif-Bold.ttf"


@dataclass(frozen=True)
class FontWidths:
    units_per_em: int
    advances: tuple[int, ...]
    glyphs: Mapping[int, int]  # code point -> glyph id

    def width(self, text: str, size: float) -> float:
        """The width of ``text`` set on one line at ``size`` points (no kerning)."""
        last = self.advances[-1]
        total = 0
        for char in text:
            glyph = self.glyphs.get(ord(char), 0)
            total += self.advances[glyph] if glyph < len(self.advances) else last
        return total * size / self.units_per_em


def _tables(data: bytes) -> dict[bytes, tuple[int, int]]:
    (count,) = struct.unpack_from(">H", data, 4)
    found = {}
    for i in range(count):
        tag, _check, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        found[tag] = (offset, length)
    return found


def _cmap_4(data: bytes, at: int) -> dict[int, int]:
    (segments,) = struct.unpack_from(">H", data, at + 6)
    n = segments // 2
    ends = struct.unpack_from(f">{n}H", data, at + 14)
    starts = struct.unpack_from(f">{n}H", data, at + 16 + 2 * n)
    deltas = struct.unpack_from(f">{n}h", data, at + 16 + 4 * n)
    offsets_at = at + 16 + 6 * n
    offsets = struct.unpack_from(f">{n}H", data, offsets_at)
    found = {}
    for i in range(n):
        for code in range(starts[i], ends[i] + 1):
            if code == 0xFFFF:
                continue
            if offsets[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:
                where = offsets_at + 2 * i + offsets[i] + 2 * (code - starts[i])
                (glyph,) = struct.unpack_from(">H", data, where)
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            found[code] = glyph
    return found


def _cmap_12(data: bytes, at: int) -> dict[int, int]:
    (groups,) = struct.unpack_from(">I", data, at + 12)
    found = {}
    for i in range(groups):
        start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * i)
        for code in range(start, end + 1):
            found[code] = glyph + code - start
    return found


def _cmap(data: bytes, offset: int) -> dict[int, int]:
    (count,) = struct.unpack_from(">H", data, offset + 2)
    best: dict[int, int] = {}
    for i in range(count):
        platform, encoding, sub = struct.unpack_from(">HHI", data, offset + 4 + 8 * i)
        if (platform, encoding) not in ((3, 1), (3, 10), (0, 3), (0, 4)):
            continue
        at = offset + sub
        (fmt,) = struct.unpack_from(">H", data, at)
        if fmt == 12:
            return _cmap_12(data, at)
        if fmt == 4 and not best:
            best = _cmap_4(data, at)
    return best


def parse_widths(data: bytes) -> FontWidths:
    tables = _tables(data)
    try:
        (units,) = struct.unpack_from(">H", data, tables[b"head"][0] + 18)
        (metrics,) = struct.unpack_from(">H", data, tables[b"hhea"][0] + 34)
        hmtx = tables[b"hmtx"][0]
        advances = tuple(struct.unpack_from(">H", data, hmtx + 4 * i)[0] for i in range(metrics))
        glyphs = _cmap(data, tables[b"cmap"][0])
    except (KeyError, struct.error) as error:
        raise ConfigurationError(f"cannot read the font's metrics: {error}") from None
    return FontWidths(units, advances, glyphs)


@cache
def font_widths(name: str = REGULAR) -> FontWidths:
    data = resources.files("generator").joinpath(f"fonts/{name}").read_bytes()
    return parse_widths(data)
