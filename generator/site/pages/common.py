"""Helpers shared by the page builders: names, values and status views in one language."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.deadlines.render import RowView, view_of
from generator.deadlines.values import StatusReport, StatusRow
from generator.model import Form
from generator.report.labels import value_label
from generator.report.text import plain
from generator.site.data import SiteData
from generator.site.shell import Item
from generator.site.texts import SiteTexts


@dataclass
class SitePages:
    """Markdown pages by source path, and the data pages, made when iterated. ``first``: the
    data pages that make what every language reuses (the reports' layouts), written before
    the other languages start (see :mod:`generator.site.parallel`)."""

    pages: dict[str, str] = field(default_factory=dict)
    data: Iterator[Item] = field(default_factory=lambda: iter(()))
    first: Iterator[Item] = field(default_factory=lambda: iter(()))


PAGER_WIDTH = 2  # pages shown either side of the current one


@dataclass(frozen=True)
class Pager:
    """The pager of page ``number`` of ``srcs``: the first and last pages, the previous and
    next, and :data:`PAGER_WIDTH` pages either side of this one, with gaps (``None``) for
    the rest; so a pager's size does not grow with the number of pages."""

    srcs: tuple[str, ...]
    number: int

    @property
    def items(self) -> tuple[tuple[int, str] | None, ...]:
        count = len(self.srcs)
        shown = {1, count, *range(self.number - PAGER_WIDTH, self.number + PAGER_WIDTH + 1)}
        for n in sorted(shown):  # a gap of one page: that page instead
            if n - 1 not in shown and n - 2 in shown:
                shown.add(n - 1)
        found: list[tuple[int, str] | None] = []
        for n in sorted(k for k in shown if 1 <= k <= count):
            if found and found[-1] is not None and found[-1][0] != n - 1:
                found.append(None)
            found.append((n, self.srcs[n - 1]))
        return tuple(found) if count > 1 else ()

    @property
    def previous(self) -> str | None:
        return self.srcs[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.srcs[self.number] if self.number < len(self.srcs) else None


STATES = ("on-time", "late", "missing", "pending", "exempt")


def rows_view(data: SiteData, rows: Iterable[StatusRow], lang: str) -> tuple[RowView, ...]:
    """Status rows with body names, form titles and state labels in ``lang``."""
    report = StatusReport(data.status.as_of, tuple(rows))
    return view_of(report, data.project, lang).rows


def state_labels(texts: SiteTexts) -> dict[str, str]:
    return {state: texts(f"state.{state}") for state in STATES}


def count_states(rows: Iterable[StatusRow]) -> dict[str, int]:
    counts = dict.fromkeys(STATES, 0)
    for row in rows:
        counts[row.state] = counts.get(row.state, 0) + 1
    return counts


def show(data: SiteData, value: Any, lang: str, field: str = "") -> str:
    """A submission value as plain text, enumerated values by their labels."""

    def label(name: str, code: str) -> str:
        return value_label(data.project.forms, name, code, lang)

    return plain(value, lang, field, label)


def form_title(data: SiteData, kind: str, lang: str) -> str:
    form = data.project.forms.get(kind)
    return form.title.get(lang) if form else kind


def visible_fields(form: Form, fields: Iterable[str], edition: str) -> list[str]:
    hidden = form.internal_fields if edition == "public" else frozenset()
    return [f for f in fields if f.split(".", 1)[0] not in hidden]
