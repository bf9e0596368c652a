"""The period's report in parts: one plan for every language, and no paragraph left out
when a text has more paragraphs in one language than in another (issue 15, finding 11)."""

from __future__ import annotations

from generator.report.document import Cell, Document, Para, Section, TableBlock
from generator.site.report_parts import Part, parts_of, plan_of
from generator.site.report_parts import apply as apply_plan


def _table(rows: int, word: str) -> TableBlock:
    return TableBlock("t", ("a",), tuple((Cell(f"{word} {r} " + "x" * 90),) for r in range(rows)))


def _doc(lang: str, paragraphs: int) -> Document:
    opening = tuple(Para(f"{lang} opening {i}") for i in range(paragraphs))
    between = tuple(Para(f"{lang} between {i}") for i in range(paragraphs))
    sections = (
        Section("s1", "I", 2, opening),
        Section("s2", "II", 2, (*opening, _table(40, "first"), *between, _table(40, "second"))),
    )
    return Document(lang, "T", "S", (), (), sections, {})


def _paras(parts: list[Part]) -> list[str]:
    return [b.text for part in parts for p in part.pieces for b in p.blocks if isinstance(b, Para)]


def _rows(parts: list[Part]) -> list[str]:
    return [
        row[0].text.split(" x")[0]
        for part in parts
        for p in part.pieces
        for b in p.blocks
        if isinstance(b, TableBlock)
        for row in b.rows
    ]


def test_every_language_keeps_all_its_paragraphs_under_another_languages_plan() -> None:
    kk, en = _doc("kk", 1), _doc("en", 5)
    plan = plan_of(kk, budget=2_000)
    assert len(plan) > 2  # the tables are cut between parts
    shown = apply_plan(plan, en)
    assert sorted(_paras(shown)) == sorted(_paras(parts_of(en)))
    assert len(_paras(shown)) == 15
    assert _rows(shown) == _rows(parts_of(en))
    assert [len(part.pieces) for part in shown] == [
        len(part.pieces) for part in apply_plan(plan, kk)
    ]


def test_paragraphs_stay_beside_the_table_they_follow() -> None:
    en = _doc("en", 3)
    shown = apply_plan(plan_of(_doc("kk", 1), budget=2_000), en)
    order = [
        b.text if isinstance(b, Para) else b.rows[0][0].text.split(" x")[0]
        for part in shown
        for p in part.pieces
        if p.section.id == "s2"
        for b in p.blocks
    ]
    assert order.index("en opening 2") < order.index("first 0")
    assert order.index("en between 0") > order.index("first 0")
    assert order.index("en between 2") < order.index("second 0")
