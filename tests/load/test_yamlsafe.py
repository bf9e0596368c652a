from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.load import yamlsafe
from generator.load.yamlsafe import MAX_DEPTH, StrictLoader, YamlProblem, load_yaml


def _refused(text: str) -> YamlProblem:
    with pytest.raises(YamlProblem) as caught:
        load_yaml(text)
    return caught.value


def _where(problem: YamlProblem) -> tuple[str, int, int]:
    return problem.code, problem.line, problem.column


def test_dates_stay_text_and_only_true_false_are_booleans() -> None:
    data = load_yaml("d: 2025-01-10\nc: NO\ny: yes\nt: true\nf: False\nn: 3\n")
    assert data == {"d": "2025-01-10", "c": "NO", "y": "yes", "t": True, "f": False, "n": 3}


def test_field_names_are_always_text() -> None:
    assert load_yaml("1: a\nnull: b\ntrue: c\n~: d\n") == {
        "1": "a",
        "null": "b",
        "true": "c",
        "~": "d",
    }


def test_merge_key_is_an_ordinary_field() -> None:
    assert load_yaml("<<: {a: 1}\n") == {"<<": {"a": 1}}


def test_decimal_stays_a_float() -> None:
    assert load_yaml("period: 2025.0\n") == {"period": 2025.0}


def test_duplicate_key_points_at_the_second_and_names_the_first() -> None:
    problem = _refused("a: 1\nb:\n  c: 1\n  c: 2\n")
    assert _where(problem) == ("TR103", 4, 3)
    assert problem.args_ == {"key": "c", "first_line": "3"}


def test_duplicate_key_written_differently() -> None:
    assert _where(_refused('1: a\n"1": b\n')) == ("TR103", 2, 1)


@pytest.mark.parametrize(
    ("text", "where", "tag"),
    [
        ("a: !!python/object:os.system {}\n", (1, 4), "python/object:os.system"),
        ("a: !!python/object/apply:os.system [ls]\n", (1, 4), "python/object/apply:os.system"),
        ("a: !include x.yaml\n", (1, 4), "!include"),
        ("!foo a: 1\n", (1, 1), "!foo"),
    ],
)
def test_custom_tags_are_refused(text: str, where: tuple[int, int], tag: str) -> None:
    problem = _refused(text)
    assert _where(problem) == ("TR104", *where)
    assert tag in problem.args_["tag"]


def test_alias_is_refused_at_the_first_anchor() -> None:
    assert _where(_refused("a: 1\nb: &x [1]\nc: *x\n")) == ("TR105", 2, 4)


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    assert _refused("\n".join(lines)).code == "TR105"


def test_several_documents_are_refused_at_the_separator() -> None:
    assert _where(_refused("a: 1\n---\nb: 2\n")) == ("TR107", 2, 1)


def test_tab_indentation_is_explained() -> None:
    assert _where(_refused("a:\n\t- 1\n")) == ("TR102", 2, 1)
    assert _where(_refused("a:\n  b: 1\n  \tc: 2\n")) == ("TR102", 3, 3)


def test_syntax_error_has_a_position_and_detail() -> None:
    problem = _refused("a: [1, 2\nb: 3\n")
    assert problem.code == "TR101"
    assert problem.line >= 2
    assert problem.args_["detail"]


def test_list_as_a_field_name_is_refused() -> None:
    problem = _refused("? [a, b]\n: c\n")
    assert _where(problem) == ("TR101", 1, 3)
    assert problem.args_ == {"detail": "key-not-text"}


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a: 1\n\x00\n", (2, 1)),
        ("a: ЖЖЖ\x07\n", (1, 7)),
        ("a: ok\nb: Қазақстан\x1b\n", (2, 13)),
    ],
)
def test_control_characters_are_refused_with_their_position(
    text: str, where: tuple[int, int]
) -> None:
    problem = _refused(text)
    assert _where(problem) == ("TR101", *where)
    assert problem.args_ == {"detail": "control-character"}


