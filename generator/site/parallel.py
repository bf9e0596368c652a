"""The other languages of a build, made beside the first one in forked processes.

The first language's build loads the data, then forks the processes that build the other
languages (:func:`processes`: on 2 CPUs one, building them in turn). Each inherits the loaded
data and builds with :func:`build_language`, its Pagefind runs included, while the first
language writes its own pages; the layouts of the reports' parts, made from the first
language's report, are handed over when made (every language has the same parts). So the
languages are built on both cores. The languages and then the published sources are one
:class:`Queue` of tasks: a process takes the next one as soon as it is free, so neither
waits while the other still has a language to build. When this process builds the last
language, the others leave it the sources and end, and a helper forked then writes half of
that language's pages (:mod:`generator.site.spare`). A failure comes back as text and is
raised here.

Where ``fork`` is missing (Windows) or unsafe (beside threads: ``treaty site serve``; with
PDF downloads: :data:`UNFORKABLE`), the languages are built one after the other.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from generator.check.workers import available_cpus, can_fork
from generator.errors import ConfigurationError
from generator.site.languages import build_language
from generator.site.render import compile_templates
from generator.site.search import Indexer
from generator.site.session import BuildSession
from generator.site.sources import write_sources
from generator.site.spare import SpareCore

log = logging.getLogger("mkdocs.plugins.treaty_reports")
START = "fork"
# Downloads made by a library that keeps threads of its own (typst's PDF compiler): a
# process forked after it has run would wait forever for them, so no fork then.
UNFORKABLE = ("pdf",)


SOURCES = ""  # the task after the languages: the published sources (any process can)


@dataclass(frozen=True)
class Queue:
    """The tasks still to do (languages to build, then :data:`SOURCES`), taken one at a
    time by whichever process is free.

    ``building`` is set while the first process builds a language that a helper can share
    (:mod:`generator.site.spare`): the other processes then leave it the sources, and end,
    so that the helper starts at once and the sources are written beside the search runs."""

    tasks: tuple[str, ...]
    taken: Any  # a multiprocessing.Value("i"): shared by the forked processes
    building: Any = None  # a multiprocessing.Value("b"), or None

    def take(self, *, beside: bool = False) -> str | None:
        """The next task (``beside``: for a process beside the first)."""
        with self.taken.get_lock():
            if self.taken.value >= len(self.tasks):
                return None
            task = self.tasks[self.taken.value]
            if beside and task == SOURCES and self.building is not None and self.building.value:
                return None
            self.taken.value += 1
            return task

    def mark(self, building: bool) -> None:
        if self.building is not None:
            with self.taken.get_lock():
                self.building.value = int(building)


def run_task(config: MkDocsConfig, task: str, session: BuildSession) -> None:
    """Build language ``task``, or write the published sources (``config``: the first
    language's build, whose folder holds them)."""
    if task == SOURCES:
        write_sources(session.data, Path(config.site_dir))
    else:
        build_language(config, task, session)


def _build_in_child(
    config: MkDocsConfig, queue: Queue, session: BuildSession, report: Connection,
    shared: Connection,
) -> None:  # fmt: skip
    """The forked process: build languages while some are left, then report how it went
    and hand the Pagefind runs over to the parent: they start once this process has ended
    and its copy of the data is gone (a run and two copies would add up)."""
    session.indexer = Indexer(held=True)  # the parent's runs are not ours; ours, its
    session.awaited = shared.recv
    try:
        while (task := queue.take(beside=True)) is not None:
            log.info("%s: taken by another process", task or "published sources")
            run_task(config, task, session)
        report.send(("", session.indexer.hand_over()))
    except BaseException as error:  # sent to the parent, which raises it
        report.send((f"{type(error).__name__}: {error}", []))
    finally:
        session.indexer.stop()  # after a failure: its run and scratch folder
        report.close()
        shared.close()


def _send(made: dict[str, Any], connections: list[Connection]) -> None:
    for connection in connections:
        try:
            connection.send(made)
        except OSError:  # the process has ended (its failure is reported by wait)
            pass
        finally:
            connection.close()


@dataclass
class Languages:
    """The languages being built in other processes (or, without ``fork``, still to build)."""

    config: MkDocsConfig
    session: BuildSession
    queue: Queue
    running: list[tuple[str, BaseProcess, Connection]] = field(default_factory=list)
    sending: list[Connection] = field(default_factory=list)  # to each process
    known: frozenset[str] = frozenset()  # what the session had made at the fork
    sender: threading.Thread | None = None
    watcher: threading.Thread | None = None
    failed: list[str] = field(default_factory=list)

    def watch(self) -> None:
        """Wait for the other processes in a thread; once they have ended, start the
        Pagefind runs, theirs and this process's."""
        self.watcher = threading.Thread(target=self._collect, daemon=True)
        self.watcher.start()

    def _collect(self) -> None:
        adopted: list[tuple[Path, Path]] = []
        for lang, message, runs in self._results():
            adopted.extend(runs)
            if message:
                self.failed.append(f"{lang}: {message}")
        if self.session.spare is not None:
            self.session.spare.others_ended(adopted)
        else:
            self.session.indexer.release(adopted)

    def share(self) -> None:
        """Send what the session made since the fork (the reports' layouts) to the others,
        from a thread: a process takes it only when it needs it, and this one goes on."""
        made = {k: v for k, v in self.session.made().items() if k not in self.known}
        connections, self.sending = self.sending, []
        if connections:
            self.sender = threading.Thread(target=_send, args=(made, connections), daemon=True)
            self.sender.start()

    def build_left(self) -> None:
        """Build here the languages no other process has taken yet (take them before
        other work: a language taken late by one process leaves the other idle)."""
        self.share()
        spare = self.session.spare
        while (task := self.queue.take()) is not None:
            keep = task != SOURCES and spare is not None and spare.want()
            log.info("%s: taken by this process%s", task or "published sources",
                     " (a helper may join)" if keep else "")  # fmt: skip
            self.queue.mark(keep)
            try:
                run_task(self.config, task, self.session)
            finally:
                self.queue.mark(False)
                if keep and spare is not None:
                    spare.done()

    def wait(self) -> None:
        """Build what is left here, then wait for the other processes; failures are raised."""
        self.build_left()
        if self.watcher is not None:
            self.watcher.join()
        if self.sender is not None:
            self.sender.join()
        gc.unfreeze()
        if self.failed:
            raise ConfigurationError("site build failed: " + "; ".join(self.failed))

    def _results(self) -> Iterator[tuple[str, str, list[tuple[Path, Path]]]]:
        for lang, process, report in list(self.running):
            try:
                message, runs = report.recv()
            except EOFError:
                message, runs = "the build process ended without a word", []
            process.join()
            report.close()
            if not message and process.exitcode != 0:
                message = f"the build process exited with {process.exitcode}"
            yield lang, str(message), list(runs)
        self.running.clear()

    def stop(self) -> None:
        """End the other processes of a build that failed."""
        for connection in self.sending:
            connection.close()
        self.sending.clear()
        for _, process, report in self.running:
            process.kill()
            process.join()
            report.close()
        self.running.clear()
        gc.unfreeze()


def start_languages(config: MkDocsConfig, langs: Iterable[str], session: BuildSession) -> Languages:
    """Start building ``langs`` beside this process (``config``: the first language's), and
    then writing the published sources; what is left when this process is done with its own
    language, it does itself."""
    fork = can_fork() and not any(f in UNFORKABLE for f in session.options.downloads)
    context: Any = multiprocessing.get_context(START if fork else None)
    tasks = Queue((*langs, SOURCES), context.Value("i", 0), context.Value("b", 0))
    found = Languages(config, session, tasks, known=frozenset(session.made()))
    if not fork:
        return found
    compile_templates()
    session.indexer.hold()  # until the other processes have ended
    gc.collect()
    gc.freeze()  # the loaded data stays in pages the processes share
    for number in range(processes(len(found.queue.tasks) - 1, available_cpus())):
        mine, theirs = context.Pipe(duplex=False)
        given, send = context.Pipe(duplex=False)
        args = (config, found.queue, session, theirs, given)
        process = context.Process(target=_build_in_child, args=args, name=f"site-{number}")
        process.start()
        theirs.close()
        given.close()
        found.running.append((f"process {number + 1}", process, mine))
        found.sending.append(send)
    session.spare = SpareCore(session.indexer.release)  # after the fork: this process's
    found.watch()
    return found


def processes(langs: int, cpus: int) -> int:
    """How many processes build languages beside this one: one per other CPU.

    Each holds its own copy of the data (CPython's reference counts write to every object
    it reads, so forked pages do not stay shared): on 2 CPUs one more process, and the
    build's memory stays near twice the data."""
    return max(1, min(langs, cpus - 1))
