"""Search: Pagefind indexes each language of the built site, while the next one is built.

Pagefind (``pagefind[bin]`` on PyPI) reads the HTML and writes ``<language root>/pagefind/``:
an index cut into small chunks, so that a query downloads only the words it needs. Each
language gets its own bundle, started as soon as that language's pages are written, so it
runs on the second core while the next language is built. The search box
(``site/docs/assets/treaty.js``) loads the bundle of the page's language.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import ConfigurationError

BUNDLE = "pagefind"
# Folders whose deeper pages are never searched, and how deep the searched ones lie: the
# parts of a report after the first (``reports/<period>/<n>/``) carry no search body, and
# Pagefind would still read all of their megabytes.
SHALLOW = {"reports": 1}


def pagefind_program() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise ConfigurationError("Pagefind is not installed: pip install -e '.[site]'") from None
    return Path(get_executable())


def _glob(root: Path, skip: frozenset[str]) -> str:
    """The HTML of this language only: every entry of its root but the other languages'."""
    names = sorted(p.name for p in root.iterdir() if p.name not in skip and p.name != BUNDLE)
    parts = [p for n in names for p in _patterns(root, n)]
    return "{" + ",".join(parts) + "}" if parts else "*.html"


def _patterns(root: Path, name: str) -> list[str]:
    if not (root / name).is_dir():
        return [name] if name.endswith(".html") else []
    if name not in SHALLOW:
        return [f"{name}/**/*.html"]
    return [name + "/*" * depth + "/index.html" for depth in range(SHALLOW[name] + 1)]


@dataclass
class Indexer:
    """The Pagefind runs of one build, one at a time in the background (each holds its
    language's whole index in memory: two at once would add up); :meth:`wait` ends them."""

    running: list[tuple[Path, subprocess.Popen[bytes]]] = field(default_factory=list)

    def start(self, root: Path, skip: frozenset[str] = frozenset()) -> None:
        """Index the language whose pages are in ``root`` (not the folders in ``skip``),
        after the run before it has ended."""
        self.wait()
        command = [str(pagefind_program()), "--site", str(root), "--output-subdir", BUNDLE,
                   "--glob", _glob(root, skip), "--silent"]  # fmt: skip
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.running.append((root, process))

    def wait(self) -> None:
        """Wait for the run in the background, if any; a failure is raised."""
        failed: list[str] = []
        for root, process in self.running:
            out, _ = process.communicate()
            if process.returncode != 0:
                detail = out.decode("utf-8", "replace").strip().splitlines()[-3:]
                failed.append(f"{root}: " + " | ".join(detail))
        self.running.clear()
        if failed:
            raise ConfigurationError("search index failed: " + "; ".join(failed))

    def stop(self) -> None:
        """End the runs of a build that failed."""
        for _, process in self.running:
            process.kill()
            process.wait()
        self.running.clear()
