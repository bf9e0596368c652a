"""The other languages of a build, made beside the first one in forked processes.

The first language's build loads the data and writes what every language reuses (the
layouts of the reports' parts), then forks one process per other language. Each inherits
the loaded data copy-on-write (frozen out of the garbage collector's reach first, so that
its pages stay shared) and builds its language with :func:`build_language`, its Pagefind
run included, while the first language writes the rest of its own pages: the site's
languages are built on both cores. A failure comes back as text and is raised here.

Where ``fork`` is missing (Windows), the languages are built one after the other.
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

from generator.errors import ConfigurationError
from generator.site.languages import build_language
from generator.site.search import Indexer
from generator.site.session import BuildSession

START = "fork"


def _build_in_child(
    config: MkDocsConfig, lang: str, session: BuildSession, report: Connection, shared: Connection
) -> None:
    """The forked process: build ``lang``, wait for its index, report how it went."""
    session.indexer = Indexer()  # the parent's runs are not this process's children
    session.awaited = shared.recv
    try:
        build_language(config, lang, session)
        session.indexer.wait()
        report.send("")
    except BaseException as error:  # sent to the parent, which raises it
        report.send(f"{type(error).__name__}: {error}")
    finally:
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
    running: list[tuple[str, BaseProcess, Connection]] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)
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
        for lang in self.waiting:
            build_language(self.config, lang, self.session)
        self.waiting.clear()
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
        self.waiting.clear()
        gc.unfreeze()


def start_languages(config: MkDocsConfig, langs: Iterable[str], session: BuildSession) -> Languages:
    """Start building ``langs`` beside this process (``config``: the first language's)."""
    found = Languages(config, session, known=frozenset(session.made()))
    langs = list(langs)
    if START not in multiprocessing.get_all_start_methods():
        found.waiting.extend(langs)
        return found
    context = multiprocessing.get_context("fork")
    gc.collect()
    gc.freeze()  # the loaded data stays in pages the processes share
    for lang in langs:
        mine, theirs = context.Pipe(duplex=False)
        given, send = context.Pipe(duplex=False)
        args = (config, lang, session, theirs, given)
        process = context.Process(target=_build_in_child, args=args, name=f"site-{lang}")
        process.start()
        theirs.close()
        given.close()
        found.running.append((lang, process, mine))
        found.sending.append(send)
    return found
