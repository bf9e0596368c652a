"""Jinja for the site's pages: autoescaped, with Markdown escaping for what a ministry wrote.

Pages are Markdown with raw HTML blocks. Inside HTML, Jinja's autoescape makes ``<script>``
text; in Markdown (headings, list items) the ``md`` filter escapes Markdown syntax too.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape

from generator.law.cite import cite_point
from generator.law.messages import load_catalogue
from generator.model import Text
from generator.site.texts import SiteTexts
from generator.templating import environment as templates


def environment() -> Environment:
    """The site area's environment: every template HTML-escaped, ``md`` for Markdown."""
    return templates("site", escape_all=True)


def page_url(src: str) -> str:
    """The URL (relative to the site root) MkDocs gives ``src`` with directory URLs."""
    stem = src[: -len(".md")] if src.endswith(".md") else src
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/" if src.endswith(".md") else src


def _relative(there: str, base: str) -> str:
    """``posixpath.relpath(there, base)`` for clean relative paths, without the file system
    (``relpath`` asks for the current folder on every call; pages make millions of links)."""
    to = [p for p in there.split("/") if p and p != "."]
    start = [p for p in base.split("/") if p and p != "."]
    common = 0
    while common < min(len(to), len(start)) and to[common] == start[common] != "..":
        common += 1
    rel = [".."] * (len(start) - common) + to[common:]
    return "/".join(rel) or "."


@lru_cache(maxsize=1 << 16)  # a pure function; bounded, so it holds no build alive
def link(target: str, current: str) -> str:
    """A relative link from page ``current`` to page or file ``target`` (both source paths)."""
    here = page_url(current)
    there = page_url(target)
    base = here if here == "" or here.endswith("/") else posixpath.dirname(here)
    if ".." in there.split("/"):
        rel = posixpath.relpath(there or ".", base.rstrip("/") or ".")
    else:
        rel = _relative(there, base)
    if there == "" or there.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel


def rule_link(rule: str | None, texts: SiteTexts, url: Callable[[str], str]) -> Markup:
    """The citation of a point of the Rules (:func:`generator.law.cite.cite_point`, so a
    draft point says so: "Rules p. 46, draft of 31.12.2015"), linked to its anchor on the
    text page that holds its wording; ``url`` makes a source path relative to the page."""
    if not rule:
        return Markup("")
    try:
        citation = cite_point(rule, load_catalogue(texts.lang))
    except ValueError:
        return Markup(escape(texts("rule_ref", rule=rule)))
    page, _, anchor = citation.url.partition("#")
    return Markup('<a href="{}#{}">{}</a>').format(url(f"{page}index.md"), anchor, citation.label)


def front_matter(title: str) -> str:
    """YAML front matter: the page title, HTML-escaped (MkDocs prints titles raw), and no
    table-of-contents sidebar, so the wide status tables get the room they need."""
    heading = json.dumps(str(escape(title)), ensure_ascii=False)
    return f"---\ntitle: {heading}\nhide:\n  - toc\n---\n\n"


def _helpers(src: str, texts: SiteTexts) -> dict[str, Any]:
    """What every page template gets: links from ``src``, text in the page's language."""

    def url(target: str) -> str:
        return link(target, src)

    def doc(target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(src) or ".")

    def text(value: Text | Mapping[str, Any] | str | None) -> str:
        if isinstance(value, Text):
            return value.get(texts.lang)
        if isinstance(value, Mapping):
            return Text.from_data(value).get(texts.lang)
        return "" if value is None else str(value)

    def cite(rule: str | None) -> Markup:
        """A citation of a point of the Rules, linked to that point of the text in force."""
        return rule_link(rule, texts, url)

    return {"t": texts, "url": url, "doc": doc, "text": text, "cite": cite, "lang": texts.lang}


def compile_templates() -> None:
    """Compile every page template now (processes forked after this inherit them)."""
    env = environment()
    for name in env.list_templates(extensions=["j2"]):
        env.get_template(name)


def render_html(template: str, src: str, title: str, texts: SiteTexts, **context: Any) -> str:
    """A data page's HTML content (no Markdown pass; see :mod:`generator.site.shell`)."""
    helpers = _helpers(src, texts)
    return environment().get_template(template).render(**helpers, title=title, **context)


def render_page(template: str, src: str, title: str, texts: SiteTexts, **context: Any) -> str:
    """A whole Markdown page: front matter, then the template with its helpers."""
    body = render_html(template, src, title, texts, **context)
    return front_matter(title) + body
