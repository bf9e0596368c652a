from __future__ import annotations

import pytest

from generator.load.positions import compose, json_path, locate

TEXT = """\
form: x
annex1:
  - treaty: a
    measures:
      - text: {ru: b}
  - {treaty: c, status: done}
"""


@pytest.mark.parametrize(
    ("parts", "where"),
    [
        ((), (1, 1)),
        (("form",), (1, 7)),
        (("annex1",), (3, 3)),
        (("annex1", 0), (3, 5)),
        (("annex1", 0, "treaty"), (3, 13)),
        (("annex1", 0, "measures", 0, "text", "ru"), (5, 20)),
        (("annex1", 1, "status"), (6, 25)),
    ],
)
def test_locate_value_nodes(parts: tuple[str | int, ...], where: tuple[int, int]) -> None:
    assert locate(compose(TEXT), parts) == where


def test_locate_key_for_unknown_fields() -> None:
    assert locate(compose(TEXT), ("annex1", 1, "status"), key=True) == (6, 17)
    assert locate(compose(TEXT), ("annex1",), key=True) == (2, 1)


def test_missing_step_stops_at_the_deepest_node_that_exists() -> None:
    assert locate(compose(TEXT), ("annex1", 0, "nope", "deeper")) == (3, 5)
    assert locate(compose(TEXT), ("annex1", 7)) == (3, 3)
    assert locate(compose(TEXT), ("annex1", 0, "nope"), key=True) == (3, 5)


def test_unparsable_text_is_placed_at_the_start() -> None:
    assert compose("a: [") is None
    assert locate(None, ("a",)) == (1, 1)


def test_json_path() -> None:
    assert json_path(()) == "$"
    assert json_path(("annex1", 2, "status")) == "$.annex1[2].status"
