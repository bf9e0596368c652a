"""Accessible bar charts as values; ``templates/site/chart.svg.j2`` draws them as inline SVG,
with the legend as an HTML list below (it wraps, and stays legible on a phone).

Each chart has a ``<title>``/``<desc>`` and the same numbers again in a data table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from generator.site.render import environment

# Colours with at least 4.5:1 contrast on white (WCAG AA for the legend swatches' meaning).
COLOURS: Mapping[str, str] = {
    "on-time": "#1b6e34",
    "late": "#a14f00",
    "missing": "#b00020",
    "pending": "#5c5c5c",
    "exempt": "#3b5b8c",
}
LABEL_WIDTH = 260  # the narrowest label column; widened to fit the longest label
MAX_LABEL_WIDTH = 480
CHAR_WIDTH = 7.4  # a generous average advance of a 13px sans-serif Cyrillic letter
LEGEND_STEP = 130
PLOT_WIDTH = 420
BAR_HEIGHT = 18
GAP = 8


@dataclass(frozen=True)
class BarSegment:
    x: float
    width: float
    colour: str
    label: str
    count: int


@dataclass(frozen=True)
class Bar:
    label: str
    y: int
    counts: tuple[int, ...]
    segments: tuple[BarSegment, ...]
    end: float

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class LegendKey:
    x: int
    colour: str
    label: str


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    desc: str
    table_caption: str
    row_header: str
    total_header: str
    bars: tuple[Bar, ...]
    legend: tuple[LegendKey, ...]
    width: int = LABEL_WIDTH + PLOT_WIDTH + 40
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def height(self) -> int:
        return len(self.bars) * (BAR_HEIGHT + GAP)


def label_width(labels: Sequence[str]) -> int:
    """Room for the longest label, so no body's name is cut off at the chart's left edge."""
    longest = max((len(label) for label in labels), default=0)
    return int(min(MAX_LABEL_WIDTH, max(LABEL_WIDTH, longest * CHAR_WIDTH + 16)))


def _bar(
    label: str,
    y: int,
    counts: Sequence[int],
    states: Sequence[str],
    names: Sequence[str],
    scale: float,
    start: int = LABEL_WIDTH,
) -> Bar:
    x = float(start)
    segments = []
    for state, name, count in zip(states, names, counts, strict=True):
        if count:
            segments.append(BarSegment(x, count * scale, COLOURS[state], name, count))
            x += count * scale
    return Bar(label, y, tuple(counts), tuple(segments), x)


@dataclass(frozen=True)
class ChartText:
    title: str
    desc: str
    table_caption: str
    row_header: str
    total_header: str


def stacked_bars(
    chart_id: str,
    text: ChartText,
    rows: Sequence[tuple[str, Mapping[str, int]]],
    states: Mapping[str, str],
) -> Chart:
    """One horizontal bar per row, stacked by state; ``states`` maps state to its label."""
    keys, names = list(states), list(states.values())
    largest = max((sum(counts.values()) for _, counts in rows), default=0) or 1
    scale = PLOT_WIDTH / largest
    start = label_width([label for label, _ in rows])
    bars = tuple(
        _bar(
            label,
            i * (BAR_HEIGHT + GAP),
            [counts.get(k, 0) for k in keys],
            keys,
            names,
            scale,
            start,
        )
        for i, (label, counts) in enumerate(rows)
    )
    legend = tuple(
        LegendKey(10 + i * LEGEND_STEP, COLOURS[k], names[i]) for i, k in enumerate(keys)
    )
    width = max(start + PLOT_WIDTH + 40, 20 + len(keys) * LEGEND_STEP)
    return Chart(
        chart_id,
        text.title,
        text.desc,
        text.table_caption,
        text.row_header,
        text.total_header,
        bars,
        legend,
        width=width,
        label_width=start,
    )


def chart_html(chart: Chart) -> Markup:
    """The chart's SVG and its data table, ready to place in a page."""
    return Markup(environment().get_template("chart.svg.j2").render(chart=chart))
