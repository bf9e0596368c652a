"""The report as one standalone HTML file (styles inlined, a print stylesheet included)."""

from __future__ import annotations

from functools import cache

import jinja2

from generator.report.document import Document


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates/report"),
        autoescape=jinja2.select_autoescape(["html", "html.j2"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def to_html(doc: Document) -> str:
    return environment().get_template("report.html.j2").render(doc=doc)
