"""A progress line on stderr for a command that takes a while: shown only on a terminal,
only after two seconds, and wiped when the work is done (nothing goes to stdout)."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

DELAY = 2.0
EVERY = 0.5
SPIN = "|/-\\"


@contextmanager
def progress(label: str, stream: TextIO | None = None, delay: float = DELAY) -> Iterator[None]:
    """Show ``label`` with a spinner and the seconds elapsed while the block runs."""
    out = stream if stream is not None else sys.stderr
    if not out.isatty():
        yield
        return
    done = threading.Event()
    start = time.monotonic()
    shown = threading.Event()

    def spin() -> None:
        if done.wait(delay):
            return
        turn = 0
        while not done.is_set():
            seconds = int(time.monotonic() - start)
            out.write(f"\r{label} {SPIN[turn % len(SPIN)]} {seconds} s")
            out.flush()
            shown.set()
            turn += 1
            done.wait(EVERY)

    worker = threading.Thread(target=spin, daemon=True)
    worker.start()
    try:
        yield
    finally:
        done.set()
        worker.join()
        if shown.is_set():
            out.write("\r\x1b[K")
            out.flush()