def test_nesting_at_the_limit_is_accepted() -> None:
    assert load_yaml("[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)) is not None
    assert load_yaml("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)) is not None


def test_nesting_beyond_the_limit_points_at_the_first_level_too_deep() -> None:
    problem = _refused("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH)
    assert _where(problem) == ("TR106", 1, 3 + MAX_DEPTH)
    assert problem.args_ == {"limit": str(MAX_DEPTH)}


@pytest.mark.parametrize(
    "text",
    ["[" * 10_000, "- " * 10_000 + "x", "{a: " * 10_000 + "x" + "}" * 10_000],
    ids=["flow-list", "block-list", "flow-map"],
)
def test_ten_thousand_levels_are_refused_at_level_forty_one(text: str) -> None:
    problem = _refused(text)
    assert problem.code == "TR106"
    assert problem.line == 1
    assert problem.column <= 4 * (MAX_DEPTH + 1)


def test_block_nesting_is_refused() -> None:
    text = "".join("  " * i + "a:\n" for i in range(MAX_DEPTH + 2))
    assert _where(_refused(text)) == ("TR106", MAX_DEPTH + 1, 2 * MAX_DEPTH + 1)


def _both_ways(text: str) -> tuple[str, str, bool]:
    """repr of the document built directly and by PyYAML's constructors; whether the
    direct builder was used."""
    loaded = []
    for direct in (True, False):
        loader = StrictLoader(text)
        loader.direct = direct
        try:
            loaded.append(repr(loader.get_single_data()))
        finally:
            loader.dispose()
    return loaded[0], loaded[1], _direct_used(text)


def _direct_used(text: str) -> bool:
    loader = StrictLoader(text)
    loader.direct = True
    try:
        loader.get_single_data()
    finally:
        loader.dispose()
    return loader.built_directly


def _texts() -> list[str]:
    texts = [
        "a: 1\nb: -0x1F\nc: 0o17\nd: 1_000\ne: 1.5e3\nf: .inf\ng: -.nan\nh: ~\ni: null\n",
        "j: true\nk: False\nl: yes\nm: NO\nn: 2025-01-10\no: '1'\np: !!str 5\nq: !!int '7'\n",
        "1: a\nnull: b\ntrue: c\n~: d\n'x': [1, {y: z}, [], {}]\n<<: {a: 1}\n",
        'r: |\n  block\n  text\ns: >\n  folded\nt: "\\u0416\\x41"\n',
        "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1),
        "- 1\n- a\n- {b: c}\n",
        "plain string",
    ]
    root = Path(__file__).resolve().parents[2]
    for path in sorted([*root.glob("tests/examples/*/*/*.yaml"), *root.glob("registry/*.yaml")]):
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
    return texts


def test_direct_builder_gives_exactly_what_the_constructors_give() -> None:
    used = 0
    for text in _texts():
        try:
            direct, standard, was_direct = _both_ways(text)
        except (yaml.YAMLError, YamlProblem, RecursionError):
            continue
        assert direct == standard, text
        used += was_direct
    assert used >= 80


@pytest.mark.parametrize(
    "text",
    ["a: !!binary aGk=\n", "a: !!set {x}\n", "a: !!timestamp 2025-01-01\n", "a: !!omap []\n"],
)
def test_types_json_does_not_have_are_refused_as_special_tags(text: str) -> None:
    problem = _refused(text)
    assert _where(problem) == ("TR104", 1, 4)
    assert problem.args_["tag"] == text[3:].split(" ", 1)[0]


@pytest.mark.parametrize(
    ("text", "where", "tag", "detail"),
    [
        ("note: !!int abc\n", (1, 7), "!!int", "value-not-its-type"),
        ("note: !!int 1.5\n", (1, 7), "!!int", "value-not-its-type"),
        ("note: !!float ''\n", (1, 7), "!!float", "value-not-its-type"),
        ("note: !!bool maybe\n", (1, 7), "!!bool", "value-not-its-type"),
        ('a:\n  - 1\n  - !!int ""\n', (3, 5), "!!int", "value-not-its-type"),
        ("a: {b: !!int 0x}\n", (1, 8), "!!int", "value-not-its-type"),
        ("n: " + "1" * 4301 + "\n", (1, 4), "!!int", "number-too-long"),
        ("n: &x 1\nm: [!!bool x]\n", (2, 5), "!!bool", "value-not-its-type"),
    ],
)
def test_a_value_its_type_cannot_hold_is_a_problem_at_the_value(
    text: str, where: tuple[int, int], tag: str, detail: str
) -> None:
    """Finding 1 of issue 15: PyYAML's constructors raise ValueError, KeyError, IndexError
    and AttributeError; each must become TR109 at the value, on both building paths."""
    problem = _refused(text)
    assert _where(problem) == ("TR109", *where)
    assert problem.args_ == {"tag": tag, "detail": detail}


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ('a: "x', 4),
        ('a: "x"', None),
        ("a: it's fine", None),
        ("a: 'it''s'", None),
        ('# a "comment', None),
        ('a: "x \\" y', 4),
        ("- 'open", 3),
        ('a: "ok" # "not a quote', None),
    ],
)
def test_a_quote_left_open_is_found_on_its_line(line: str, column: int | None) -> None:
    from generator.load.yamlsafe import _unclosed_quote

    assert _unclosed_quote(line) == column


def test_an_unclosed_quote_is_reported_where_it_opens() -> None:
    text = 'a: 1\nb: "never closed\nc: 2\nd: "x"\ne: 3\n'
    with pytest.raises(YamlProblem) as caught:
        load_yaml(text)
    assert (caught.value.code, caught.value.line, caught.value.column) == ("TR101", 2, 4)
    assert caught.value.args_["detail"] == "yaml-quote-here"


# --- the direct build from libyaml's events -------------------------------------------

_STANDARD_ONLY = [
    "a: &x 1\nb: *x\n",  # anchors and aliases
    "a: 1\na: 2\n",  # a duplicate field name
    "1: a\n'1': b\n",  # the same field name, written two ways
    "? [a]\n: 1\n",  # a list as a field name
    "=: 1\n",  # a field name that is not text
    "a: !!str 1\n",  # any tag
    "a: !!binary aGk=\n",
    "---\na: 1\n---\nb: 2\n",  # several documents
    "a: " + "1" * 5000 + "\n",  # a number too long
    "a: b: c\n",  # a syntax error
    "a:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(MAX_DEPTH)) + "  v: 1\n",
]


def _standard(text: str) -> object:
    """The document as PyYAML's composer and our constructors make it (the slow path)."""
    loader = StrictLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _typed(value: object) -> object:
    """``value`` with every scalar's type beside it (``1 == True`` must not pass)."""
    if isinstance(value, dict):
        return [(k, _typed(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return (type(value).__name__, repr(value))


@pytest.mark.parametrize("text", _STANDARD_ONLY)
def test_what_the_events_cannot_judge_goes_the_standard_way(text: str) -> None:
    with pytest.raises(yamlsafe._Unusual):
        yamlsafe._from_events(text)


def test_the_events_build_what_the_standard_path_builds() -> None:
    texts = [
        "a: 0x1F\nb: 0o17\nc: 1_000\nd: 1:30\ne: .inf\nf: -.nan\ng: 1e3\nh: 2025.0\ni: -0\n",
        "a: yes\nb: no\nc: TRUE\nd: False\ne: ~\nf: null\ng:\nh: ''\n'': x\n",
        "true: 1\nnull: 2\n3.5: x\n<<: merge-is-a-name\n",
        "- a\n- [1, {b: c}]\n- {}\n- []\n",
        "plain text\n",
        'a: |\n  two\n  lines\nb: >\n  folded\n  text\nc: "esc\\u00e9"\n',
        "d: 2025-01-10\nc: NO\nk: {kk: Мәтін, ru: Текст}\n",
    ]
    examples = Path(__file__).resolve().parents[1] / "examples"
    texts += [p.read_text("utf-8", "replace") for p in sorted(examples.rglob("*.yaml"))]
    built = 0
    for text in texts:
        try:
            direct = yamlsafe._from_events(text)
        except yamlsafe._Unusual:
            continue
        built += 1
        assert _typed(direct) == _typed(_standard(text)), text[:200]
    assert built > len(texts) // 2


def test_the_same_text_in_two_documents_is_one_object_in_memory() -> None:
    # A country's files repeat field names, codes and treaty titles year after year.
    title = "Қазақстан Республикасы мен Түркия арасындағы келісім"
    first = load_yaml(f"treaty: t-1\ntitle: '{title}'\nrows:\n- {{status: ok}}\n")
    second = load_yaml(f'treaty: t-1\ntitle: "{title}"\nrows:\n- {{status: ok}}\n')
    assert first == second
    assert first["title"] is second["title"]
    assert first["treaty"] is second["treaty"]
    assert next(iter(first["rows"][0])) is next(iter(second["rows"][0]))
    # so does a document built from its node tree (an anchor sends it there)
    third = load_yaml(f"base: &b {{status: ok}}\ntitle: '{title}'\n")
    assert third["title"] is first["title"]
