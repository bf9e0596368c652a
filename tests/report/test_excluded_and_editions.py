"""Invalid files are listed as excluded; the public edition carries no internal content."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from generator.check.project import open_project
from generator.cli.main import main
from generator.escape import pandoc_escape
from generator.i18n import catalogue
from generator.law.cite import cite_chapter
from generator.law.messages import load_catalogue
from generator.report.labels import report_labels
from tests.report.conftest import DEMO_PERIOD, build
from tests.report.readback import flat

WATER = f"submissions/{DEMO_PERIOD}/water/treaties-in-force.yaml"


def _edit(repo: Path, rel: str, change: Any) -> None:
    data = yaml.safe_load((repo / rel).read_text(encoding="utf-8"))
    change(data)
    (repo / rel).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_an_invalid_entry_is_excluded_with_its_reason_and_totals_balance(
    repo_copy: Path, epoch: str, tmp_path: Path
) -> None:
    before = tmp_path / "before.json"
    assert build(repo_copy, before, "json") == 0
    _edit(repo_copy, WATER, lambda d: d["annex1"][0].update(status="finished"))
    after = tmp_path / "after.json"
    assert build(repo_copy, after, "json") == 0
    old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (before, after))
    water = sum(1 for e in old["entries"] if e["file"] == WATER)
    assert water > 0
    # only the entry with the bad value is left out; the file's other entries stay
    assert len(new["entries"]) == len(old["entries"]) - 1
    assert sum(1 for e in new["entries"] if e["file"] == WATER) == water - 1
    bad = [x for x in new["excluded"] if x["file"] == WATER and x["code"] == "TR203"]
    assert [x["entry"] for x in bad] == ["annex1[0]"]
    assert sum(r["excluded"] for r in new["totals"]) == 1
    assert sum(r["received"] for r in new["totals"]) == sum(r["shown"] for r in new["totals"])
    assert sum(r["shown"] for r in new["totals"]) == len(new["entries"])
    md = tmp_path / "after.md"
    assert build(repo_copy, md, "md") == 0
    text = flat(md.read_text(encoding="utf-8"))
    assert report_labels("kk")("excluded") in text
    assert "finished" in text and "TR203" in text


def _leaves(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    elif isinstance(value, str) and len(value) > 8:
        yield value


def _internal_texts(repo: Path) -> set[str]:
    """Every text of an internal field or an internal form in the demo period."""
    project = open_project(repo)
    found: set[str] = set()
    for path in sorted((repo / "submissions" / str(DEMO_PERIOD)).rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        form = project.forms.get(str(data.get("form")))
        if form is None:
            continue
        if form.visibility.value == "internal":
            found.update(_leaves(data.get("title") or data.get("subject") or {}))
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                for key, value in node.items():
                    (
                        found.update(_leaves(value))
                        if key in form.internal_fields
                        else stack.append(value)
                    )
            elif isinstance(node, list):
                stack.extend(node)
    return found


def test_public_edition_has_no_internal_text(repo_copy: Path, epoch: str, tmp_path: Path) -> None:
    secret, officer = "ҚЫЗМЕТТІК-БЕЛГІ-7781", "ОРЫНДАУШЫ-5512"
    person = {"name": {"kk": officer}, "position": {"kk": officer}}
    _edit(repo_copy, WATER, lambda d: d.update(prepared_by=person))
    mfa = f"submissions/{DEMO_PERIOD}/mfa/assessment.yaml"
    _edit(repo_copy, mfa, lambda d: d.update(internal_notes={"kk": secret}))
    internal = _internal_texts(repo_copy)
    assert {secret, officer} <= internal and len(internal) > 5
    outputs = {}
    for edition in ("public", "internal"):
        for fmt in ("md", "html", "json", "csv"):
            out = tmp_path / edition / f"r.{fmt}"
            assert build(repo_copy, out, fmt, "--edition", edition) == 0
            outputs[(edition, fmt)] = out.read_text(encoding="utf-8")
    for fmt in ("md", "html", "json", "csv"):
        public = outputs[("public", fmt)]
        assert sorted(t for t in internal if t in public) == [], fmt
        assert secret in outputs[("internal", fmt)]
    heading = report_labels("kk")(
        "chapter_6", chapter=cite_chapter("6", load_catalogue("kk")).label
    )
    assert flat(heading) in flat(outputs[("internal", "md")])
    assert flat(heading) not in flat(outputs[("public", "md")])


def test_missing_assessment_shows_placeholders(repo_copy: Path, epoch: str, tmp_path: Path) -> None:
    (repo_copy / f"submissions/{DEMO_PERIOD}/mfa/assessment.yaml").unlink()
    out = tmp_path / "r.md"
    assert build(repo_copy, out, "md", lang="en") == 0
    text = flat(out.read_text(encoding="utf-8"))
    labels = report_labels("en")
    for key in ("placeholder_assessment", "placeholder_recommendations"):
        assert pandoc_escape(labels(key)) in text
    assert pandoc_escape(labels("placeholder_commentary", section="II")) in text


def test_excluded_reason_is_localized(repo_copy: Path, epoch: str, tmp_path: Path) -> None:
    _edit(repo_copy, WATER, lambda d: d["annex1"][0].update(status="finished"))
    out = tmp_path / "r.json"
    assert build(repo_copy, out, "json", lang="ru") == 0
    rows = [
        x for x in json.loads(out.read_text(encoding="utf-8"))["excluded"] if x["file"] == WATER
    ]
    template = catalogue("ru").problems["TR203"]["message"]
    literal = max(re.split(r"\{[a-z_]+\}", template), key=len).strip()
    assert rows and literal and literal in rows[0]["message"]


def test_a_period_with_nothing_submitted_is_a_usage_error(
    demo_repo: Path, tmp_path: Path, capsys: Any
) -> None:
    """A mistyped year gives a clear error naming the known periods, not an empty report."""
    out = tmp_path / "report.md"
    args = ["report", "--repo", str(demo_repo), "--period", "1999", "--format", "md"]
    assert main([*args, "-o", str(out)]) == 2
    assert not out.exists()
    err = capsys.readouterr().err
    assert "1999" in err and "2024, 2025" in err
