"""Find the citations of the Rules in an output's text and check each carries its status.

A citation is a point, points or a chapter written the way the outputs write them in each
language ("Rules p. 46", "pp. 44–49", "chapter 6"; "п. 46", "глава 6"; "46-т.",
"2-тармақтың", "6-тарау"). One that cites a provision existing only in the draft (the new
points 2, 4, 5, points 42–50, chapter 6) must be followed, within a few words, by the draft
label of its language ("draft of 31.12.2015"). Verbatim legal text is not a citation and is
left out by the callers (the Rules pages, and the quotation blocks of the form pages).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from generator.law.cite import draft_of, repository_law
from generator.law.model import LANGS

_PATTERNS = {
    "en": re.compile(
        r"(?:\bpp?\.\s*|\bpoints?\s+|\bchapter\s+)(?P<n>\d+)(?:\.\d+)?(?:\s*[–-]\s*\d+)?", re.I
    ),
    "ru": re.compile(
        r"(?:\bпп?\.\s*|\bпункт\w*\s+|\bглав\w*\s+)(?P<n>\d+)(?:\.\d+)?(?:\s*[–-]\s*\d+)?", re.I
    ),
    "kk": re.compile(
        r"(?<![\d.])(?P<n>\d+)(?:\.\d+)?(?:\s*[–-]\s*\d+)?-(?:тт\.|т\.|тармақ\w*|тарау\w*)"
    ),
}
_CHAPTER = re.compile(r"chapter|глав|тарау", re.I)
DRAFT_LABEL = {"en": "draft of 31.12.2015", "ru": "проект от 31.12.2015", "kk": "31.12.2015 жобасы"}
WINDOW = 45  # characters after a citation in which its label must appear
_QUOTES = re.compile(r'<blockquote class="tr-rules-quote".*?</blockquote>', re.S)
_DROP = re.compile(r"<script.*?</script>|<style.*?</style>", re.S)


@dataclass(frozen=True)
class Found:
    """One citation of a draft provision: where, what it says, and whether it is labelled."""

    where: str
    text: str
    labelled: bool


def draft_numbers() -> tuple[set[str], set[str]]:
    """The points and chapters whose newest wording only a draft gives (from the law data)."""
    law = repository_law()
    points = {p.number for p in law.provisions if p.kind == "point" and p.part == "rules"}
    chapters = {p.number for p in law.provisions if p.kind == "chapter"}
    return (
        {n for n in points if n and draft_of(law, f"rules.p{n}")},
        {n for n in chapters if n and draft_of(law, f"rules.ch{n}")},
    )


def plain_text(page: str) -> str:
    """An HTML page's text, without scripts, styles and the Rules' own quoted words."""
    text = _QUOTES.sub(" ", _DROP.sub(" ", page))
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def draft_citations(text: str, lang: str, where: str) -> list[Found]:
    """Every citation of a draft provision in ``text`` (plain text in ``lang``)."""
    assert lang in LANGS
    points, chapters = draft_numbers()
    found = []
    for match in _PATTERNS[lang].finditer(text):
        numbers = chapters if _CHAPTER.search(match.group(0)) else points
        if match["n"] not in numbers:
            continue
        after = text[match.start() : match.end() + WINDOW]
        snippet = text[max(0, match.start() - 40) : match.end() + WINDOW]
        found.append(Found(where, snippet, DRAFT_LABEL[lang] in after))
    return found
