"""``treaty new``: start a report file at its right path, with blanks where the clerk writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.check.project import open_project
from generator.cli.options import lang_option, repo_option
from generator.drafts import make_draft, resolve_target, write_new
from generator.drafts.new import blanks
from generator.drafts.target import refuse
from generator.errors import EXIT_OK
from generator.i18n import area_strings


def required(value: str | None, what: str, option: str, example: str, lang: str) -> str:
    """The option's value, or a usage error in the clerk's language naming it."""
    if value is None or not value.strip():
        say = area_strings("clerk", lang)
        raise refuse(lang, "missing", what=say(f"usage.what_{what}"), option=option,
                     example=example)  # fmt: skip
    return value


@click.command()
@click.argument("form")
@click.option("--body", help="Your body's code in registry/bodies.yaml, e.g. energy.")
@click.option("--period", help="The reporting year, e.g. 2025.")
@click.option("--event-date", "event_date", help="Per-event forms: the event's date (YYYY-MM-DD).")
@click.option("--slug", help="Per-event forms: a short Latin name for the file, e.g. kz-eu-forum.")
@lang_option
@repo_option
def new(
    form: str, body: str | None, period: str | None, event_date: str | None, slug: str | None,
    lang: str, repo: Path,
) -> int:  # fmt: skip
    """Start a new report file for FORM at its right place under submissions/.

    The file has every field the form requires, with '' where you must write; an annual
    treaty form has one row per treaty the register assigns to the body for the period.
    'treaty validate' then lists exactly the places still to fill. An existing file is
    never overwritten (exit 2).

    Example: treaty new treaties-in-force --body energy --period 2025 --lang ru
    """
    today = dt.date.today()
    project = open_project(repo)
    code = required(body, "body", "--body", "energy", lang)
    year = required(period, "period", "--period", str(today.year - 1), lang)
    target = resolve_target(project, form, code, year, event_date=event_date, slug=slug,
                            lang=lang, today=today)  # fmt: skip
    draft = make_draft(project, target, lang)
    write_new(project.root, draft, lang)
    say = area_strings("clerk", lang)
    click.echo(say("new.written", path=draft.rel, blanks=len(blanks(project, draft))))
    click.echo(say("new.next", path=draft.rel))
    return EXIT_OK
