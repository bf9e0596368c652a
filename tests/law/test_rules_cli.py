"""Acceptance tests: ``treaty rules`` driven through click's CliRunner."""

from __future__ import annotations

import json
import re
from typing import Any

from click.testing import CliRunner

from generator.cli.rules import rules
from tests.law.helpers import FIXTURES, squash, unescape_md

TODAY_LIKE = "2026-01-01"


def run(*args: str) -> str:
    result = CliRunner().invoke(rules, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def points_of_chapter_6() -> list[str]:
    """The fixture (copied from the source) split into chapter heading and points 42-50."""
    text = (FIXTURES / "chapter-6.kk.md").read_text(encoding="utf-8").strip()
    assert text.startswith("«") and text.endswith(" » .")  # the instruction's quotation
    text = text[1:-4]
    units = re.split(r"\n\s*\n(?=\d{2}\. )", text)
    assert len(units) == 10
    return [squash(unit) for unit in units]


def test_show_with_drafts_prints_chapter_6_exactly_as_in_the_source() -> None:
    output = squash(unescape_md(run("show", "--with-drafts", "--at", TODAY_LIKE)))
    units = points_of_chapter_6()
    assert units[0].startswith("6. Орталық")
    for number, unit in zip(range(42, 51), units[1:], strict=True):
        assert unit.startswith(f"{number}. ")
        assert unit in output, f"point {number} differs from the source"
    assert units[0] in output
    assert "### 6-тарау" in run("show", "--with-drafts", "--at", TODAY_LIKE)


def test_show_without_drafts_does_not_show_point_46_in_force() -> None:
    output = run("show", "--lang", "en", "--at", TODAY_LIKE)
    assert "### Point 46" not in output
    assert "### Point 41" in output
    assert "46\\. Орталық мемлекеттік органдар:" not in output
    assert "Орталық мемлекеттік органдар:" not in output
    assert "Pending changes" in output
    data = json.loads(run("show", "--format", "json", "--at", TODAY_LIKE))
    assert "rules.p46" not in {p["id"] for p in data["provisions"]}


def _section(output: str, heading: str) -> str:
    start = output.index(heading)
    end = output.index("\n### ", start + 1)
    return output[start:end]


def test_show_without_drafts_gives_the_rules_title_as_the_act_quotes_it() -> None:
    output = run("show", "--lang", "en", "--at", TODAY_LIKE)
    title = _section(output[output.index("## The Rules") :], "### Title")
    quoted = (
        "Қазақстан Республикасының халықаралық шарттарының орындалуы туралы ақпаратты дайындау "
        "және оны Қазақстан Республикасы Президентінің қарауына ұсыну, сондай-ақ Қазақстан "
        "Республикасы қатысушысы болып табылатын халықаралық ұйымдар шешімдерінің жобаларын "
        "келісу және оларды іске асыру, Қазақстан Республикасы Президентінің қатысуымен өтетін "
        "Қазақстан Республикасының халықаралық іс-шараларын дайындау, қол жеткізілген "
        "уағдаластықтарды орындау және халықаралық сот органдарымен өзара іс-қимыл"
    )
    assert f"{quoted} қағидалары\n" in title
    assert f"«{quoted} қағидаларында»" in title  # the act's own words, shown alongside
    assert "мемлекеттік органдарының халықаралық қызметін" not in title
    assert "Possibly superseded: Presidential Decree No. 786 of 2022-01-25" in title


def test_show_json_gives_wording_source_act_and_period_for_every_provision() -> None:
    data: dict[str, Any] = json.loads(
        run("show", "--format", "json", "--with-drafts", "--at", TODAY_LIKE, "--lang", "en")
    )
    provisions = data["provisions"]
    assert len(provisions) == 3 + 2 + 5 + 41 + 1 + 9
    for item in provisions:
        assert set(item) >= {"id", "wording", "source_act", "in_force", "status"}
        assert set(item["in_force"]) >= {"from", "to"}
        assert item["source_act"]["id"]
        assert item["wording"] is None or all(isinstance(p, str) for p in item["wording"])
        if item["basis"] != "quoted":
            assert item["in_force"]["from"] is not None
    by_id = {item["id"]: item for item in provisions}
    p46 = by_id["rules.p46"]
    assert p46["wording"][0] == "46. Орталық мемлекеттік органдар:"
    assert p46["source_act"]["id"] == "resolution-1144-2015"
    assert p46["in_force"] == {
        "from": "2015-12-31",
        "to": None,
        "attested_on": None,
        "ended_by": None,
    }
    assert by_id["rules.p3"]["wording"] is None
    assert by_id["rules.p3"]["source_act"]["id"] == "decree-1037-2010"
    assert by_id["rules.title"]["possibly_superseded_by"] == ["decree-786-2022"]
    assert by_id["rules.title"]["in_force"]["to"] == "2022-01-24"


def test_show_json_without_drafts_gives_the_quoted_title_with_its_attestation() -> None:
    data = json.loads(run("show", "--format", "json", "--at", "2016-06-01"))
    title = next(p for p in data["provisions"] if p["id"] == "rules.title")
    assert title["status"] == "in-force"
    assert title["basis"] == "quoted"
    assert title["in_force"]["from"] is None
    assert title["in_force"]["attested_on"] == "2015-12-31"
    assert title["pending_drafts"] == ["resolution-1144-2015"]


def test_history_of_a_point_lists_its_wordings() -> None:
    output = run("history", "2.1", "--lang", "en")
    assert "## History: Rules, Point 2" in output
    assert "Presidential Decree No. 1037 of 2010-08-12" in output
    assert "2\\. Орталық мемлекеттік органдар жыл сайын 10 қаңтардан" in output
    assert "Draft, not in force" in output


def test_history_of_the_rules_title_has_a_redline() -> None:
    output = run("history", "rules.title", "--lang", "en", "--style", "wdiff")
    assert "[-және-]{+,+}" in output
    assert "{+және Қазақстан Республикасының мемлекеттік органдарының" in output


def test_history_rejects_an_unknown_point() -> None:
    result = CliRunner().invoke(rules, ["history", "99"])
    assert result.exit_code == 2
    assert "POINT" in result.output


def test_diff_between_a_date_and_the_draft_edition() -> None:
    output = run("diff", "2015-12-31", "resolution-1144-2015", "--lang", "en")
    assert "~~және~~**,**" in output
    assert "## Rules, Point 46" in output
    assert "Added in the second edition." in output


def test_diff_rejects_an_unknown_edition() -> None:
    result = CliRunner().invoke(rules, ["diff", "2015-12-31", "no-such-act"])
    assert result.exit_code == 2
    assert "decree-1037-2010" in result.output


def test_show_uses_the_catalogue_language() -> None:
    assert "Текст отсутствует в этом репозитории." in run("show", "--lang", "ru")
    assert "Мәтін осы репозиторийде жоқ." in run("show", "--lang", "kk")
