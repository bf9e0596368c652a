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
from generator.site.shell import DataFile, DataPage
from generator.site.texts import SiteTexts


@dataclass
class SitePages:
    """Markdown pages by source path, and the data pages, made when iterated. ``first``: the
    data pages that make what every language reuses (the reports' layouts), written before
    the other languages start (see :mod:`generator.site.parallel`)."""

    pages: dict[str, str] = field(default_factory=dict)
    data: Iterator[DataPage | DataFile] = field(default_factory=lambda: iter(()))
    first: Iterator[DataPage | DataFile] = field(default_factory=lambda: iter(()))


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
