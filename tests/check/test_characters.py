"""Invisible characters: the fast pass over a file's text never lets one through."""

from __future__ import annotations

import sys

from generator.check.characters import _RAW, FORBIDDEN, character_findings, may_hold_forbidden


def test_no_forbidden_character_is_printable() -> None:
    # the fast pass (str.isprintable) is sound only while this holds, in every Python
    allowed = [
        c for c in range(sys.maxunicode + 1) if FORBIDDEN.match(chr(c)) and chr(c).isprintable()
    ]
    assert allowed == []


def test_each_raw_forbidden_character_is_found_in_a_long_text() -> None:
    text = "title: {kk: Мәтін, ru: Текст}\n\tname: x\r\n" * 200
    assert not may_hold_forbidden(text)
    assert may_hold_forbidden(text + "a: \u00a0b\n") is False  # printable-looking, not forbidden
    for code in (0x01, 0x1B, 0x7F, 0x85, 0x202E, 0x2028, 0xFEFF, 0xFDD0, 0xFFFE, 0x10FFFF):
        if _RAW.match(chr(code)):
            assert may_hold_forbidden(text + f"a: x{chr(code)}y\n"), hex(code)


def test_a_found_character_is_named_at_its_value() -> None:
    data = {"a": "ok", "b": ["x\u202ey"]}
    [finding] = character_findings(data, "a: ok\nb: [x\u202ey]\n")
    assert finding.parts == ("b", 0) and finding.args["char"] == "U+202E"
