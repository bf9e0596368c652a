"""Render one PDF page to PNG with pypdfium2 and a small stdlib PNG encoder (no Pillow)."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pypdfium2


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bytes(width: int, height: int, stride: int, rgb: bytes) -> bytes:
    rows = b"".join(b"\x00" + rgb[y * stride : y * stride + width * 3] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunks = _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows, 9))
    return b"\x89PNG\r\n\x1a\n" + chunks + _chunk(b"IEND", b"")


def render_page(pdf: Path, index: int, out: Path, scale: float = 1.0) -> Path:
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        bitmap = document[index].render(scale=scale, rev_byteorder=True, may_draw_forms=False)
        data = png_bytes(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
    finally:
        document.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_name(f"{out.name}.{os.getpid()}.part")  # xdist workers may write the same
    part.write_bytes(data)  # page at once (the same bytes): a reader sees the whole file
    part.replace(out)
    return out
