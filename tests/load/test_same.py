from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load.same import same_document
from generator.load.yamlsafe import YamlProblem, load_yaml

PERIOD = frozenset({"period"})
BASE = "form: x\nperiod: 2024\nrows:\n  - {n: 1, text: a}\n  - {n: 2, text: b}\n"


def _loader_says(text: str, data: dict[str, Any]) -> bool:
    try:
        old = load_yaml(text)
    except YamlProblem:
        return False
    if not isinstance(old, dict):
        return False
    return {k: v for k, v in old.items() if k != "period"} == {
        k: v for k, v in data.items() if k != "period"
    }


NEW = load_yaml(BASE.replace("2024", "2025"))


@pytest.mark.parametrize(
    ("text", "same"),
    [
        (BASE, True),
        # the same data written differently: block style, other order, quotes, comments
        ("# c\nrows:\n- text: a\n  n: 1\n- {text: 'b', n: 2}\nperiod: 1999\nform: \"x\"\n", True),
        ("form: x\nrows:\n  - {n: 1, text: a}\n  - {n: 2, text: b}\n", True),  # no period
        (BASE.replace("text: b", "text: c"), False),
        (BASE.replace("n: 2", "n: '2'"), False),  # text, not a number
        (BASE + "extra: 1\n", False),
        (BASE.replace("form: x\n", ""), False),
        (BASE + "  - {n: 3, text: c}\n", False),
        (BASE.replace("  - {n: 2, text: b}\n", ""), False),
        (BASE.replace("rows:", "rows: {}\nold:"), False),
        ("- a\n- b\n", False),
        ("just text\n", False),
        (BASE.replace("period: 2024", "period: [2024, {a: 1}]"), True),
        # what the direct builder leaves to the standard loader: decided by loading it
        (BASE.replace("{n: 1, text: a}", "&a {n: 1, text: a}"), True),  # an unused anchor
        (BASE.replace("form: x", "form: !!str x"), True),
        (BASE + "form: y\n", False),  # a duplicate field (TR103)
        ("form: x\nrows: [&a {n: 1, text: a}, *a]\n", False),  # an alias (TR105)
        (BASE.replace("text: b", "text: [b"), False),  # a syntax error
        (BASE.replace("text: a", "text: a\x00"), False),  # a control character
    ],
)
def test_the_answer_is_the_loaders(text: str, same: bool) -> None:
    assert _loader_says(text, NEW) is same
    assert same_document(text, NEW, PERIOD) is same


def test_a_difference_deep_down_is_found() -> None:
    deep = "a:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(30)) + "  " * 31 + "v\n"
    data = load_yaml(deep)
    assert same_document(deep, data, PERIOD)
    assert not same_document(deep.replace(" v\n", " w\n"), data, PERIOD)


_SCALARS = st.one_of(
    st.integers(-3, 3), st.booleans(), st.none(), st.sampled_from(["1", "yes", "no", "", "a"])
)
_DOCS = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["a", "b", "period", "1"]), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.sampled_from(["a", "b", "period"]), _DOCS, max_size=3),
    st.dictionaries(st.sampled_from(["a", "b", "period"]), _DOCS, max_size=3),
    st.booleans(),
)
def test_any_two_documents_compare_as_the_loader_compares_them(
    old: dict[str, Any], new: dict[str, Any], flow: bool
) -> None:
    text = yaml.safe_dump(old, default_flow_style=flow, sort_keys=False)
    data = load_yaml(yaml.safe_dump(new, sort_keys=False))
    assert same_document(text, data, PERIOD) is _loader_says(text, data)
    assert same_document(text, load_yaml(text), PERIOD)
