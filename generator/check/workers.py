"""Checking many files on every core: chunks of work shared by forked processes.

:func:`map_chunks` cuts a list into chunks and lets ``processes`` processes take them one at
a time from a shared counter: the calling process and ``processes - 1`` forked children,
which inherit everything already loaded (the opened project, compiled schemas) and send
back only their results, once, when the chunks run out. The results come back in the
order of the items, whoever computed them, so the outcome is the serial one.

It runs serially where forking is not safe or not possible: one process asked for, too few
chunks, no ``fork`` start method (Windows, macOS), other threads running (a forked child
would inherit their locks held), or no shared memory for the counter. A child that dies
(killed, out of memory) costs time, not results: the chunks it took are done again here.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MAX_PROCESSES = 4


def available_cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether forked workers are safe here: a ``fork`` start method and no other thread."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _take(counter: Any, count: int) -> Iterator[int]:
    """Chunk numbers, each handed to exactly one process."""
    while True:
        with counter.get_lock():
            index = int(counter.value)
            counter.value = index + 1
        if index >= count:
            return
        yield index


def _child(
    work: Callable[[Sequence[T]], list[R]],
    chunks: list[Sequence[T]],
    counter: Any,
    out: Connection,
) -> None:
    done = {index: work(chunks[index]) for index in _take(counter, len(chunks))}
    out.send(done)
    out.close()


def map_chunks(
    work: Callable[[Sequence[T]], list[R]],
    items: Sequence[T],
    processes: int,
    chunk: int,
) -> list[R]:
    """``work`` over ``items`` in chunks of ``chunk``, on ``processes`` processes; the
    concatenated results, in the order of ``items``."""
    chunks = [items[start : start + chunk] for start in range(0, len(items), max(1, chunk))]
    if processes < 2 or len(chunks) < 2 or not can_fork():
        return [r for part in chunks for r in work(part)]
    context = multiprocessing.get_context("fork")
    try:
        counter = context.Value("i", 0)
    except OSError:  # no shared memory (a locked-down container)
        return [r for part in chunks for r in work(part)]
    # What is loaded now stays shared with the children while they run: the collector
    # must not walk it (marking each object would copy its page into every process).
    gc.freeze()
    try:
        return _shared(work, chunks, processes, context, counter)
    finally:
        gc.unfreeze()


def _shared(
    work: Callable[[Sequence[T]], list[R]],
    chunks: list[Sequence[T]],
    processes: int,
    context: Any,
    counter: Any,
) -> list[R]:
    children = []
    for _ in range(min(processes, len(chunks)) - 1):
        reader, writer = context.Pipe(duplex=False)
        child = context.Process(target=_child, args=(work, chunks, counter, writer), daemon=True)
        child.start()
        writer.close()
        children.append((child, reader))
    done: dict[int, list[R]] = {index: work(chunks[index]) for index in _take(counter, len(chunks))}
    for child, reader in children:
        with contextlib.suppress(EOFError, OSError):  # it died: its chunks are done below
            done.update(reader.recv())
        reader.close()
        child.join()
    for index, part in enumerate(chunks):
        if index not in done:
            done[index] = work(part)
    return [r for index in range(len(chunks)) for r in done[index]]
