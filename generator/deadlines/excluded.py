"""What the report and the site leave out, as ``treaty status`` lists it beside the rows.

A submission file with errors still counts as received (its time is on record), but what
does not pass the checks is not shown: the whole file when an error concerns it as a
whole (it does not parse, its header is wrong), or only the entries that have errors.
Files that only leave out a treaty the register assigns (TR318/TR319) are shown whole and
are not listed here (the report lists those omissions).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.check.validate import FileResult, ValidationResult
from generator.deadlines.values import ExcludedFile
from generator.forms import FormSet
from generator.model import Form
from generator.paths import FilePlace, place_of

_PERIOD = re.compile(r"^submissions/(\d{4})/")


def _period(rel: str) -> int | None:
    match = _PERIOD.match(rel)
    return int(match[1]) if match else None


def _form(file: FileResult, forms: FormSet) -> Form | None:
    """The file's form; from its path when the file did not parse far enough to be placed."""
    place = file.place or place_of(file.rel, forms, set(forms.schemas))
    return forms.get(place.kind) if isinstance(place, FilePlace) else None


def excluded_of(file: FileResult, form: Form | None) -> ExcludedFile | None:
    """The file as listed when something of it is left out; None when it is shown whole."""
    if file.valid:
        return None
    errors = file.entry_errors(form) if form is not None else None
    if errors is None:
        whole = tuple(p for p in file.problems if p.is_error)
        return ExcludedFile(file.rel, whole, kind=form.kind if form else "")
    if not errors:  # only omissions: the file is shown as it is
        return None
    entries = tuple(f"{table}[{index}]" for table, index in sorted(errors))
    problems = tuple(p for key in sorted(errors) for p in errors[key])
    return ExcludedFile(file.rel, problems, entries, form.kind if form else "")


def excluded_files(
    result: ValidationResult,
    forms: FormSet,
    period: int | None = None,
    shown: Callable[[Form | None], bool] = lambda _form: True,
) -> tuple[ExcludedFile, ...]:
    """Every submission file (of ``period``, if given) of which something is left out.

    ``shown`` says whether the edition shows a form (None: no form fits the file's path);
    an internal form's files are not named in the public edition."""
    found = []
    for file in result.files:
        if file.valid or not file.rel.startswith("submissions/"):
            continue
        if period is not None and _period(file.rel) != period:
            continue
        form = _form(file, forms)
        if not shown(form):
            continue
        item = excluded_of(file, form)
        if item is not None:
            found.append(item)
    return tuple(sorted(found, key=lambda x: x.path))
