"""The other languages of a build, made beside the first one in forked processes.

The first language's build loads the data, then forks the processes that build the other
languages (:func:`groups`: on 2 CPUs one, building them in turn). Each inherits the loaded
data and builds with :func:`build_language`, its Pagefind runs included, while the first
language writes its own pages; the layouts of the reports' parts, made from the first
language's report, are handed over when made (every language has the same parts). So the
languages are built on both cores. A failure comes back as text and is raised here.

Where ``fork`` is missing (Windows) or unsafe (beside threads: ``treaty site serve``), the
languages are built one after the other.
"""

from __future__ import annotations

import gc
import multiprocessing
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from generator.check.workers import available_cpus, can_fork
from generator.errors import ConfigurationError
from generator.site.languages import build_language
from generator.site.render import compile_templates
from generator.site.search import Indexer
from generator.site.session import BuildSession

START = "fork"


@dataclass(frozen=True)
class Queue:
    """The languages still to build, taken one at a time by whichever process is free."""

    langs: tuple[str, ...]
    taken: Any  # a multiprocessing.Value("i"): shared by the forked processes

    def take(self) -> str | None:
        with self.taken.get_lock():
            if self.taken.value >= len(self.langs):
                return None
            self.taken.value += 1
            return self.langs[self.taken.value - 1]


def _build_in_child(
    config: MkDocsConfig, queue: Queue, session: BuildSession, report: Connection,
    shared: Connection,
) -> None:  # fmt: skip
    """The forked process: build languages while some are left, wait for their index,
    report how it went."""
    session.indexer = Indexer(turn=session.indexer.turn)  # the parent's runs are not ours
    session.awaited = shared.recv
    try:
        while (lang := queue.take()) is not None:
            build_language(config, lang, session)
        session.indexer.wait()
        report.send("")
    except BaseException as error:  # sent to the parent, which raises it
        report.send(f"{type(error).__name__}: {error}")
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

    def share(self) -> None:
        """Send what the session made since the fork (the reports' layouts) to the others,
        from a thread: a process takes it only when it needs it, and this one goes on."""
        made = {k: v for k, v in self.session.made().items() if k not in self.known}
        connections, self.sending = self.sending, []
        if connections:
            self.sender = threading.Thread(target=_send, args=(made, connections), daemon=True)
            self.sender.start()

    def wait(self) -> None:
        """Build what is left here, then wait for the other processes; failures are raised."""
        self.share()
        while (lang := self.queue.take()) is not None:
            build_language(self.config, lang, self.session)
        failed = [f"{lang}: {message}" for lang, message in self._results() if message]
        if self.sender is not None:
            self.sender.join()
        gc.unfreeze()
        if failed:
            raise ConfigurationError("site build failed: " + "; ".join(failed))

    def _results(self) -> Iterable[tuple[str, str]]:
        for lang, process, report in self.running:
            try:
                message = str(report.recv())
            except EOFError:
                message = "the build process ended without a word"
            process.join()
            report.close()
            if not message and process.exitcode != 0:
                message = f"the build process exited with {process.exitcode}"
            yield lang, message
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
    """Start building ``langs`` beside this process (``config``: the first language's); the
    languages left when this process is done with its own, it builds itself."""
    fork = can_fork()  # not beside threads (``treaty site serve``): built here, in turn
    context: Any = multiprocessing.get_context(START if fork else None)
    found = Languages(config, session, Queue(tuple(langs), context.Value("i", 0)),
                      known=frozenset(session.made()))  # fmt: skip
    if not fork:
        return found
    compile_templates()
    session.indexer.turn = context.Lock()  # one Pagefind run at a time in every process
    gc.collect()
    gc.freeze()  # the loaded data stays in pages the processes share
    for number in range(processes(len(found.queue.langs), available_cpus())):
        mine, theirs = context.Pipe(duplex=False)
        given, send = context.Pipe(duplex=False)
        args = (config, found.queue, session, theirs, given)
        process = context.Process(target=_build_in_child, args=args, name=f"site-{number}")
        process.start()
        theirs.close()
        given.close()
        found.running.append((f"process {number + 1}", process, mine))
        found.sending.append(send)
    return found


def processes(langs: int, cpus: int) -> int:
    """How many processes build languages beside this one: one per other CPU.

    Each holds its own copy of the data (CPython's reference counts write to every object
    it reads, so forked pages do not stay shared): on 2 CPUs one more process, and the
    build's memory stays near twice the data."""
    return max(1, min(langs, cpus - 1))
