"""Conservation: every entry submitted appears in the report exactly once, or is excluded.

"Received" is counted straight from the submissions (``Submission.entries``, which leaves
out the entries with errors); "shown" from the places the renderers iterate over
(per-treaty tables, the MFA's own sections, the chapter-6 summary); "excluded" from the
entries left out with their reasons. Entries are counted as distinct (period, body, form,
entry) keys: entries submitted = entries shown + entries excluded, and a key submitted
twice (two files for one body's annual form, say) stops the report, as does a missing
or duplicated entry.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from generator.errors import ConservationError
from generator.forms import FormSet
from generator.model import Form, Submission
from generator.report.model import Entry, Excluded, TotalRow, Totals

#: (period, body, form, entry): the entry is "annex1[3]" for an annual form (one file per
#: period, body and form), "event-reports/2025-04-22-forum:annex[0]" for a per-event one.
EntryKey = tuple[int, str, str, str]


def entry_key(form: Form, period: int, path: str, table: str, index: int) -> EntryKey:
    """The key of one entry; ``path`` is the file's (submissions/<period>/<body>/...)."""
    parts = path.split("/")
    body = parts[2] if len(parts) > 2 else ""
    entry = f"{table}[{index}]" if table else "file"
    if form.folder is not None:  # per-event: the file (without extension) names the event
        entry = f"{'/'.join(parts[3:]).rsplit('.', 1)[0]}:{entry}"
    return period, body, form.kind, entry


def _shown(key: EntryKey) -> str:
    return "/".join(str(part) for part in key)


def conserve(
    submitted: Sequence[EntryKey], shown: Sequence[EntryKey], excluded: Sequence[EntryKey]
) -> None:
    """Raise :class:`ConservationError` unless every key submitted once is shown or
    excluded, exactly once, and no key is submitted twice."""
    twice = sorted(_shown(k) for k, n in Counter(submitted).items() if n > 1)
    if twice:
        raise ConservationError(
            f"the same entry was submitted more than once: {', '.join(twice)} "
            "(one file per period, body and form)"
        )
    placed = Counter(shown) + Counter(excluded)
    wrong = sorted(
        f"{_shown(k)} ({placed[k]}×)" for k in set(submitted) | set(placed) if placed[k] != 1
    )
    if wrong or set(placed) - set(submitted):
        raise ConservationError(
            "entries submitted ≠ entries shown + entries excluded: " + ", ".join(wrong)
        )


def received(submissions: Iterable[Submission], forms: FormSet) -> Counter[tuple[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    for submission in submissions:
        form = forms.get(submission.kind)
        if form is not None:
            counts[(submission.body, submission.kind)] += len(submission.entries(form))
    return counts


def _check_unique(shown: Sequence[Entry], expected: Iterable[str]) -> None:
    uids = Counter(e.uid for e in shown)
    twice = sorted(u for u, n in uids.items() if n > 1)
    missing = sorted(set(expected) - set(uids))
    if twice or missing:
        detail = "; ".join(
            [f"shown more than once: {', '.join(twice)}"] * bool(twice)
            + [f"not shown: {', '.join(missing)}"] * bool(missing)
        )
        raise ConservationError(f"the report would not show every entry exactly once ({detail})")


def totals(
    kinds: Sequence[str],
    counted: Counter[tuple[str, str]],
    entries: Sequence[Entry],
    shown: Sequence[Entry],
    excluded: Sequence[Excluded] = (),
) -> Totals:
    """The totals table; raises :class:`ConservationError` when received and shown differ."""
    _check_unique(shown, (e.uid for e in entries))
    placed: Counter[tuple[str, str]] = Counter((e.body, e.kind) for e in shown)
    left: Counter[tuple[str, str]] = Counter((x.body, x.kind) for x in excluded if x.entry)
    order = {kind: i for i, kind in enumerate(kinds)}
    keys = sorted(
        set(counted) | set(placed) | set(left), key=lambda k: (k[0], order.get(k[1], 99), k[1])
    )
    rows = tuple(
        TotalRow(body, kind, counted[(body, kind)], placed[(body, kind)], left[(body, kind)])
        for body, kind in keys
    )
    result = Totals(forms=tuple(kinds), rows=rows)
    if not result.balanced:
        wrong = ", ".join(
            f"{r.body}/{r.kind}: {r.received} ≠ {r.shown}" for r in rows if not r.balanced
        )
        raise ConservationError(f"entries received and entries shown differ ({wrong})")
    return result
