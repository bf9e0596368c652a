"""Word-level redlines, Kazakh letters included."""

from __future__ import annotations

from generator.law.consolidate import history_timeline
from generator.law.diff import redline, render_redline, tokenize
from generator.law.model import Law


def test_kazakh_words_are_single_tokens() -> None:
    tokens = [t.text for t in tokenize("әғқңөұүһі іс-қимыл, СІМ-ді (Ә)")]
    assert tokens == ["әғқңөұүһі", "іс-қимыл", ",", "СІМ-ді", "(", "Ә", ")"]


def test_whitespace_before_punctuation_is_not_a_change() -> None:
    assert not redline(["ұсыну , сондай-ақ"], ["ұсыну, сондай-ақ"]).changed


def test_the_rules_title_redline_shows_exactly_what_the_amendment_changed(law: Law) -> None:
    old, new = [w for w in history_timeline(law, "rules.title") if w.paragraphs][:2]
    assert old.basis == "quoted" and new.act == "resolution-1144-2015"
    assert old.paragraphs is not None and new.paragraphs is not None
    result = redline(old.paragraphs, new.paragraphs)
    assert result.removed_words == ("және",)
    assert result.inserted_words == (
        "және",
        "Қазақстан",
        "Республикасының",
        "мемлекеттік",
        "органдарының",
        "халықаралық",
        "қызметін",
        "үйлестіруді",
        "жүзеге",
        "асыру",
    )


def test_the_decree_title_redline(law: Law) -> None:
    old, new = [w for w in history_timeline(law, "decree.title") if w.paragraphs][:2]
    assert old.paragraphs is not None and new.paragraphs is not None
    result = redline(old.paragraphs, new.paragraphs)
    assert result.removed_words == ("енгізу", "және")
    assert result.inserted_words[:3] == ("ұсыну", "және", "Қазақстан")


def test_styles() -> None:
    result = redline(["бір екі үш"], ["бір төрт үш"])
    assert render_redline(result, "md", str) == "бір ~~екі~~ **төрт** үш"
    assert render_redline(result, "wdiff", str) == "бір [-екі-] {+төрт+} үш"
    assert render_redline(result, "html", str) == "бір <del>екі</del> <ins>төрт</ins> үш"
