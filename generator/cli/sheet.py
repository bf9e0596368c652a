"""``treaty sheet``: a form as an Excel workbook (template, export) and back (import)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.check.project import open_project
from generator.check.reporters import REPORTER_BY_NAME, ReportView
from generator.cli.options import lang_option, repo_option
from generator.drafts import resolve_target
from generator.errors import EXIT_OK, EXIT_PROBLEMS
from generator.i18n import area_strings, catalogue
from generator.sheets.files import export as export_book
from generator.sheets.files import import_book
from generator.sheets.files import template as template_book

OUT = click.Path(dir_okay=False, path_type=Path)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _write(path: Path, content: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="\n")


@click.group()
def sheet() -> None:
    """Fill a form in a spreadsheet (Excel, LibreOffice) instead of YAML.

    Example: treaty sheet template treaties-in-force --body energy --period 2025 -o energy.xlsx
    """


@sheet.command()
@click.argument("form")
@click.option("--body", required=True, help="Your body's code in registry/bodies.yaml.")
@click.option("--period", required=True, help="The reporting year, e.g. 2025.")
@click.option("--event-date", "event_date", help="Per-event forms: the event's date (YYYY-MM-DD).")
@click.option("--slug", help="Per-event forms: a short Latin name for the file.")
@click.option("-o", "--output", "out", type=OUT, required=True, help="The workbook to write.")
@lang_option
@repo_option
def template(
    form: str, body: str, period: str, event_date: str | None, slug: str | None, out: Path,
    lang: str, repo: Path,
) -> int:  # fmt: skip
    """Write an empty workbook for FORM: one sheet per table, columns labelled in Kazakh and
    Russian, dropdowns for the allowed values and treaties, and the same prefilled rows as
    'treaty new'.

    Example: treaty sheet template treaties-in-force --body energy --period 2025 -o energy.xlsx
    """
    project = open_project(repo)
    target = resolve_target(project, form, body, period, event_date=event_date, slug=slug,
                            lang=lang, today=dt.date.today())  # fmt: skip
    _write(out, template_book(project, target, lang, out.name, _now()))
    click.echo(area_strings("clerk", lang)("sheet.wrote", path=out))
    return EXIT_OK


@sheet.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", type=OUT, required=True, help="The workbook to write.")
@lang_option
@repo_option
def export(file: Path, out: Path, lang: str, repo: Path) -> int:
    """Write a report file (YAML) as a workbook, to edit and import back.

    Example: treaty sheet export submissions/2025/energy/treaties-in-force.yaml -o energy.xlsx
    """
    project = open_project(repo)
    _write(out, export_book(project, file, lang, out.name, _now()))
    click.echo(area_strings("clerk", lang)("sheet.wrote", path=out))
    return EXIT_OK


@sheet.command(name="import")
@click.argument("book", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", type=OUT, default=None,
              help="The YAML file to write (default: the file the workbook names).")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(sorted(REPORTER_BY_NAME)), default="text",
              show_default=True, help="Output format of the problems.")  # fmt: skip
@lang_option
@repo_option
def import_(book: Path, out: Path | None, fmt: str, lang: str, repo: Path) -> int:
    """Write the report file a workbook holds (replacing that file), and list its problems
    by cell (F.xlsx:Annex 1!C7), as 'treaty validate' does by line. Formulas are not
    calculated: a formula is taken as its text.

    Example: treaty sheet import energy.xlsx --lang ru
    """
    project = open_project(repo)
    found = import_book(project, book, str(book), lang, out)
    target = out if out is not None else project.root / found.rel
    _write(target, found.text)
    click.echo(area_strings("clerk", lang)("sheet.imported", path=target, sheet=book), err=True)
    view = ReportView.of(found.result, catalogue(lang), project.forms)
    click.echo(REPORTER_BY_NAME[fmt](view), nl=False)
    return EXIT_PROBLEMS if found.result.errors else EXIT_OK
