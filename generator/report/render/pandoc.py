"""Run the pandoc that the ``pypandoc-binary`` wheel ships, reproducibly."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Sequence

import pypandoc

from generator.errors import ConfigurationError

INPUT_FORMAT = "markdown"


def run_pandoc(markdown: str, args: Sequence[str], when: dt.datetime) -> bytes:
    """Convert Markdown with pandoc; returns what pandoc wrote to stdout."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(when.timestamp()))}
    command = [pypandoc.get_pandoc_path(), f"--from={INPUT_FORMAT}", *args]
    try:
        done = subprocess.run(
            command,
            input=markdown.encode("utf-8"),
            capture_output=True,
            env=env,
            timeout=300,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise ConfigurationError(f"cannot run pandoc: {error}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise ConfigurationError(f"pandoc failed ({done.returncode}): {message}")
    return done.stdout
