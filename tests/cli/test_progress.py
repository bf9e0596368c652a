"""The progress line: only on a terminal, only after the delay, wiped at the end."""

from __future__ import annotations

import io
import time

from generator.cli.progress import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_slow_run_on_a_terminal_shows_then_wipes_the_line() -> None:
    out = Terminal()
    with progress("treaty status", out, delay=0.05):
        time.sleep(0.3)
    text = out.getvalue()
    assert "\rtreaty status " in text and text.endswith("\r\x1b[K")


def test_a_quick_run_shows_nothing() -> None:
    out = Terminal()
    with progress("treaty status", out, delay=5):
        pass
    assert out.getvalue() == ""


def test_nothing_when_stderr_is_not_a_terminal() -> None:
    out = io.StringIO()
    with progress("treaty status", out, delay=0):
        time.sleep(0.1)
    assert out.getvalue() == ""
