"""What every part of the view needs to put a value into words in one language."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.forms import FormSet
from generator.model import Form, Text
from generator.registry import Registry
from generator.report.dates import day_in_words, parse_day, words_if_date
from generator.report.document import Cell, Para, TableBlock
from generator.report.labels import ReportLabels, report_labels, value_label
from generator.report.model import Entry
from generator.report.parties import Parties
from generator.report.text import localized, one_line, plain

# Fields whose value is a state's ISO 3166-1 code (common.schema.json#/$defs/country).
COUNTRY_FIELDS = frozenset({"country", "destination"})


def join_parts(parts: Iterable[str]) -> str:
    """Parts joined by '; ', or by a space after a part that ends a sentence."""
    text = ""
    for part in parts:
        if text:
            text += " " if text[-1] in ".!?;:" else "; "
        text += part
    return text


LABELS_KEPT = 1 << 16  # value words kept by one Words (free text is seldom seen twice)


@dataclass(frozen=True)
class Words:
    """Words for values in one language. ``untranslated`` counts the texts shown in another
    language (marked "(kk)"/"(ru)"), by that language, as the view asks for them."""

    lang: str
    t: ReportLabels
    forms: FormSet
    registry: Registry
    parties: Parties = field(default_factory=Parties)
    untranslated: Counter[str] = field(default_factory=Counter, compare=False)
    labels: dict[tuple[str, str], str] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(
        cls, lang: str, forms: FormSet, registry: Registry, parties: Parties | None = None
    ) -> Words:
        return cls(lang, report_labels(lang), forms, registry, parties or Parties())

    def fallback(self, source: str) -> None:
        self.untranslated[source] += 1

    def text(self, value: object) -> str:
        if isinstance(value, Text):
            value = {k: v for k in ("kk", "ru", "en") if (v := getattr(value, k))} or None
        return one_line(localized(value, self.lang, self.fallback))

    def order(self, field: str) -> list[str]:
        """Codes of an enumerated field in the order its form lists their labels."""
        for form in self.forms:
            values = form.extra.get("values") or {}
            if isinstance(values, Mapping) and isinstance(values.get(field), Mapping):
                return [str(k) for k in values[field]]
        return []

    def value(self, field: str, code: object) -> str:
        return value_label(self.forms, field, str(code), self.lang) if code else ""

    def _label(self, name: str, code: str) -> str:
        """A value's words: the same for every entry, so found once per field and value."""
        key = (name, code)
        found = self.labels.get(key)
        if found is None:
            if len(self.labels) >= LABELS_KEPT:
                self.labels.clear()
            found = self.labels[key] = self._find_label(name, code)
        return found

    def _find_label(self, name: str, code: str) -> str:
        if name in COUNTRY_FIELDS:
            return self.parties.name(code, self.lang) or code
        return words_if_date(value_label(self.forms, name, code, self.lang), self.t)

    def plain(self, value: Any, field: str = "") -> str:
        return one_line(plain(value, self.lang, field, self._label, self.fallback))

    def day(self, value: object, attributive: bool = False) -> str:
        """A date (or YYYY-MM-DD) in words; '' for nothing."""
        text = value.isoformat() if hasattr(value, "isoformat") else str(value or "")
        found = parse_day(text)
        return day_in_words(found, self.t, attributive) if found else text

    def party_names(self, codes: Iterable[str]) -> str:
        return self.parties.names(tuple(codes), self.lang)

    def body(self, code: str) -> str:
        return self.registry.body_name(code, self.lang)

    def treaty(self, treaty_id: str | None) -> str:
        if not treaty_id:
            return self.t("no_treaty")
        return self.registry.treaty_title(treaty_id, self.lang)

    def form(self, kind: str) -> Form | None:
        return self.forms.get(kind)

    def form_title(self, kind: str) -> str:
        form = self.forms.get(kind)
        return form.title.get(self.lang) if form else kind

    def form_short(self, kind: str) -> str:
        """'Annexes 1, 2, 3' for an annex form; the title for any other."""
        form = self.forms.get(kind)
        if form is None or not form.annexes:
            return self.form_title(kind)
        return self.t("annexes_short", annexes=", ".join(str(a) for a in form.annexes))

    def table_title(self, entry: Entry) -> str:
        form = self.forms.get(entry.kind)
        table = next((t for t in form.tables if t.key == entry.table), None) if form else None
        if table is None:
            return self.form_title(entry.kind)
        return (
            self.t("annex_short", annex=table.annex) if table.annex else table.title.get(self.lang)
        )

    def content(self, entry: Entry) -> str:
        """An entry's own fields (not the register's), as 'label: value' pairs."""
        form = self.forms.get(entry.kind)
        if form is None:
            return self.plain(entry.row)
        table = next((t for t in form.tables if t.key == entry.table), None)
        fields = [c.field for c in table.columns] if table else list(entry.row)
        fields += [k for k in entry.row if k not in fields]
        parts = []
        for name in fields:
            if name == "treaty" or name.startswith("treaty.") or name in ("form", "period", "body"):
                continue
            shown = self.plain(entry.row.get(name), name)
            if shown:
                parts.append(f"{form.label(name, self.lang)}: {shown}")
        return join_parts(parts)

    def placeholder(self, key: str, **args: Any) -> Para:
        return Para(self.t(key, **args), "placeholder")

    def table(
        self, caption: str, header: Iterable[str], rows: Iterable[Iterable[object]]
    ) -> TableBlock:
        return TableBlock(
            caption=caption,
            header=tuple(header),
            rows=tuple(tuple(c if isinstance(c, Cell) else Cell(str(c)) for c in r) for r in rows),
        )
