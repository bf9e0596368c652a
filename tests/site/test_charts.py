"""The dashboard's bar charts leave room for the longest body name."""

from __future__ import annotations

from generator.site.charts import (
    CHAR_WIDTH,
    LABEL_WIDTH,
    MAX_LABEL_WIDTH,
    ChartText,
    label_width,
    stacked_bars,
)

TEXT = ChartText("t", "d", "c", "body", "total")
STATES = {"on-time": "on time", "late": "late", "missing": "missing"}
LONG = "Қаржы нарығын реттеу және дамыту агенттігі"


def test_label_column_fits_the_longest_name() -> None:
    chart = stacked_bars("c", TEXT, [(LONG, {"late": 2}), ("Energy", {"on-time": 1})], STATES)
    assert chart.label_width >= len(LONG) * CHAR_WIDTH
    assert all(bar.segments[0].x == chart.label_width for bar in chart.bars)
    assert chart.width >= chart.label_width + max(bar.end - chart.label_width for bar in chart.bars)


def test_label_column_has_bounds() -> None:
    assert label_width(["MFA"]) == LABEL_WIDTH
    assert label_width(["x" * 500]) == MAX_LABEL_WIDTH
    assert label_width([]) == LABEL_WIDTH
