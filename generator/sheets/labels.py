"""Words on the sheets: sheet names, column labels (kk and ru), the read-me lines."""

from __future__ import annotations

import re

from generator.forms import FormSet
from generator.i18n import area_strings
from generator.model import LANGUAGES
from generator.sheets.layout import Layout, Leaf, TableLayout

NOT_IN_NAMES = re.compile(r"[\[\]:*?/\\']")
LABEL_LANGS = ("kk", "ru")  # the two header rows of a table, the two label columns


def leaf_label(forms: FormSet, leaf: Leaf, lang: str) -> str:
    """``Measures — Text (In Kazakh)`` for ``annex1[].measures[].text.kk``."""
    names = [leaf.inner] if leaf.inner else []
    names += [p for p in leaf.parts if p not in LANGUAGES]
    words = " — ".join(forms.label(name, lang) for name in names)
    code = leaf.parts[-1]
    return f"{words} ({forms.label(code, lang)})" if code in LANGUAGES else words


def _clean(name: str) -> str:
    return NOT_IN_NAMES.sub(" ", name).strip()[:31] or "-"


def table_title(forms: FormSet, layout: Layout, table: TableLayout, lang: str) -> str:
    form_table = next((t for t in layout.form.tables if t.key == table.key), None)
    if form_table is not None and form_table.annex is not None:
        return _clean(area_strings("clerk", lang)("sheet.annex", n=form_table.annex))
    return _clean(forms.label(table.key, lang))


def sheet_titles(forms: FormSet, layout: Layout, lang: str) -> dict[str, str]:
    """Sheet names by role: ``readme``, ``general``, ``lists`` and each table's key."""
    say = area_strings("clerk", lang)
    titles = {"readme": _clean(say("sheet.readme")), "general": _clean(say("sheet.general")),
              "lists": _clean(say("sheet.lists"))}  # fmt: skip
    taken = set(titles.values())
    for table in layout.tables:
        title = table_title(forms, layout, table, lang)
        base, n = title, 2
        while title in taken:
            title, n = f"{base[:28]} {n}", n + 1
        taken.add(title)
        titles[table.key] = title
    return titles
