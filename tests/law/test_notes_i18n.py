"""Editorial notes in law/ are in Kazakh, Russian and English, and each language's output
shows its own: ``treaty rules show --lang kk`` prints no sentence of an English note.

Notes are the editors' own words, not legal text; the legal text stays Kazakh only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from generator.cli.main import cli as treaty
from generator.law.load import LAW_DIR, load_law
from generator.law.messages import load_catalogue
from generator.law.model import LANGS, Law, Note
from generator.law.pages import build_pages
from generator.load.yamlsafe import load_yaml
from tests.law.helpers import squash, unescape_md

KAZAKH_LETTER = re.compile(r"[ӘәҒғҚқҢңӨөҰұҮүҺһІі]")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+")
# Dates that bring every kind of note into `show`: an amendment whose text is not held
# (instruction notes), the quoted titles (quote notes), and the draft (its act notes).
SHOW_RUNS = (
    ("--at", "2015-06-01"),
    ("--at", "2016-01-01"),
    ("--at", "2016-01-01", "--with-drafts"),
    ("--at", "2026-01-01", "--with-drafts"),
)
SITE_DAY = dt.date(2026, 1, 1)


def law_files(law_dir: Path) -> list[Path]:
    return [law_dir / "instrument.yaml", *sorted((law_dir / "acts").glob("*.yaml"))]


def _is_language_map(value: Mapping[str, Any]) -> bool:
    return bool(value) and set(value) <= set(LANGS)


def editorial_notes(data: Any, where: str = "") -> Iterator[tuple[str, Any]]:
    """Every note in a law file: each item of a ``notes`` list, and any other mapping
    whose keys are only language codes (a translated text), with its JSON path."""
    if isinstance(data, Mapping):
        if _is_language_map(data):
            yield where or "/", data
            return
        for key, value in data.items():
            if key in ("notes", "note") and isinstance(value, list):
                for index, item in enumerate(value):
                    yield f"{where}/{key}/{index}", item
            else:
                yield from editorial_notes(value, f"{where}/{key}")
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from editorial_notes(item, f"{where}/{index}")


def _language_problems(note: Any) -> list[str]:
    if not isinstance(note, Mapping):
        return ["is not a mapping of languages"]
    texts = {lang: str(note.get(lang) or "").strip() for lang in LANGS}
    problems = [f"no {lang}" for lang in LANGS if not texts[lang]]
    if texts["kk"] and not KAZAKH_LETTER.search(texts["kk"]):
        problems.append("kk has no Kazakh letter (ә ғ қ ң ө ұ ү һ і)")
    if texts["ru"] and not CYRILLIC.search(texts["ru"]):
        problems.append("ru is not in Cyrillic")
    if texts["kk"] and texts["kk"] in (texts["ru"], texts["en"]):
        problems.append("kk repeats another language")
    return problems


def note_problems(law_dir: Path) -> list[str]:
    """``file: /json/path: problem`` for every note lacking kk, ru or en."""
    problems = []
    for path in law_files(law_dir):
        data = load_yaml(path.read_text(encoding="utf-8"))
        for where, note in editorial_notes(data):
            problems += [f"{path.name}: {where}: {p}" for p in _language_problems(note)]
    return problems


def count_notes(law_dir: Path) -> int:
    files = law_files(law_dir)
    return sum(len(list(editorial_notes(load_yaml(p.read_text(encoding="utf-8"))))) for p in files)


def model_notes(law: Law) -> list[Note]:
    notes = [*law.notes, *(n for p in law.provisions for n in p.notes)]
    for act in law.acts:
        notes += act.notes
        notes += [n for i in act.instructions for n in i.notes]
        notes += [n for q in act.quotes for n in q.notes]
    return notes


def shown_notes(law: Law) -> list[Note]:
    """The notes the CLI and the site print: acts', instructions' and quotes'."""
    notes = [n for act in law.acts for n in act.notes]
    for act in law.acts:
        notes += [n for i in act.instructions for n in i.notes]
        notes += [n for q in act.quotes for n in q.notes]
    return notes


def english_sentences(note: Note) -> list[str]:
    """The sentences of a note's English text that contain English words."""
    sentences = SENTENCE_END.split(squash(note.texts["en"]))
    return [s for s in sentences if len(ENGLISH_WORD.findall(s)) >= 2]


def cli(*args: str) -> str:
    result = CliRunner().invoke(treaty, ["rules", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def rendered(law_dir: Path, lang: str) -> str:
    """Everything `treaty rules show` and `history` print in ``lang``, and the site pages."""
    base = ("--law-dir", str(law_dir))
    outputs = [cli(*base, "show", "--lang", lang, *run) for run in SHOW_RUNS]
    outputs.append(cli(*base, "history", "--lang", lang))
    pages = build_pages(load_law(law_dir), load_catalogue(lang), SITE_DAY)
    outputs += pages.values()
    return squash(unescape_md("\n".join(outputs)))


def english_in(output: str, law: Law) -> list[str]:
    return [s for n in model_notes(law) for s in english_sentences(n) if s in output]


def test_every_editorial_note_in_law_has_kk_ru_and_en(law: Law) -> None:
    assert note_problems(LAW_DIR) == []
    assert count_notes(LAW_DIR) == len(model_notes(law)) > 0


def test_a_note_lacking_kk_or_written_in_russian_as_kk_is_reported(law_copy: Path) -> None:
    path = law_copy / "acts" / "2023-04-13-decree-195.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  kk: Жарлықтың кіріспесін өзгертті.\n", ""), encoding="utf-8")
    instrument = law_copy / "instrument.yaml"
    data = load_yaml(instrument.read_text(encoding="utf-8"))
    data["notes"][1]["kk"] = data["notes"][1]["ru"]
    instrument.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert note_problems(law_copy) == [
        "instrument.yaml: /notes/1: kk has no Kazakh letter (ә ғ қ ң ө ұ ү һ і)",
        "instrument.yaml: /notes/1: kk repeats another language",
        "2023-04-13-decree-195.yaml: /notes/0: no kk",
    ]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_output_has_no_sentence_of_an_english_note(law: Law, lang: str) -> None:
    output = rendered(LAW_DIR, lang)
    assert english_in(output, law) == []
    for note in shown_notes(law):
        assert squash(note.texts[lang]) in output


def test_english_output_shows_the_english_notes(law: Law) -> None:
    output = rendered(LAW_DIR, "en")
    for note in shown_notes(law):
        assert squash(note.texts["en"]) in output
        assert squash(note.texts["kk"]) not in output


def test_a_missing_kk_note_would_show_english_in_kazakh_output(law_copy: Path) -> None:
    path = law_copy / "acts" / "2015-12-31-resolution-1144.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    kk: Жарлықтың 2015 жылғы 31 желтоқсандағы")
    end = text.index("- provision: rules.title")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    copy = load_law(law_copy)
    found = english_in(rendered(law_copy, "kk"), copy)
    assert found == english_sentences(copy.act("resolution-1144-2015").quotes[0].notes[0])
    assert found
