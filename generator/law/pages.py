"""Site pages for the Rules: {relative page path: Markdown}, for the site plugin to add.

Pages (paths relative to the docs root; one call per language):

- ``rules/index.md``: entry page, pending-changes box, list of editions;
- ``rules/in-force/index.md``: the text in force on ``today`` (drafts not applied);
- ``rules/<edition-id>/index.md``: the text on the day each act took effect;
- ``rules/timeline.md``: the acts, their status and certainty;
- ``rules/acts/<act-id>.md``: each act, with its own text when held (see
  :mod:`generator.law.act_pages`);
- ``rules/history/index.md`` and ``rules/history/<provision-id>.md``: each provision's
  wordings with redlines (``<del>``/``<ins>``).

Every text page has an anchor per provision (``p-46``, ``ch-6``, ``rules-title``), see
:mod:`generator.law.cite`. The Markdown needs the admonition and attr_list extensions.
"""

from __future__ import annotations

import datetime as dt

from generator.escape import md_escape
from generator.law.act_pages import act_pages, changes, guessed_date, takes_effect
from generator.law.cite import IN_FORCE
from generator.law.consolidate import consolidate, editions
from generator.law.messages import LawCatalogue
from generator.law.model import Act, Law
from generator.law.render import (
    act_page,
    environment,
    history_markdown,
    pending_boxes,
    show_markdown,
)


def build_pages(law: Law, cat: LawCatalogue, today: dt.date, version: str = "") -> dict[str, str]:
    """Every page of the Rules section in the catalogue's language.

    ``version`` is the site version's edition (an act id): when it is a draft's edition,
    the main text page shows today's text with the drafts applied, so the ``draft`` version
    of the site reads as the Rules would if the draft were adopted.
    """
    drafts = any(e.id == version and e.drafts for e in editions(law))
    main_text = show_markdown(consolidate(law, today, drafts), law, cat, True)
    pages = {
        "rules/index.md": index_page(law, cat, today),
        f"rules/{IN_FORCE}/index.md": main_text,
        "rules/timeline.md": timeline_page(law, cat),
        "rules/history/index.md": history_index(law, cat),
    }
    for edition in editions(law):
        text = consolidate(law, edition.date, edition.drafts)
        pages[f"rules/{edition.id}/index.md"] = show_markdown(text, law, cat, True)
    for provision in law.provisions:
        pages[f"rules/history/{provision.id}.md"] = history_markdown(
            law, [provision], cat, style="html"
        )
    pages.update(act_pages(law, cat))
    return pages


def index_page(law: Law, cat: LawCatalogue, today: dt.date) -> str:
    links = [
        (
            md_escape(
                cat(
                    "edition_link_draft" if e.drafts else "edition_link",
                    date=e.date.isoformat(),
                    act=cat.act_name(law.act(e.act), "from"),
                )
            ),
            f"{e.id}/index.md",
        )
        for e in editions(law)
    ]
    return (
        environment()
        .get_template("index.md.j2")
        .render(
            title=md_escape(cat("instrument")),
            boxes=pending_boxes(consolidate(law, today), law, cat, for_site=True),
            in_force=md_escape(cat("edition_in_force")),
            timeline=md_escape(cat("timeline_heading")),
            history=md_escape(cat("history_index_heading")),
            editions_heading=md_escape(cat("editions_heading")),
            editions=links,
        )
    )


def _row(act: Act, law: Law, cat: LawCatalogue) -> list[str]:
    cells = [
        guessed_date(act, cat),
        cat(f"status_{act.status}"),
        takes_effect(act, cat),
        cat(f"certainty_{act.certainty}"),
        changes(act, law, cat),
    ]
    name = f"[{md_escape(cat.act_name(act))}]({act_page(act.id)})"
    escaped = [md_escape(c).replace("|", "\\|") for c in cells]
    return [escaped[0], name, *escaped[1:]]


def timeline_page(law: Law, cat: LawCatalogue) -> str:
    keys = ("date", "act", "status", "in_force", "certainty", "changes")
    acts = [
        {
            "id": act.id,
            "name": md_escape(cat.act_name(act)),
            "notes": [md_escape(n.text(cat.lang)) for n in act.notes],
        }
        for act in law.acts
        if act.notes
    ]
    return (
        environment()
        .get_template("timeline.md.j2")
        .render(
            heading=md_escape(cat("timeline_heading")),
            columns=[md_escape(cat(f"timeline_{key}")) for key in keys],
            rows=[_row(act, law, cat) for act in law.acts],
            notes=acts,
        )
    )


def history_index(law: Law, cat: LawCatalogue) -> str:
    lines = [f"# {md_escape(cat('history_index_heading'))}", ""]
    lines += [f"- [{md_escape(cat.provision_name(p))}]({p.id}.md)" for p in law.provisions]
    return "\n".join(lines) + "\n"
