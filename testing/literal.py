"""A text full of Markdown, HTML and typography, put into the demo repository: every
output must show it exactly as written (issue 15, finding 11)."""

from __future__ import annotations

from pathlib import Path

from testing.git import git


def flat(text: str) -> str:
    return " ".join(text.split())


MEASURE_LINES = (
    "```",
    "(1) First -- second --- \"quotes\" 'single' ... it's",
    "1. item",
    "- dash",
    "* star + plus",
    "<b>bold</b> &amp; *not em* _not em_ # not a heading",
    "```",
)
PARAGRAPHS = (
    "(1) Alpha -- beta --- \"q\" 'm' ...",
    "(a) second",
    "1. one",
    "- two",
    "```",
    "<i>x</i> a) b",
    "# not a heading",
    "> not a quote",
)
FORMULA = "=1+2"
MEASURE = flat(" ".join(MEASURE_LINES))
ENERGY = "submissions/2025/energy/treaties-in-force.yaml"
ASSESSMENT = "submissions/2025/mfa/assessment.yaml"
OBLIGATIONS_AT = (
    "    ru: Обеспечение транзита энергетических материалов и продуктов, соблюдение режима "
    "защиты инвестиций.\n"
)
MEASURE_AT = (
    "      ru: В Секретариат Конференции по Энергетической хартии направлен национальный доклад.\n"
)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar of ``text``."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def put_text(repo: Path) -> None:
    """The payload into energy's first measure (en) and the MFA's assessment (en)."""
    energy = (repo / ENERGY).read_text(encoding="utf-8")
    assert MEASURE_AT in energy, "the demo file changed: pick another measure"
    measure = "\n".join(MEASURE_LINES)
    energy = energy.replace(MEASURE_AT, MEASURE_AT + f"      en: {_quoted(measure)}\n", 1)
    assert OBLIGATIONS_AT in energy, "the demo file changed: pick other obligations"
    energy = energy.replace(OBLIGATIONS_AT, OBLIGATIONS_AT + f"    en: '{FORMULA}'\n", 1)
    (repo / ENERGY).write_text(energy, encoding="utf-8")
    assessment = (repo / ASSESSMENT).read_text(encoding="utf-8")
    start = assessment.index("  en: In 2025")
    end = assessment.index("\n", start)
    written = "  en: " + _quoted("\n\n".join(PARAGRAPHS))
    (repo / ASSESSMENT).write_text(assessment[:start] + written + assessment[end:], "utf-8")
    git(repo, "commit", "-q", "-am", "energy, mfa: texts with Markdown in them")
