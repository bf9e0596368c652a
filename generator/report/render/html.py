"""The report as one standalone HTML file (styles inlined, a print stylesheet included)."""

from __future__ import annotations

from generator.report.document import Document
from generator.templating import environment


def to_html(doc: Document) -> str:
    return environment("report", trim=False).get_template("report.html.j2").render(doc=doc)
