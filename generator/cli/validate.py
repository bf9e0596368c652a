"""``treaty validate``: check submissions and registries."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from generator.check.project import open_project
from generator.check.reporters import REPORTER_BY_NAME, ReportView
from generator.check.validate import validate as run_validation
from generator.cli.options import lang_option, parse_day, repo_option
from generator.errors import EXIT_OK, EXIT_PROBLEMS, ConfigurationError
from generator.i18n import catalogue


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(REPORTER_BY_NAME)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--as-of",
    "as_of",
    default=None,
    help="Count files not yet on the main branch as submitted on this day (YYYY-MM-DD) "
    "and warn (TR401) when they are late.",
)
@click.option(
    "--base",
    default=None,
    help="With --as-of: the main-branch commit to compare with (default: merge base of HEAD "
    "and main).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Processes that share the work (default: one per CPU, up to 4, for 400 files or "
    "more; else 1). --jobs 1 uses least memory.",
)
@lang_option
@repo_option
def validate(
    paths: tuple[Path, ...],
    fmt: str,
    as_of: str | None,
    base: str | None,
    jobs: int | None,
    lang: str,
    repo: Path,
) -> int:
    """Check report files against their forms and the registers.

    With no PATH, checks every file under submissions/ and registry/.

    With --as-of, a late new file gets a warning with the days late; it does not fail.

    Example: treaty validate submissions/2025/energy --lang ru
    """
    project = open_project(repo)
    result = run_validation(project, [str(p) for p in paths], processes=jobs)
    day = parse_day(as_of, "--as-of")
    if day is not None:
        from generator.deadlines.arrivals import pending_lateness  # the calendar loads slowly

        result = result.with_problems(
            pending_lateness(project, [f.rel for f in result.files], day, base)
        )
    view = ReportView.of(result, catalogue(lang), project.forms, _citer(project.root, lang))
    click.echo(REPORTER_BY_NAME[fmt](view), nl=False)
    return EXIT_PROBLEMS if result.errors else EXIT_OK


def _citer(root: Path, lang: str) -> Callable[[str], str]:
    """Cite the Rules from the checked repository's own ``law/`` (a ministry's clone, where
    pre-commit installs this package without the data beside it), else from this package's
    checkout; with neither, a point is cited by its number as written. The law is read
    only when a problem cites it."""
    found: list[Callable[[str], str]] = []

    def cite(ref: str) -> str:
        if not found:
            found.append(_law_citer(root, lang))
        return found[0](ref)

    return cite


def _law_citer(root: Path, lang: str) -> Callable[[str], str]:
    # imported late: forked workers need not load the law
    from generator.law.cite import citer
    from generator.law.load import LAW_DIR, load_law

    own = root / "law"
    for law_dir in (own, LAW_DIR) if own.resolve() != LAW_DIR.resolve() else (LAW_DIR,):
        if (law_dir / "instrument.yaml").is_file():
            try:
                return citer(lang, load_law(law_dir, law_dir.parent / "schemas"))
            except ConfigurationError:
                continue
    return str
