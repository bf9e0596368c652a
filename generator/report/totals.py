"""Conservation: every entry received appears in the report exactly once.

"Received" is counted straight from the valid submissions (``Submission.entries``);
"shown" from the places the renderers iterate over (per-treaty tables, the MFA's own
sections, the chapter-6 summary). A missing or duplicated entry stops the report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from generator.errors import ConservationError
from generator.forms import FormSet
from generator.model import Submission
from generator.report.model import Entry, TotalRow, Totals


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
) -> Totals:
    """The totals table; raises :class:`ConservationError` when received and shown differ."""
    _check_unique(shown, (e.uid for e in entries))
    placed: Counter[tuple[str, str]] = Counter((e.body, e.kind) for e in shown)
    order = {kind: i for i, kind in enumerate(kinds)}
    keys = sorted(set(counted) | set(placed), key=lambda k: (k[0], order.get(k[1], 99), k[1]))
    rows = tuple(
        TotalRow(body, kind, counted[(body, kind)], placed[(body, kind)]) for body, kind in keys
    )
    result = Totals(forms=tuple(kinds), rows=rows)
    if not result.balanced:
        wrong = ", ".join(
            f"{r.body}/{r.kind}: {r.received} ≠ {r.shown}" for r in rows if not r.balanced
        )
        raise ConservationError(f"entries received and entries shown differ ({wrong})")
    return result
