"""Which forms and fields an edition of the report carries.

- ``public``: the Annex 1–6 forms that are public (Form.visibility), without the fields the
  schemas mark ``"x-visibility": "internal"`` (Form.internal_fields).
- ``internal``: those forms with every field, plus the chapter-6 forms (visibility
  ``internal``) summarised in their own chapter.

Public forms with no annex (the PM Office's transmittal, point 5) come after Annex 6 and
belong to neither edition; the totals table names the forms it counts.
"""

from __future__ import annotations

from generator.forms import FormSet
from generator.model import Form, Visibility
from generator.report.model import Edition


def is_annex_form(form: Form) -> bool:
    return form.visibility is Visibility.PUBLIC and bool(form.annexes)


def report_forms(forms: FormSet, edition: Edition) -> tuple[Form, ...]:
    """The forms of an edition: annex forms by annex number, then chapter-6 forms by kind."""
    annex = sorted((f for f in forms if is_annex_form(f)), key=lambda f: (min(f.annexes), f.kind))
    if edition == "public":
        return tuple(annex)
    internal = sorted(
        (f for f in forms if f.visibility is Visibility.INTERNAL), key=lambda f: f.kind
    )
    return (*annex, *internal)


def dropped_fields(form: Form, edition: Edition) -> frozenset[str]:
    """Fields left out of an edition's copy of a form's entries."""
    return form.internal_fields if edition == "public" else frozenset()
