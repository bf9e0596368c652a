"""The text at a date: drafts only on request, honest flags where text is missing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.errors import UsageError
from generator.law.consolidate import consolidate, editions, resolve, text_at, timeline
from generator.law.load import load_law
from generator.law.model import Law

LATER = dt.date(2026, 1, 1)


def test_a_draft_is_applied_only_on_request(law: Law) -> None:
    assert text_at(law, "rules.p46", LATER, with_drafts=False) is None
    item = text_at(law, "rules.p46", LATER, with_drafts=True)
    assert item is not None and item.status == "draft"


def test_a_provision_without_text_says_which_act_set_it(law: Law) -> None:
    item = text_at(law, "rules.p3", LATER, with_drafts=True)
    assert item is not None
    assert item.status == "not-available" and item.source_act == "decree-1037-2010"


def test_a_later_act_without_text_flags_the_last_known_wording(law: Law) -> None:
    item = text_at(law, "decree.preamble", LATER, with_drafts=True)
    assert item is not None and item.wording is not None
    assert item.status == "possibly-superseded"
    assert item.superseded_by == ("decree-195-2023",)
    assert item.wording.act == "resolution-1144-2015"
    assert item.wording.valid_to == dt.date(2023, 4, 12)


def test_before_the_quote_the_title_is_not_available(law: Law) -> None:
    item = text_at(law, "decree.title", dt.date(2015, 9, 1), with_drafts=False)
    assert item is not None
    assert item.status == "not-available" and item.source_act == "decree-23-2015"


def test_pending_drafts_are_named(law: Law) -> None:
    text = consolidate(law, LATER)
    assert text.pending_acts == ("resolution-1144-2015",)
    assert consolidate(law, dt.date(2015, 1, 1)).pending_acts == ()


def test_the_quote_comes_before_the_draft_on_the_same_day(law: Law) -> None:
    bases = [w.basis for w in timeline(law, "rules.title", True)]
    assert bases == ["enacted", "unknown-scope", "amended", "quoted", "amended", "amended"]


def test_editions_skip_acts_with_year_only_dates(law: Law) -> None:
    ids = [e.id for e in editions(law)]
    assert "amendment-2013" not in ids and "resolution-1144-2015" in ids


def test_resolve_accepts_edition_ids_and_dates(law: Law) -> None:
    assert resolve(law, "resolution-1144-2015").with_drafts
    assert resolve(law, "2016-01-01").as_of == dt.date(2016, 1, 1)
    with pytest.raises(UsageError):
        resolve(law, "2016-02-30")
    with pytest.raises(UsageError):
        resolve(law, "no-such-edition")


def test_a_recorded_adoption_makes_the_draft_law(law_copy: Path) -> None:
    path = law_copy / "acts" / "2015-12-31-resolution-1144.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "  act: null\n  number: null\n  date: null\n  entry_into_force: null\n",
        "  act: presidential-decree\n  number: '999'\n  date: '2016-02-01'\n"
        "  entry_into_force: '2016-02-02'\n",
    )
    path.write_text(text, encoding="utf-8")
    adopted = load_law(law_copy)
    assert not adopted.act("resolution-1144-2015").is_draft
    assert text_at(adopted, "rules.p46", dt.date(2016, 2, 1), with_drafts=False) is None
    item = text_at(adopted, "rules.p46", dt.date(2016, 2, 2), with_drafts=False)
    assert item is not None and item.status == "in-force"
