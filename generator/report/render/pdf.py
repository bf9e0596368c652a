"""The report as PDF: pandoc turns the Markdown into Typst, the ``typst`` wheel compiles it.

Fonts: Liberation Serif, shipped in ``generator/fonts/`` (SIL OFL), covers every Kazakh
letter (ә ғ қ ң ө ұ ү һ і); system fonts are ignored, so every machine embeds the same
font. Headings become the PDF outline (bookmarks); pages are numbered. The creation date is
``when`` (from SOURCE_DATE_EPOCH), so the same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import typst

from generator.errors import ConfigurationError
from generator.report.document import Document
from generator.report.render.markdown import to_markdown
from generator.report.render.pandoc import run_pandoc

TYPST_LANG = {"kk": "kk", "ru": "ru", "en": "en"}


def fonts_dir() -> Path:
    return Path(str(resources.files("generator").joinpath("fonts")))


def template_path() -> Path:
    return Path(str(resources.files("generator").joinpath("templates/report/report.typ")))


def dots_filter_path() -> Path:
    """The Lua filter that keeps "..." three dots in Typst (not its ellipsis shorthand)."""
    return Path(str(resources.files("generator").joinpath("templates/report/literal-dots.lua")))


def to_typst(doc: Document, when: dt.datetime) -> str:
    args = [
        "--to=typst",
        f"--lua-filter={dots_filter_path()}",
        "--standalone",
        "--columns=40",
        f"--template={template_path()}",
        f"--metadata=pagetitle:{doc.title}",
        f"--metadata=lang:{TYPST_LANG.get(doc.lang, 'kk')}",
    ]
    return run_pandoc(to_markdown(doc, "typst"), args, when).decode("utf-8")


def to_pdf(doc: Document, when: dt.datetime) -> bytes:
    return compile_typst(to_typst(doc, when), when)


def compile_typst(source: str, when: dt.datetime) -> bytes:
    """Compile Typst source with the shipped fonts only; ``when`` is the PDF's date."""
    try:
        fonts = typst.Fonts(include_system_fonts=False, font_paths=[str(fonts_dir())])
        pdf, _warnings = typst.compile_with_warnings(
            source.encode("utf-8"),
            None,
            font_paths=fonts,
            format="pdf",
            timestamp=int(when.timestamp()),
        )
    except typst.TypstError as error:
        raise ConfigurationError(f"typst could not compile the report: {error.message}") from None
    if not isinstance(pdf, bytes):
        raise ConfigurationError("typst returned no PDF")
    return pdf
