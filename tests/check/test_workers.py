"""Chunks of work shared by forked processes: the same results, in order, whatever happens."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence

import pytest

from generator.check import workers
from generator.check.workers import can_fork, map_chunks

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs the fork start method")


def _tagged(items: Sequence[int]) -> list[tuple[int, int]]:
    """Each item squared, with the process that computed it."""
    return [(item * item, os.getpid()) for item in items]


def test_results_come_back_in_order_from_both_processes() -> None:
    parent = os.getpid()

    def slow_here(items: Sequence[int]) -> list[tuple[int, int]]:
        if os.getpid() == parent:
            time.sleep(0.05)  # leave the child time to start and take its share
        return _tagged(items)

    found = map_chunks(slow_here, list(range(200)), processes=2, chunk=5)
    assert [value for value, _ in found] == [n * n for n in range(200)]
    assert len({pid for _, pid in found}) == 2  # a child did some of the chunks


def test_one_process_or_one_chunk_runs_here() -> None:
    for processes, chunk in ((1, 5), (2, 500)):
        found = map_chunks(_tagged, list(range(50)), processes, chunk)
        assert [v for v, _ in found] == [n * n for n in range(50)]
        assert {pid for _, pid in found} == {os.getpid()}


def test_a_child_that_dies_costs_no_result() -> None:
    parent = os.getpid()

    def dying(items: Sequence[int]) -> list[int]:
        if os.getpid() != parent:
            os._exit(9)  # killed mid-way, as the out-of-memory killer would
        return [item + 1 for item in items]

    assert map_chunks(dying, list(range(100)), processes=2, chunk=3) == list(range(1, 101))


def test_no_fork_while_other_threads_run(monkeypatch: pytest.MonkeyPatch) -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        found = map_chunks(_tagged, list(range(40)), processes=2, chunk=4)
        assert {pid for _, pid in found} == {os.getpid()}
    finally:
        stop.set()
        thread.join()


def test_available_cpus_counts_this_process_s_cpus() -> None:
    assert 1 <= workers.available_cpus() <= (os.cpu_count() or 1)
