"""Immutable typed domain objects: bodies, treaties, forms and submissions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

# The one list of the languages and of the editions (public / for official use).
Lang = Literal["kk", "ru", "en"]
LANGUAGES: tuple[Lang, ...] = ("kk", "ru", "en")
Edition = Literal["public", "internal"]
EDITIONS: tuple[Edition, ...] = ("public", "internal")


class Cadence(StrEnum):
    ANNUAL = "annual"
    EVENT = "event"


class Visibility(StrEnum):
    PUBLIC = "public"
    INTERNAL = "internal"


@dataclass(frozen=True)
class Text:
    """A name or narrative in up to three languages; kk or ru is always present."""

    kk: str | None = None
    ru: str | None = None
    en: str | None = None

    @classmethod
    def from_data(cls, value: object) -> Text:
        if isinstance(value, Mapping):
            return cls(**{k: str(v) for k, v in value.items() if k in LANGUAGES and v})
        if isinstance(value, str):
            return cls(kk=value)
        return cls()

    def get(self, lang: str) -> str:
        """The text in ``lang``, falling back to kk, then ru, then en."""
        order = (lang, "kk", "ru", "en")
        for code in order:
            value = getattr(self, code, None)
            if value:
                return str(value)
        return ""

    def has(self, lang: str) -> bool:
        return bool(getattr(self, lang, None))


@dataclass(frozen=True)
class Body:
    code: str
    name: Text
    category: str
    maintainers: tuple[str, ...] = ()
    verified: bool = False
    consolidator: bool = False


@dataclass(frozen=True)
class Treaty:
    id: str
    title: Text
    level: str
    kind: str
    parties: tuple[str, ...]
    signed_on: dt.date | None
    signed_at: Text
    in_force_on: dt.date | None
    bodies: tuple[str, ...]
    area: str

    @property
    def in_force(self) -> bool:
        return self.in_force_on is not None


@dataclass(frozen=True)
class Column:
    field: str
    label: Text


@dataclass(frozen=True)
class Table:
    key: str
    annex: int | None
    title: Text
    columns: tuple[Column, ...]


@dataclass(frozen=True)
class RulesQuote:
    """What the Rules themselves say a form reports: verbatim Kazakh paragraphs of one point
    (``rules_quote`` in a form description), shown as a quotation cited with that point."""

    point: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Form:
    """A kind of submission, as described by ``schemas/forms/<kind>.yaml``."""

    kind: str
    schema_file: str
    cadence: Cadence
    folder: str | None
    date_field: str | None
    body_codes: tuple[str, ...]
    body_categories: tuple[str, ...]
    visibility: Visibility
    rule: str
    annexes: tuple[int, ...]
    title: Text
    description: Text
    entries: tuple[str, ...]
    treaty_status: str | None
    tables: tuple[Table, ...]
    labels: Mapping[str, Text]
    internal_fields: frozenset[str] = frozenset()
    extra: Mapping[str, Any] = field(default_factory=dict)
    short_title: Text | None = None
    quotes: tuple[RulesQuote, ...] = ()

    def short(self, lang: str) -> str:
        """The name used in narrow table columns (the full title when none is given)."""
        return (self.short_title or self.title).get(lang)

    def label(self, name: str, lang: str) -> str:
        text = self.labels.get(name)
        return text.get(lang) if text else name

    def allows(self, body: Body) -> bool:
        return body.code in self.body_codes or body.category in self.body_categories

    @property
    def treaty_table(self) -> str | None:
        """The table whose rows are the body's treaties (the form's first), if any."""
        return self.entries[0] if self.treaty_status and self.entries else None


@dataclass(frozen=True)
class Submission:
    """One valid file a body committed: its kind, period, body and parsed content."""

    path: str
    kind: str
    period: int
    body: str
    data: Mapping[str, Any]
    event_date: dt.date | None = None
    slug: str | None = None
    #: (table key, index) of the entries left out because they do not pass the checks
    skipped: frozenset[tuple[str, int]] = frozenset()

    def entries(self, form: Form) -> list[tuple[str, int, Mapping[str, Any]]]:
        """Every entry as (table key, index, row), but the skipped ones (their index is the
        row's place in the file); a file with no tables is one entry."""
        if not form.entries:
            return [("", 0, self.data)]
        rows: list[tuple[str, int, Mapping[str, Any]]] = []
        for key in form.entries:
            for index, row in enumerate(self.data.get(key) or []):
                if (key, index) not in self.skipped:
                    rows.append((key, index, row))
        return rows
