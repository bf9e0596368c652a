"""Jinja rendering of the GitHub texts (``generator/templates/github/``), autoescaped.

GitHub renders Markdown with inline HTML, so everything a ministry wrote is HTML-escaped
(autoescape) and, through the ``gfm`` filter (:func:`generator.escape.gfm_escape`), also
stripped of Markdown meaning: table pipes, emphasis, links and @mentions cannot be injected.
"""

from __future__ import annotations

from typing import Any

from generator.templating import environment


def render(template: str, **context: Any) -> str:
    return environment("github", escape_all=True).get_template(template).render(**context)
