"""The pager of the paged lists (the treaty index, a report's parts): its size is bounded."""

from __future__ import annotations

import pytest

from generator.site.pages.common import PAGER_WIDTH, Pager

SRCS = tuple(f"p/{n}.md" for n in range(1, 101))


def numbers(pager: Pager) -> list[int | None]:
    return [None if item is None else item[0] for item in pager.items]


def test_a_middle_page_shows_first_last_and_its_neighbours_with_gaps() -> None:
    assert numbers(Pager(SRCS, 50)) == [1, None, 48, 49, 50, 51, 52, None, 100]
    assert Pager(SRCS, 50).previous == "p/49.md"
    assert Pager(SRCS, 50).next == "p/51.md"


def test_the_ends_have_no_gap_next_to_them_and_no_link_past_them() -> None:
    assert numbers(Pager(SRCS, 1)) == [1, 2, 3, None, 100]
    assert Pager(SRCS, 1).previous is None
    assert numbers(Pager(SRCS, 100)) == [1, None, 98, 99, 100]
    assert Pager(SRCS, 100).next is None


def test_a_gap_of_one_page_is_not_shown_as_a_gap() -> None:
    assert numbers(Pager(SRCS[:5], 3)) == [1, 2, 3, 4, 5]
    assert numbers(Pager(SRCS[:7], 4)) == [1, 2, 3, 4, 5, 6, 7]
    assert numbers(Pager(SRCS, 5)) == [1, 2, 3, 4, 5, 6, 7, None, 100]
    assert numbers(Pager(SRCS, 96)) == [1, None, 94, 95, 96, 97, 98, 99, 100]


def test_one_page_has_no_pager() -> None:
    assert Pager(SRCS[:1], 1).items == ()


@pytest.mark.parametrize("count", [10, 100, 10_000])
def test_the_pager_does_not_grow_with_the_pages(count: int) -> None:
    srcs = tuple(f"p/{n}.md" for n in range(1, count + 1))
    assert len(Pager(srcs, count // 2).items) <= 2 * PAGER_WIDTH + 5
