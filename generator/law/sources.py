"""Where a reader finds a text the repository lacks: the act's page on Әділет, when known.

The address comes only from ``source.url`` in ``law/acts/*.yaml`` (never built from a
pattern or guessed); without one the output says the address is not known.
"""

from __future__ import annotations

import re

from generator.escape import md_escape
from generator.law.messages import LawCatalogue
from generator.law.model import Act

# The schema allows only addresses on adilet.zan.kz made of these characters, so an address
# can stand in a Markdown autolink as it is; anything else is treated as not known.
_SAFE_URL = re.compile(r"^https://adilet\.zan\.kz/[A-Za-z0-9_./-]*$")


def official_url(act: Act) -> str | None:
    """The act's page on the official legal information system, or None when not known."""
    url = act.source_url
    return url if url is not None and _SAFE_URL.match(url) else None


def source_note(act: Act, cat: LawCatalogue) -> str:
    """Markdown (escaped): the act's page on Әділет as a link, or "address not known"."""
    name = cat.act_name(act)
    url = official_url(act)
    if url is None:
        return md_escape(cat("source_unknown", act=name))
    return f"{md_escape(cat('source_link', act=name))} <{url}>"
