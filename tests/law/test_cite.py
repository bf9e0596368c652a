"""Citations of points of the Rules."""

from __future__ import annotations

import pytest

from generator.law.cite import cite_point
from generator.law.messages import load_catalogue


@pytest.mark.parametrize(
    ("lang", "label"),
    [("en", "Rules p. 2.1"), ("kk", "Қағидалар, 2.1-т."), ("ru", "Правила, п. 2.1")],
)
def test_labels(lang: str, label: str) -> None:
    assert cite_point("2.1", load_catalogue(lang)).label == label


def test_anchor_and_url_point_at_the_point() -> None:
    citation = cite_point("2.1", load_catalogue("en"))
    assert citation.anchor == "p-2"
    assert citation.url == "rules/in-force/#p-2"
    assert cite_point("46", load_catalogue("en"), "resolution-1144-2015").url == (
        "rules/resolution-1144-2015/#p-46"
    )


@pytest.mark.parametrize("ref", ["", "0", "2.", "p46", "2.1.3"])
def test_bad_refs(ref: str) -> None:
    with pytest.raises(ValueError, match="not a point"):
        cite_point(ref, load_catalogue("en"))
