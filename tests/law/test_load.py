"""Loading law/: the model matches the source, and broken data is refused with a file name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.errors import ConfigurationError
from generator.law.load import load_law
from generator.law.model import Law
from tests.law.helpers import FIXTURES, squash

_SPACED = re.compile(r"(?<!\w)\w(?: \w(?!\w))+")
_WORD = re.compile(r"\w+(?:-\w+)*")


def normalise(text: str, keep_quotes: bool = False) -> str:
    """Drop markup (bold, italics, letter-spacing), quotation marks and extra whitespace."""
    text = text.replace("*", "")
    groups = re.split(r" ?\xa0[ \xa0]*", text)
    text = " ".join(_SPACED.sub(lambda m: m.group(0).replace(" ", ""), g) for g in groups)
    return squash(text if keep_quotes else re.sub(r"[«»\"]", " ", text))


def _source() -> str:
    return normalise((FIXTURES / "resolution-1144.kk.md").read_text(encoding="utf-8"))


def _model(law: Law) -> str:
    return normalise(" ".join(law.act("resolution-1144-2015").body_parts()))


def test_every_sentence_of_the_act_is_in_the_model(law: Law) -> None:
    model = _model(law)
    fragments = [squash(f) for f in re.split(r"[.;:](?=\s|$)", _source())]
    sentences = [f for f in fragments if re.search(r"\w{2}", f)]
    assert len(sentences) > 60
    missing = [s for s in sentences if s not in model]
    assert missing == []


def test_the_model_holds_every_word_of_the_act_in_order(law: Law) -> None:
    assert _WORD.findall(_model(law)) == _WORD.findall(_source())


def test_the_publishers_footer_is_not_part_of_the_act(law: Law) -> None:
    assert "©" not in _model(law)
    assert "ШЖҚ РМҚ" not in _model(law)


def test_acts_are_in_date_order(law: Law) -> None:
    assert [act.id for act in law.acts] == [
        "decree-1037-2010",
        "amendment-2013",
        "decree-23-2015",
        "resolution-1144-2015",
        "decree-786-2022",
        "decree-195-2023",
    ]


def test_the_seed_is_a_draft_with_an_empty_adoption_record(law: Law) -> None:
    seed = law.act("resolution-1144-2015")
    assert seed.status == "draft" and seed.is_draft
    assert seed.adoption is not None and not seed.adoption.recorded
    assert seed.adoption.number is None
    assert any("No. 175" in note.text("en") for note in seed.notes)


def test_a_bad_date_is_refused_with_the_file_name(law_copy: Path) -> None:
    path = law_copy / "acts" / "2023-04-13-decree-195.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("2023-04-13", "2023-13-01"))
    with pytest.raises(ConfigurationError, match=r"2023-04-13-decree-195\.yaml"):
        load_law(law_copy)


def test_a_schema_violation_is_refused_with_the_path(law_copy: Path) -> None:
    path = law_copy / "acts" / "2023-04-13-decree-195.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: in-force", "status: x"))
    with pytest.raises(ConfigurationError, match="status"):
        load_law(law_copy)


def test_an_unknown_provision_is_refused(law_copy: Path) -> None:
    path = law_copy / "acts" / "2023-04-13-decree-195.yaml"
    text = path.read_text(encoding="utf-8").replace("[decree.preamble]", "[decree.p9]")
    path.write_text(text)
    with pytest.raises(ConfigurationError, match=r"decree\.p9"):
        load_law(law_copy)


def test_no_wording_closes_a_quotation_it_never_opened(law: Law) -> None:
    """Guards against dropping an opening « together with the act's own quotation marks."""
    for instruction in law.act("resolution-1144-2015").instructions:
        for target, paragraphs in instruction.wordings.items():
            marks = [c for c in " ".join(paragraphs) if c in "«»"]
            assert marks[:1] != ["»"], f"{target} starts with a closing »"


def test_the_new_preamble_keeps_its_opening_guillemet(law: Law) -> None:
    instruction = next(
        i for i in law.act("resolution-1144-2015").instructions if "decree.preamble" in i.targets
    )
    wording = instruction.wordings["decree.preamble"][0]
    assert wording.startswith("«Қазақстан Республикасының дипломатиялық қызметі туралы» 2002")
    source = (FIXTURES / "resolution-1144.kk.md").read_text(encoding="utf-8")
    assert f"жазылсын: {wording} » ;" in normalise(source, keep_quotes=True)


def test_the_2013_date_is_marked_as_a_guess(law: Law) -> None:
    amendment = law.act("amendment-2013")
    assert amendment.date_guessed and not amendment.scope_known
    assert amendment.source_url is None
    assert any("guess" in note.text("en") for note in amendment.notes)
    assert not any(act.date_guessed for act in law.acts if act.id != "amendment-2013")


def test_addresses_on_adilet_are_recorded_only_where_known(law: Law) -> None:
    known = {act.id: act.source_url for act in law.acts if act.source_url}
    assert set(known) == {"decree-1037-2010", "decree-23-2015", "resolution-1144-2015",
                          "decree-786-2022"}  # fmt: skip
    assert all(url.startswith("https://adilet.zan.kz/") for url in known.values())
    for act in law.acts:
        if act.source_url:  # the act's own number is in its address
            assert act.number and act.number in act.source_url, act.id
