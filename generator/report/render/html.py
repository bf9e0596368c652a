"""The report as one standalone HTML file (styles inlined, a print stylesheet included).

Jinja escapes what HTML reads as markup; characters that are not markup but must not
reach a reader either (NUL, ESC, ``U+FFFE``, bidirectional overrides) are written out as
``<U+XXXX>``. Validation refuses them in reports (TR110); this keeps text from elsewhere
(a register) from carrying one into the page.
"""

from __future__ import annotations

import re

from generator.check.characters import FORBIDDEN
from generator.report.document import Document
from generator.templating import environment


def _shown(match: re.Match[str]) -> str:
    return f"&lt;U+{ord(match.group()):04X}&gt;"


def to_html(doc: Document) -> str:
    page = environment("report", trim=False).get_template("report.html.j2").render(doc=doc)
    return FORBIDDEN.sub(_shown, page)
