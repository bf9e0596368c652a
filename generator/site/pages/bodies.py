"""Per-body pages (data pages): a body's treaties, submissions and timeliness history.

A body's submissions are shown :data:`PER_PAGE` at a time: the first ones on the body's page,
the others on ``bodies/<code>/submissions/<n>/`` (n from 2), linked by a pager. A body
files about the same number of files every year, but the consolidator (the MFA) files its
report requests to the other bodies (an internal form), so in the internal edition its list
grows with the country: in ``bench/synthetic.py`` at 60 bodies, about 4,800 rows (a 1.7 MB
page unpaged).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import partial

from generator.deadlines.values import StatusRow
from generator.model import Body, Submission
from generator.site.data import SiteData
from generator.site.pages.common import (
    Pager,
    SitePages,
    count_states,
    form_title,
    rows_view,
    state_labels,
)
from generator.site.render import render_html, render_page
from generator.site.session import BuildSession
from generator.site.shell import DataPage
from generator.site.texts import SiteTexts

SOURCES = "sources"  # the submissions as published files: <edition root>/sources/<path>
PER_PAGE = 200  # submissions on one page (about 60 KB): a usual body's ten years fit on one


@dataclass(frozen=True)
class SubmissionView:
    period: int
    form: str
    day: dt.date | None
    path: str
    href: str  # the published file, relative to the language root


def _codes(data: SiteData) -> list[str]:
    found = set(data.project.registry.bodies)
    found |= {s.body for s in data.submissions} | {r.body for r in data.status.rows}
    return sorted(found)


def received_on(rows: tuple[StatusRow, ...]) -> dict[str, dt.date]:
    """When each file was received (the day its duty counts it submitted)."""
    found: dict[str, dt.date] = {}
    for row in rows:
        if row.submitted is None:
            continue
        for path in row.files:
            found.setdefault(path, row.submitted)
    return found


def source_path(sub: Submission) -> str:
    """Where a submission is published, below the edition root."""
    return f"{SOURCES}/{sub.path}"


@dataclass(frozen=True)
class BodyIndex:
    """What the body pages share in every language: rows, submissions, treaties by body."""

    rows: Mapping[str, list[StatusRow]]
    submissions: Mapping[str, list[Submission]]
    treaties: Mapping[str, list[str]]
    received: Mapping[str, dt.date]


def body_index(data: SiteData) -> BodyIndex:
    rows: dict[str, list[StatusRow]] = {}
    for row in data.status.rows:
        rows.setdefault(row.body, []).append(row)
    subs: dict[str, list[Submission]] = {}
    for sub in sorted(data.submissions, key=lambda s: (-s.period, s.kind, s.path)):
        subs.setdefault(sub.body, []).append(sub)  # newest first, as the pages list them
    treaties: dict[str, list[str]] = {}
    for treaty in data.project.registry.treaties.values():
        for code in treaty.bodies:
            treaties.setdefault(code, []).append(treaty.id)
    return BodyIndex(rows, subs, treaties, received_on(data.status.rows))


def page_src(code: str, number: int) -> str:
    """The source path of page ``number`` (from 1) of a body's submissions."""
    return f"bodies/{code}.md" if number == 1 else f"bodies/{code}/submissions/{number}.md"


def _shown(index: BodyIndex, code: str, per_page: int, number: int) -> list[Submission]:
    """The submissions page ``number`` (from 1) of a body shows."""
    start = (number - 1) * per_page
    return index.submissions.get(code, [])[start : start + per_page]


def page_count(index: BodyIndex, code: str, per_page: int) -> int:
    return max(1, -(-len(index.submissions.get(code, [])) // per_page))


def _views(
    data: SiteData, index: BodyIndex, lang: str, subs: list[Submission], up: str
) -> list[SubmissionView]:
    return [
        SubmissionView(
            s.period,
            form_title(data, s.kind, lang),
            s.event_date or index.received.get(s.path),
            s.path,
            up + source_path(s),
        )
        for s in subs
    ]


def _page_srcs(index: BodyIndex, code: str, per_page: int) -> tuple[str, ...]:
    return tuple(page_src(code, n) for n in range(1, page_count(index, code, per_page) + 1))


def _name(data: SiteData, code: str, lang: str) -> str:
    body = data.project.registry.bodies.get(code)
    return body.name.get(lang) if body else code


def _body_page(
    data: SiteData, index: BodyIndex, texts: SiteTexts, code: str, up: str, per_page: int,
    srcs: tuple[str, ...],
) -> str:  # fmt: skip
    lang = texts.lang
    body: Body | None = data.project.registry.bodies.get(code)
    rows = index.rows.get(code, [])
    submissions = _views(data, index, lang, _shown(index, code, per_page, 1), up)
    registry = data.project.registry
    treaties = sorted(
        ((t.id, t.title.get(lang) or t.id) for i in index.treaties.get(code, [])
         for t in [registry.treaties[i]]),
        key=lambda pair: (pair[1], pair[0]),
    )  # fmt: skip
    return render_html(
        "body.html.j2",
        f"bodies/{code}.md",
        body.name.get(lang) if body else code,
        texts,
        code=code,
        body=body,
        category=texts.get(f"category.{body.category}", body.category) if body else "",
        history=rows_view(data, rows, lang),
        submissions=submissions,
        treaties=treaties,
        has_calendar=bool(rows),
        paging=Pager(srcs, 1),
    )


def _more_page(
    data: SiteData, index: BodyIndex, texts: SiteTexts, code: str, up: str, per_page: int,
    srcs: tuple[str, ...], number: int,
) -> str:  # fmt: skip
    """Page ``number`` (from 2) of a body's submissions."""
    subs = _shown(index, code, per_page, number)
    src = page_src(code, number)
    return render_html(
        "body_submissions.html.j2",
        src,
        texts("pager.page_of", title=_name(data, code, texts.lang), number=number),
        texts,
        code=code,
        submissions=_views(data, index, texts.lang, subs, up),
        number=number,
        paging=Pager(srcs, number),
    )


def _data_pages(
    session: BuildSession, texts: SiteTexts, codes: list[str], per_page: int
) -> Iterator[DataPage]:
    data = session.data
    index = session.once("bodies", lambda: body_index(data))
    up = "" if texts.lang == session.options.languages[0] else "../"
    for code in codes:
        name = _name(data, code, texts.lang)
        srcs = _page_srcs(index, code, per_page)
        body = partial(_body_page, data, index, texts, code, up, per_page, srcs)
        yield DataPage(srcs[0], name, body)
        for number, src in enumerate(srcs[1:], 2):
            yield DataPage(
                src,
                texts("pager.page_of", title=name, number=number),
                partial(_more_page, data, index, texts, code, up, per_page, srcs, number),
            )


def pages(session: BuildSession, texts: SiteTexts, per_page: int = PER_PAGE) -> SitePages:
    data = session.data
    index = session.once("bodies", lambda: body_index(data))
    registry = data.project.registry
    codes = _codes(data)
    listing = [
        (code, registry.body_name(code, texts.lang), count_states(index.rows.get(code, [])))
        for code in codes
    ]
    first = render_page(
        "bodies.md.j2",
        "bodies/index.md",
        texts("bodies.title"),
        texts,
        bodies=listing,
        states=state_labels(texts),
    )
    return SitePages({"bodies/index.md": first}, _data_pages(session, texts, codes, per_page))
