"""Search: Pagefind indexes each language of the built site, while the next one is built.

Pagefind (``pagefind[bin]`` on PyPI) reads the HTML and writes ``<language root>/pagefind/``:
an index cut into small chunks, so that a query downloads only the words it needs. It reads
:class:`SearchCopies` of the pages, not the built site: the data pages' searched bodies
alone, which it reads three times faster, and nothing of the pages it never searches. Each
language gets its own bundle. While the languages are built in two processes (or one and a
helper: :mod:`generator.site.spare`), the runs wait: a run and two copies of the data in
memory would add up. Then :data:`RUNS_AT_ONCE` run at a time, beside what is left to write.
The search box (``site/docs/assets/treaty.js``) loads the bundle of the page's language.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import ConfigurationError
from generator.site.folders import Folders

BUNDLE = "pagefind"
# Runs at once: a run keeps about 1.2 cores busy and its language's index in memory (a third
# of a gigabyte at national scale); they start once the build's other processes have ended.
# One at a time: two at once beside the first process made the build's peak (1.13 GB against
# 0.83 GB at national scale, measured), for about 10 s of a 200 s build.
RUNS_AT_ONCE = 1
# What Pagefind leaves out of a page's search body anyway (the treaties' entries, tables).
IGNORED = re.compile(r"<(section|table)\b[^>]*\bdata-pagefind-ignore\b[^>]*>.*?</\1>", re.S)
SLIM = (
    '<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
    "</head><body><div data-pagefind-body>{body}</div></body></html>\n"
)


def pagefind_program() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise ConfigurationError("Pagefind is not installed: pip install -e '.[site]'") from None
    return Path(get_executable())


def remove_tree(folder: Path) -> None:
    """Remove a scratch folder of tens of thousands of files. In a thread beside the build,
    Python's ``rmtree`` would take the interpreter lock from the build for every file, so
    where there is an ``rm`` it does the work, outside the interpreter."""
    program = shutil.which("rm") if os.name == "posix" else None
    if program is not None:
        subprocess.run([program, "-rf", "--", str(folder)], check=False, capture_output=True)
    if folder.exists():
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class SearchCopies:
    """What Pagefind reads of one language, in a scratch folder laid out like the site: of
    each searched data page only its searched body (no page frame, no ignored parts: a
    third of the bytes, and Pagefind's time is mostly reading), the other pages as built.
    The index is the same; the data pages that are not searched are not read at all."""

    folder: Path
    lang: str
    data_pages: set[str] = field(default_factory=set)
    folders: Folders = field(default_factory=Folders, repr=False)

    def add(self, rel: str, title: str, content: str, searched: bool) -> None:
        """A data page at ``rel`` (``treaties/x/index.html``); ``title`` already escaped."""
        self.data_pages.add(rel)
        if not searched:
            return
        target = self.folder / rel
        self.folders.make(target.parent)
        body = IGNORED.sub("", content)
        target.write_text(SLIM.format(lang=self.lang, title=title, body=body), encoding="utf-8")

    def add_built(self, root: Path, skip: frozenset[str]) -> None:
        """The pages MkDocs built below ``root`` (not the other languages' folders)."""
        for folder, dirs, names in os.walk(root):
            here = Path(folder)
            if here == root:
                dirs[:] = [d for d in dirs if d not in skip and d != BUNDLE]
            for name in names:
                rel = (here / name).relative_to(root).as_posix()
                if name.endswith(".html") and rel not in self.data_pages:
                    target = self.folder / rel
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(here / name, target)


@dataclass
class Indexer:
    """The Pagefind runs of one build, in the background, :data:`RUNS_AT_ONCE` at a time:
    each holds its language's whole index in memory, so more would add up. ``turn`` is
    what the runs take in turn; :meth:`wait` ends them."""

    turn: Any = field(default_factory=lambda: threading.BoundedSemaphore(RUNS_AT_ONCE))
    running: list[tuple[Path, threading.Thread, list[bytes | int]]] = field(default_factory=list)
    scratch: list[Path] = field(default_factory=list)
    current: list[subprocess.Popen[bytes]] = field(default_factory=list)
    stopped: threading.Event = field(default_factory=threading.Event)
    held: bool = False  # runs wait in ``queued`` until :meth:`release`
    queued: list[tuple[Path, Path]] = field(default_factory=list)  # (site root, copies)
    guard: threading.Lock = field(default_factory=threading.Lock)

    def start(self, root: Path, copies: SearchCopies, skip: frozenset[str] = frozenset()) -> None:
        """Index the language whose pages are in ``root`` (not the folders in ``skip``) from
        ``copies``, once no other run is going (and, while held, once released)."""
        copies.add_built(root, skip)
        self._start(root, copies.folder)

    def _start(self, root: Path, folder: Path) -> None:
        with self.guard:
            if self.held:
                self.queued.append((root, folder))
                return
            command = [str(pagefind_program()), "--site", str(folder), "--output-path",
                       str(root / BUNDLE), "--glob", "**/*.html", "--silent"]  # fmt: skip
            outcome: list[bytes | int] = []
            thread = threading.Thread(target=self._run, args=(command, folder, outcome))
            thread.start()
            self.running.append((root, thread, outcome))

    def hold(self) -> None:
        """Keep the runs from starting (while the build's processes hold their data)."""
        self.held = True

    def hand_over(self) -> list[tuple[Path, Path]]:
        """The held runs, for another process to make (their folders are its to remove)."""
        with self.guard:
            runs, self.queued = self.queued, []
            self.scratch = [f for f in self.scratch if f not in {f for _, f in runs}]
        return runs

    def release(self, adopted: Iterable[tuple[Path, Path]] = ()) -> None:
        """Start the held runs and ``adopted`` ones (handed over by another process)."""
        with self.guard:
            adopted = list(adopted)
            self.scratch.extend(folder for _, folder in adopted)
            runs, self.queued, self.held = [*self.queued, *adopted], [], False
        for root, folder in runs:
            self._start(root, folder)

    def _run(self, command: list[str], folder: Path, outcome: list[bytes | int]) -> None:
        with self.turn:
            if self.stopped.is_set():
                return
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            self.current.append(process)
            out, _ = process.communicate()
            self.current.remove(process)
        self._remove(folder)
        outcome.extend((process.returncode, out))

    def copies(self, lang: str) -> SearchCopies:
        """A scratch folder for what Pagefind reads of ``lang``, removed when the run ends."""
        found = SearchCopies(Path(tempfile.mkdtemp(prefix=f"treaty-search-{lang}-")), lang)
        self.scratch.append(found.folder)
        return found

    def wait(self) -> None:
        """Wait for the runs in the background; a failure is raised."""
        failed: list[str] = []
        while self.running:
            root, thread, outcome = self.running.pop(0)
            thread.join()
            code, out = outcome or (-1, b"stopped")
            if code != 0:
                detail = bytes(out).decode("utf-8", "replace").strip().splitlines()[-3:]
                failed.append(f"{root}: " + " | ".join(detail))
        self.running.clear()
        if failed:
            raise ConfigurationError("search index failed: " + "; ".join(failed))

    def stop(self) -> None:
        """End the runs of a build that failed."""
        self.stopped.set()
        for process in list(self.current):
            process.kill()
        for _, thread, _ in self.running:
            thread.join()
        self.running.clear()
        for folder in list(self.scratch):
            self._remove(folder)

    def _remove(self, folder: Path) -> None:
        remove_tree(folder)
        if folder in self.scratch:
            self.scratch.remove(folder)
