"""``treaty rules``: the Rules as versioned law (text at a date, history, redlines).

The command layer only reads options, takes today's date and prints; the work is done by
:mod:`generator.law`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import click

from generator.errors import UsageError
from generator.law.compare import diff_markdown
from generator.law.consolidate import consolidate, resolve
from generator.law.jsondata import show_json
from generator.law.load import LAW_DIR, load_law
from generator.law.messages import load_catalogue
from generator.law.model import LANGS, Law, Provision
from generator.law.render import history_markdown, show_markdown

_LANG = click.option(
    "--lang",
    type=click.Choice(LANGS),
    default="kk",
    show_default=True,
    help="Language of headings and notes (the legal text itself is Kazakh).",
)


@click.group()
@click.option(
    "--law-dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=LAW_DIR,
    show_default=False,
    help="Folder holding instrument.yaml and acts/ (default: the repository's law/).",
)
@click.pass_context
def rules(ctx: click.Context, law_dir: Path) -> None:
    """The Rules and the acts amending them: text at a date, history, redlines."""
    ctx.obj = law_dir


def _law(ctx: click.Context) -> Law:
    return load_law(ctx.find_object(Path) or LAW_DIR)


@rules.command()
@click.option(
    "--at",
    "at",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Date of the text, YYYY-MM-DD (default: today).",
)
@click.option("--with-drafts", is_flag=True, help="Apply drafts whose adoption is not recorded.")
@_LANG
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.pass_context
def show(
    ctx: click.Context, at: dt.datetime | None, with_drafts: bool, lang: str, fmt: str
) -> None:
    """Print the consolidated text of the Decree and the Rules as of a date.

    Provisions whose text the repository does not hold say so; a wording that a later act
    changed (text not held) is shown flagged "possibly superseded". JSON gives, for every
    provision, its wording, its source act and its period in force (from/to).

    Example: treaty rules show --at 2016-06-01 --with-drafts --lang en
    """
    day = at.date() if at is not None else dt.date.today()
    law = _law(ctx)
    catalogue = load_catalogue(lang)
    text = consolidate(law, day, with_drafts)
    if fmt == "json":
        click.echo(json.dumps(show_json(text, law, catalogue), ensure_ascii=False, indent=2))
    else:
        click.echo(show_markdown(text, law, catalogue).rstrip())


_POINT = re.compile(r"^(?P<number>[0-9]+)(?:\.[0-9]+)?$")


def _provisions(law: Law, ref: str | None) -> list[Provision]:
    if ref is None:
        return list(law.provisions)
    match = _POINT.match(ref)
    wanted = f"rules.p{match['number']}" if match else ref
    try:
        return [law.provision(wanted)]
    except KeyError:
        raise click.BadParameter(
            f"{ref!r}: give a point number of the Rules (46, 2.1) or an id such as "
            "rules.title, rules.ch6, decree.preamble",
            param_hint="POINT",
        ) from None


@rules.command()
@click.argument("point", required=False)
@_LANG
@click.option("--style", type=click.Choice(["md", "wdiff"]), default="md", show_default=True)
@click.pass_context
def history(ctx: click.Context, point: str | None, lang: str, style: str) -> None:
    """Print each provision's wordings, oldest first, with "as amended by" notes and a
    word-level redline against the previous known wording. Drafts are included, flagged.

    POINT is a point of the Rules (46, or 2.1 for its point) or a provision id
    (rules.title, rules.introduction, rules.ch6, decree.title, decree.preamble, decree.p1).
    Without POINT, every provision.

    Example: treaty rules history 46 --lang en
    """
    law = _law(ctx)
    click.echo(history_markdown(law, _provisions(law, point), load_catalogue(lang), style).rstrip())


@rules.command()
@click.argument("a")
@click.argument("b")
@click.option("--with-drafts", is_flag=True, help="Apply drafts when A or B is a date.")
@_LANG
@click.option(
    "--style",
    type=click.Choice(["md", "wdiff", "html"]),
    default="md",
    show_default=True,
    help="md: ~~removed~~ **inserted**; wdiff: [-removed-]{+inserted+}; html: <del>/<ins>.",
)
@click.pass_context
def diff(ctx: click.Context, a: str, b: str, with_drafts: bool, lang: str, style: str) -> None:
    """Word-level redline from text A to text B.

    A and B are each an edition id or a date. An edition id is an act's id (see
    `treaty rules history` or law/acts/): the text on the day that act took effect, drafts
    included for a draft's edition. A date (YYYY-MM-DD) is the text in force on that day
    (drafts only with --with-drafts). Only provisions that differ are printed.

    Example: treaty rules diff 2015-12-31 resolution-1144-2015
    """
    law = _law(ctx)
    try:
        old, new = resolve(law, a, with_drafts), resolve(law, b, with_drafts)
    except UsageError as error:
        raise click.BadParameter(str(error)) from None
    click.echo(diff_markdown(law, (a, b), old, new, load_catalogue(lang), style).rstrip())
