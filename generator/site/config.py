"""Options of the ``treaty-reports`` MkDocs plugin (``plugins: - treaty-reports:``)."""

from __future__ import annotations

import datetime as dt

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from generator.model import EDITIONS, LANGUAGES

DOWNLOADS = ("docx", "pdf", "csv", "json")

SITE_LANGUAGES = LANGUAGES


class TreatyReportsConfig(Config):
    enabled = c.Type(bool, default=True)

    # The data repository (schemas/, registry/, submissions/, law/); "" = the config's folder.
    repo = c.Type(str, default="")
    # public: public forms and fields only; internal: chapter 6 material too.
    edition = c.Choice(EDITIONS, default="public")
    # Language of this build; the first of ``languages`` builds the others below it.
    lang = c.Choice(SITE_LANGUAGES, default="kk")
    languages = c.ListOfItems(c.Choice(SITE_LANGUAGES), default=list(SITE_LANGUAGES))
    # Build the other languages into <site_dir>/<lang>/ after this one.
    alternates = c.Type(bool, default=True)
    # The day the status is computed for (YYYY-MM-DD); "" = today.
    as_of = c.Type((str, dt.date), default="")
    # Deployed with mike: show the version selector.
    versioned = c.Type(bool, default=False)
    # The site version's edition of the Rules (a ``law/`` act id); when that edition is a
    # draft, the Rules' main text page shows the text with the draft applied. "" = in force.
    rules_version = c.Type(str, default="")
    # The consolidated report's files offered per period and language. docx and pdf are the
    # slow ones (pandoc, typst): a national report takes about a minute each.
    downloads = c.ListOfItems(c.Choice(DOWNLOADS), default=list(DOWNLOADS))
    # Index the built site with Pagefind (the search box); off only for quick local builds.
    search = c.Type(bool, default=True)
