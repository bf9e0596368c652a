"""Jinja rendering of the GitHub texts (``generator/templates/github/``), autoescaped.

GitHub renders Markdown with inline HTML, so everything a ministry wrote is HTML-escaped
(autoescape) and, through the ``md`` filter, also stripped of Markdown meaning: table pipes,
emphasis, links and @mentions cannot be injected.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def md(value: object) -> Markup:
    """Plain text safe inside Markdown (and a table cell): escaped, one line."""
    text = _MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))
    text = re.sub(r"^([#>+-])", r"\\\1", text)
    return Markup(str(escape(text)).replace("@", "@\u200b"))


def code(value: object) -> Markup:
    """A path or identifier as inline code; backticks cannot occur in it."""
    text = " ".join(str(value).replace("`", "'").split())
    return Markup(f"<code>{escape(text)}</code>")


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates/github"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md
    env.filters["code"] = code
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
