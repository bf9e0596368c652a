"""Acceptance tests: ``treaty rules`` driven through click's CliRunner."""

from __future__ import annotations

import json
import re
from typing import Any

from click.testing import CliRunner

from generator.cli.main import cli
from tests.law.helpers import FIXTURES, squash, unescape_md

TODAY_LIKE = "2026-01-01"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["rules", *args], catch_exceptions=False)
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
        assert set(item) >= {"id", "wording", "source_act", "in_force", "draft", "status"}
        assert item["source_act"]["id"]
        assert item["wording"] is None or all(isinstance(p, str) for p in item["wording"])
        if item["draft"] is None:
            assert set(item["in_force"]) >= {"from", "to"}
            if item["basis"] != "quoted":
                assert item["in_force"]["from"] is not None
    by_id = {item["id"]: item for item in provisions}
    p46 = by_id["rules.p46"]
    assert p46["wording"][0] == "46. Орталық мемлекеттік органдар:"
    assert p46["source_act"]["id"] == "resolution-1144-2015"
    assert p46["in_force"] is None
    assert p46["draft"] == {
        "act": "resolution-1144-2015",
        "date": "2015-12-31",
        "applied_from": "2015-12-31",
        "applied_to": None,
    }
    assert by_id["rules.p3"]["wording"] is None
    assert by_id["rules.p3"]["source_act"]["id"] == "decree-1037-2010"
    assert by_id["rules.title"]["possibly_superseded_by"] == ["decree-786-2022"]
    assert by_id["rules.title"]["in_force"] is None  # the draft's title, applied on request


def test_every_draft_provision_has_no_in_force_period_in_json() -> None:
    data = json.loads(run("show", "--with-drafts", "--format", "json", "--at", TODAY_LIKE))
    drafts = [p for p in data["provisions"] if p["source_act"]["draft"]]
    ids = {p["id"] for p in drafts}
    assert {"rules.p2", "rules.p4", "rules.p5", "rules.ch6"} <= ids
    assert {f"rules.p{n}" for n in range(42, 51)} <= ids
    for item in drafts:
        assert item["in_force"] is None, item["id"]
        assert item["draft"]["act"] == "resolution-1144-2015", item["id"]
    for item in data["provisions"]:
        if not item["source_act"]["draft"]:
            assert item["in_force"] is not None and item["draft"] is None, item["id"]


def test_the_title_in_force_before_2022_keeps_its_period_without_drafts() -> None:
    data = json.loads(run("show", "--format", "json", "--at", "2021-06-01"))
    title = next(p for p in data["provisions"] if p["id"] == "rules.title")
    assert title["in_force"]["to"] == "2022-01-24"
    assert title["draft"] is None


def test_the_2013_amendment_of_unknown_scope_flags_the_2010_preamble() -> None:
    output = run("show", "--at", "2014-06-01", "--lang", "en")
    preamble = _section(output, "### Preamble")
    assert "Text not available in this repository." in preamble
    assert "Possibly superseded: Act of 2013 (exact date not known; counted from 2013-12-31" in (
        preamble
    )
    data = json.loads(run("show", "--format", "json", "--at", "2014-06-01"))
    by_id = {p["id"]: p for p in data["provisions"]}
    assert by_id["decree.preamble"]["status"] == "not-available"
    assert by_id["decree.preamble"]["possibly_superseded_by"] == ["amendment-2013"]
    assert by_id["rules.p3"]["possibly_superseded_by"] == ["amendment-2013"]
    before = json.loads(run("show", "--format", "json", "--at", "2013-06-01"))
    assert all(p["possibly_superseded_by"] == [] for p in before["provisions"])


def test_a_text_not_held_points_to_the_act_on_adilet_or_says_the_address_is_unknown() -> None:
    output = run("show", "--at", "2026-01-01", "--lang", "en")
    point_3 = _section(output, "### Point 3")
    assert "<https://adilet.zan.kz/eng/docs/U100001037_/compare/kaz>" in point_3
    history = run("history", "decree.preamble", "--lang", "en")
    assert "The address of Presidential Decree No. 195 of 2023-04-13 on Әділет" in history


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
    result = CliRunner().invoke(cli, ["rules", "history", "99"])
    assert result.exit_code == 2
    assert "POINT" in result.output


def test_diff_between_a_date_and_the_draft_edition() -> None:
    output = run("diff", "2015-12-31", "resolution-1144-2015", "--lang", "en")
    assert "~~және~~**,**" in output
    assert "## Rules, Point 46" in output
    assert "Added in the second edition." in output


def test_diff_rejects_an_unknown_edition() -> None:
    result = CliRunner().invoke(cli, ["rules", "diff", "2015-12-31", "no-such-act"])
    assert result.exit_code == 2
    assert "decree-1037-2010" in result.output


def test_show_uses_the_catalogue_language() -> None:
    assert "Текст отсутствует в этом репозитории." in run("show", "--lang", "ru")
    assert "Мәтін осы репозиторийде жоқ." in run("show", "--lang", "kk")
