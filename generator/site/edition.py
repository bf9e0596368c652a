"""Editions of the site: what the public may see, and what stays for official use.

The public edition holds public forms only, and drops every field marked
``"x-visibility": "internal"`` from what it shows. The internal edition holds everything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from generator.forms import FormSet
from generator.model import Form, Submission, Visibility

PUBLIC = "public"
INTERNAL = "internal"


def shows_form(form: Form | None, edition: str) -> bool:
    if form is None:
        return False
    return edition == INTERNAL or form.visibility is Visibility.PUBLIC


def visible_forms(forms: FormSet, edition: str) -> list[Form]:
    return [form for form in forms if shows_form(form, edition)]


def redact(value: Any, hidden: frozenset[str]) -> Any:
    """``value`` without any mapping key named in ``hidden``, at any depth.

    What holds no such key is shared with ``value``, not copied (documents are never
    changed in place): a report's entries stay one copy in memory when only its header
    names an internal field."""
    if isinstance(value, Mapping):
        kept = {k: redact(v, hidden) for k, v in value.items() if k not in hidden}
        same = len(kept) == len(value) and all(kept[k] is v for k, v in value.items())
        return value if same else kept
    if isinstance(value, list | tuple):
        items = [redact(item, hidden) for item in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    return value


def for_edition(
    submissions: Iterable[Submission], forms: FormSet, edition: str
) -> tuple[Submission, ...]:
    """The submissions an edition shows, with internal fields removed from the public one."""
    kept: list[Submission] = []
    for sub in submissions:
        form = forms.get(sub.kind)
        if form is None or not shows_form(form, edition):
            continue
        if edition == PUBLIC and form.internal_fields:
            sub = replace(sub, data=redact(sub.data, form.internal_fields))  # keeps ``skipped``
        kept.append(sub)
    return tuple(kept)
