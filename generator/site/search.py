"""Search: Pagefind indexes the built site (every language, each in its own index).

Pagefind (``pagefind[bin]`` on PyPI) reads the HTML and writes ``pagefind/``: an index cut
into small chunks, so that a query downloads only the words it needs. The search box
(``site/docs/assets/treaty.js``) asks it in the page's language.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.errors import ConfigurationError

BUNDLE = "pagefind"


def pagefind_program() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise ConfigurationError("Pagefind is not installed: pip install -e '.[site]'") from None
    return Path(get_executable())


def index_site(site: Path) -> Path:
    """Index every page of the built site; the bundle's folder."""
    command = [str(pagefind_program()), "--site", str(site), "--output-subdir", BUNDLE, "--silent"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise ConfigurationError("search index failed: " + " | ".join(detail))
    return site / BUNDLE
