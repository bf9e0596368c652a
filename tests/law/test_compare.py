"""Comparing two consolidated texts."""

from __future__ import annotations

from generator.law.compare import compare
from generator.law.consolidate import resolve
from generator.law.model import Law


def test_compare_before_and_after_the_draft(law: Law) -> None:
    changes = {
        c.provision.id: c
        for c in compare(law, resolve(law, "2015-12-31"), resolve(law, "resolution-1144-2015"))
    }
    assert changes["rules.title"].kind == "changed"
    assert changes["rules.p46"].kind == "added"
    assert changes["rules.p2"].kind == "not-comparable"
    assert "rules.p3" not in changes


def test_no_changes_between_identical_texts(law: Law) -> None:
    assert compare(law, resolve(law, "2016-01-01"), resolve(law, "2016-06-01")) == ()
