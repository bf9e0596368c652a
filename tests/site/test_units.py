"""Unit tests of the site's pieces: links, escaping, catalogues, the Kazakh theme partial."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from generator.errors import TreatyError
from generator.escape import md_markup as md
from generator.site.build import SiteBuild, build_site, config_file_for, load_site_config
from generator.site.charts import ChartText, chart_html, stacked_bars
from generator.site.edition import redact
from generator.site.nav import alternates
from generator.site.pages.webforms import page_json
from generator.site.render import front_matter, link
from generator.site.texts import site_texts

ROOT = Path(__file__).resolve().parents[2]
MATERIAL = Path(str(__import__("material").__file__)).parent / "templates/partials/languages"
KEY = re.compile(r'^\s*"([^"]+)":', re.MULTILINE)


@pytest.mark.parametrize(
    "target,current,expected",
    [
        ("bodies/mfa.md", "index.md", "bodies/mfa/"),
        ("bodies/mfa.md", "treaties/x.md", "../../bodies/mfa/"),
        ("index.md", "bodies/index.md", "../"),
        ("calendar/mfa.ics", "bodies/mfa.md", "../../calendar/mfa.ics"),
        ("downloads/a.docx", "reports/2025.md", "../../downloads/a.docx"),
    ],
)
def test_links_follow_directory_urls(target: str, current: str, expected: str) -> None:
    assert link(target, current) == expected


def test_markdown_escaping_shows_markup_as_text() -> None:
    assert (
        str(md("<script>[x](javascript:alert(1))")) == "&lt;script&gt;\\[x\\](javascript:alert(1))"
    )


def test_titles_are_escaped_in_front_matter() -> None:
    assert front_matter("<b>") == '---\ntitle: "&lt;b&gt;"\nhide:\n  - toc\n---\n\n'


def test_the_web_forms_json_cannot_end_its_script_and_keeps_cyrillic_as_it_is() -> None:
    value = {"b": "</script><!-- &'", "a": "Тізілім\u2028"}
    text = str(page_json(value))
    assert text == '{"a":"Тізілім\u2028","b":"\\u003c/script\\u003e\\u003c!-- \\u0026\\u0027"}'
    assert json.loads(text) == value


def test_redact_drops_internal_fields_at_any_depth() -> None:
    data = {"a": 1, "prepared_by": {"name": "x"}, "rows": [{"prepared_by": 2, "b": 3}]}
    assert redact(data, frozenset({"prepared_by"})) == {"a": 1, "rows": [{"b": 3}]}


def test_redact_shares_what_holds_no_internal_field_and_changes_nothing_in_place() -> None:
    rows = [{"treaty": "t-1", "status": "ok"}, {"treaty": "t-2"}]
    data = {"prepared_by": {"name": "x"}, "annex1": rows, "notes": {"a": [1, 2]}}
    public = redact(data, frozenset({"prepared_by"}))
    assert public == {"annex1": rows, "notes": {"a": [1, 2]}}
    assert public["annex1"] is rows and public["notes"] is data["notes"]
    assert data["prepared_by"] == {"name": "x"}  # the original keeps everything
    assert redact(rows, frozenset({"prepared_by"})) is rows


def test_catalogues_have_the_same_keys_in_three_languages() -> None:
    keys = {lang: set(site_texts(lang).strings) for lang in ("kk", "ru", "en")}
    assert keys["kk"] == keys["ru"] == keys["en"]


def test_kazakh_partial_has_every_key_of_materials_english_one() -> None:
    ours = set(KEY.findall((ROOT / "site/overrides/partials/languages/kk.html").read_text()))
    english = set(KEY.findall((MATERIAL / "en.html").read_text()))
    assert english <= ours
    assert '"language": "kk"' in (ROOT / "site/overrides/partials/languages/kk.html").read_text()


def test_language_switcher_links_between_roots() -> None:
    assert [a["link"] for a in alternates("kk", ["kk", "ru", "en"])] == ["", "ru/", "en/"]
    assert [a["link"] for a in alternates("ru", ["kk", "ru", "en"])] == ["../", "../ru/", "../en/"]


def test_chart_has_title_desc_and_a_data_table() -> None:
    text = ChartText("T <1>", "D", "C", "Body", "Total")
    html = str(chart_html(stacked_bars("c", text, [("A", {"late": 2, "on-time": 1})],
                                       {"on-time": "On time", "late": "Late"})))  # fmt: skip
    assert 'role="img"' in html and 'aria-labelledby="c-title c-desc"' in html
    assert '<title id="c-title">T &lt;1&gt;</title>' in html
    assert '<th scope="row">A</th><td>1</td><td>2</td><td>3</td>' in html


def _broken(tmp_path: Path) -> SiteBuild:
    repo = tmp_path / "repo"
    (repo / "schemas" / "forms").mkdir(parents=True)
    (repo / "schemas" / "forms" / "x.yaml").write_text("kind: [", encoding="utf-8")
    return SiteBuild(repo, "public", tmp_path / "out", dt.date(2026, 1, 1), config_file_for(repo))


def test_broken_data_stops_the_build_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(TreatyError, match=r"schemas/forms/x\.yaml"):
        build_site(_broken(tmp_path))


def test_plugin_raises_plugin_error_naming_the_file(tmp_path: Path) -> None:
    config = load_site_config(_broken(tmp_path))
    with pytest.raises(PluginError, match=r"schemas/forms/x\.yaml"):
        config.plugins.on_config(config)
