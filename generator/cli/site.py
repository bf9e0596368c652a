"""``treaty site build|serve|deploy``: the published site (MkDocs-Material, three languages)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.cli.options import parse_day, repo_option
from generator.errors import EXIT_OK, EXIT_PROBLEMS
from generator.model import EDITIONS
from generator.site.build import SiteBuild, build_site, config_file_for, rules_versions
from generator.site.config import DOWNLOADS
from generator.site.data import load_rules
from generator.site.deploy import deploy as deploy_versions

OUTPUT = {"public": Path("build/site"), "internal": Path("build/internal")}


def _config(value: Path | None, repo: Path) -> Path:
    return config_file_for(repo, value)


def _day(value: str | None) -> dt.date:
    return parse_day(value, "--as-of") or dt.date.today()


config_option = click.option(
    "--config-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="MkDocs config (default: the repository's mkdocs.yml, else this project's).",
)  # fmt: skip
as_of_option = click.option("--as-of", "as_of", help="Status as of this day (YYYY-MM-DD).")


@click.group()
def site() -> None:
    """Build, serve or deploy the site (kk, ru and en; public and internal editions)."""


@site.command("build")
@click.option(
    "--edition",
    type=click.Choice(EDITIONS),
    default=None,
    help="Build one edition (default: both, into build/site and build/internal).",
)
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output folder (with --edition).",
)
@click.option(
    "--downloads",
    "downloads",
    multiple=True,
    type=click.Choice(DOWNLOADS),
    help="Report files to offer per period (repeatable; default: the config's, all four).",
)
@as_of_option
@config_option
@repo_option
def build_command(edition: str | None, out: Path | None, downloads: tuple[str, ...],
                  as_of: str | None, config_file: Path | None, repo: Path) -> int:  # fmt: skip
    """Build the site with `mkdocs build --strict`.

    Example: treaty site build --repo build/demo-repo
    """
    if out is not None and edition is None:
        raise click.UsageError("-o needs --edition (the two editions go to different folders)")
    day = _day(as_of)
    for name in (edition,) if edition else EDITIONS:
        target = out or OUTPUT[name]
        job = SiteBuild(repo, name, target, day, _config(config_file, repo),
                        downloads=downloads or None)  # fmt: skip
        build_site(job)
        click.echo(f"treaty site: {name} edition written to {target}", err=True)
    return EXIT_OK


@site.command("serve")
@click.option("--edition", type=click.Choice(EDITIONS), default="public", show_default=True)
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True)
@as_of_option
@config_option
@repo_option
def serve_command(edition: str, dev_addr: str, as_of: str | None, config_file: Path | None,
                  repo: Path) -> int:  # fmt: skip
    """Serve the site locally and rebuild on changes.

    Example: treaty site serve --edition internal
    """
    import logging

    from generator.site.serve import serve

    handler = logging.StreamHandler()  # MkDocs says when it rebuilds, and what went wrong
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    out = Path(OUTPUT[edition])  # replaced by a temporary folder while serving
    serve(SiteBuild(repo, edition, out, _day(as_of), _config(config_file, repo)), dev_addr)
    return EXIT_OK


@site.command("deploy")
@click.option(
    "--version",
    "version",
    default=None,
    help="Deploy only this version (default: one per edition of the Rules).",
)
@click.option("--alias", "aliases", multiple=True, help="Aliases of --version.")
@click.option("--branch", default="gh-pages", show_default=True)
@click.option("--push", is_flag=True, help="Push the branch after deploying.")
@as_of_option
@config_option
@repo_option
def deploy_command(version: str | None, aliases: tuple[str, ...], branch: str, push: bool,
                   as_of: str | None, config_file: Path | None, repo: Path) -> int:  # fmt: skip
    """Deploy the public site with mike to the gh-pages branch of the repository here.

    One version per edition of the Rules: the edition in force (alias in-force) and,
    while a draft exists, the draft (alias draft).

    Example: treaty site deploy --push
    """
    from generator.site.build import Version

    day = _day(as_of)
    job = SiteBuild(repo, "public", Path("build/site"), day, _config(config_file, repo))
    if version:
        versions: tuple[Version, ...] = (Version(version, version, aliases),)
    else:
        versions = rules_versions(load_rules(repo.resolve()), day)
    done = deploy_versions(job, versions, branch, push)
    click.echo(f"treaty site: deployed {', '.join(done)} to {branch}", err=True)
    return EXIT_OK


@site.command("links")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
def links_command(folder: Path) -> int:
    """Check every internal link of a built site; list the broken ones.

    Example: treaty site links build/site
    """
    from generator.site.links import broken_links

    broken = broken_links(folder)
    for link in broken:
        click.echo(f"{link.page}: {link.href}")
    pages = sum(1 for _ in folder.rglob("*.html"))
    click.echo(f"treaty site: {pages} pages, {len(broken)} broken links", err=True)
    return EXIT_PROBLEMS if broken else EXIT_OK
