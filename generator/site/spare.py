"""The core left free at the end of a build: a second process writes the last language's
pages beside this one.

On 2 CPUs the three languages are built by two processes (:mod:`generator.site.parallel`):
the first language here, the second in the other process, and the third by whichever is
free first, usually this one. The other process then ends, and one core would stay idle
for the whole third language. So once it has ended (:class:`SpareCore`), this process forks
a helper with what it has loaded, and the two write the rest of the language's pages: the
pages come in a fixed order, cut into chunks (:func:`chunked`), and each process takes the
next chunk nobody has taken (:class:`Shard`), passing over the others'.

A helper is started only once the other process has ended, and the Pagefind runs wait
until the helper has ended too: two copies of the data and an index in memory at once
would exceed what the build needs.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from generator.errors import ConfigurationError
from generator.site.shell import DataGroup, FrameWriter, Item

log = logging.getLogger("mkdocs.plugins.treaty_reports")
CHUNK = 16  # pages per chunk: small, so the two processes end close together
START = "fork"


@dataclass
class SpareCore:
    """Whether the other processes of the build have ended, leaving a core to this one.

    ``release`` starts the Pagefind runs they handed over; while a language is written
    here (:meth:`want`) they are kept until it is done (:meth:`done`)."""

    release: Callable[[list[tuple[Path, Path]]], None]
    lock: threading.Lock = field(default_factory=threading.Lock)
    ended: bool = False
    wanted: bool = False
    kept: list[tuple[Path, Path]] | None = None  # runs kept while a language is written

    def others_ended(self, runs: list[tuple[Path, Path]]) -> None:
        """Called once the other processes have ended, with the runs they handed over."""
        with self.lock:
            self.ended = True
            if self.wanted:
                self.kept = runs
                return
        self.release(runs)

    def want(self) -> bool:
        """A language is about to be built here: keep the runs back until it is done. False
        when the runs have already started (a helper now would run beside them)."""
        with self.lock:
            if self.ended:
                return False
            self.wanted = True
            return True

    def free(self) -> bool:
        with self.lock:
            return self.ended

    def done(self) -> None:
        """The language is written: start the runs kept back."""
        with self.lock:
            self.wanted = False
            runs, self.kept = self.kept, None
        if runs is not None:
            self.release(runs)


@dataclass
class Shard:
    """Which chunks of the page order a process writes: the next one nobody has taken, each
    time it passes the end of its own (``taken``: a counter the processes share)."""

    taken: Any  # a multiprocessing.Value("i")
    mine: int = -1

    def take(self) -> int:
        with self.taken.get_lock():
            self.taken.value += 1
            return int(self.taken.value - 1)

    def owns(self, chunk: int) -> bool:
        while chunk > self.mine:
            self.mine = self.take()
        return chunk == self.mine


def chunked(items: Iterable[Item]) -> Iterator[tuple[int, Item]]:
    """Each item with the number of its chunk: :data:`CHUNK` pages or files, or one group
    (a period's report is many pages, made at once)."""
    chunk, filled = 0, 0
    for item in items:
        group = isinstance(item, DataGroup)
        if filled and (group or filled >= CHUNK):
            chunk, filled = chunk + 1, 0
        yield chunk, item
        filled += CHUNK if group else 1


def write_beside(writer: FrameWriter, items: Iterable[Item], spare: SpareCore | None) -> None:
    """Write ``items`` with ``writer``, sharing them with a helper process once ``spare``
    has a core free (when it is wanted for this language: :meth:`SpareCore.want`)."""
    if spare is None or not spare.wanted:
        writer.write(items)
        return
    context: Any = multiprocessing.get_context(START)
    shard = Shard(context.Value("i", 0))
    stream = chunked(items)
    helper: tuple[BaseProcess, Connection] | None = None
    try:
        for chunk, item in stream:
            if helper is None and spare.free():
                helper = _start(context, writer, shard, _rest(chunk, item, stream))
                log.info("a helper writes beside this process from chunk %d on", chunk)
                # The helper has this item and the rest; this process goes on alike.
            if shard.owns(chunk):
                writer.write((item,))
        if helper is not None:
            _join(writer, *helper)
            helper = None
    finally:
        if helper is not None:  # this process failed: the helper's pages do not matter
            helper[0].kill()
            helper[0].join()
            helper[1].close()


Positioned = Iterator[tuple[int, Item]]


def _rest(chunk: int, item: Item, stream: Positioned) -> Positioned:
    yield chunk, item
    yield from stream


def _start(
    context: Any, writer: FrameWriter, shard: Shard, rest: Positioned
) -> tuple[BaseProcess, Connection]:
    mine, theirs = context.Pipe(duplex=False)
    gc.freeze()  # what is loaded stays shared (Languages.wait unfreezes, after the build)
    process = context.Process(target=_help, args=(writer, shard, rest, theirs), name="site-helper")
    process.start()
    theirs.close()
    return process, mine


def _help(writer: FrameWriter, shard: Shard, rest: Positioned, report: Connection) -> None:
    """The helper: write the chunks it takes, then send what the parent must know."""
    before = writer.written, writer.bytes
    shard.mine = -1  # the chunk the parent was writing at the fork is the parent's
    try:
        for chunk, item in rest:
            if shard.owns(chunk):
                writer.write((item,))
        pages = sorted(writer.search.data_pages) if writer.search is not None else []
        report.send(("", pages, writer.written - before[0], writer.bytes - before[1]))
    except BaseException as error:  # sent to the parent, which raises it
        report.send((f"{type(error).__name__}: {error}", [], 0, 0))
    finally:
        report.close()


def _join(writer: FrameWriter, process: BaseProcess, report: Connection) -> None:
    try:
        message, pages, written, size = report.recv()
    except EOFError:
        message, pages, written, size = "the helper process ended without a word", [], 0, 0
    process.join()
    report.close()
    if not message and process.exitcode != 0:
        message = f"the helper process exited with {process.exitcode}"
    if message:
        raise ConfigurationError(f"site build failed: {message}")
    log.info("the helper wrote %d pages and files (%d here)", written, writer.written)
    if writer.search is not None:
        writer.search.data_pages.update(pages)
    writer.written += written
    writer.bytes += size
