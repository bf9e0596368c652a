"""Session fixtures: one demo repository, both editions built once, a local server, Chromium.

Site builds are slow, so the demo repository (with an XSS payload committed on top) and
both editions are built once per run in a temporary folder that the xdist workers share
(:func:`testing.shared.once_per_run`).
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cli.main import main
from testing.fixtures import copy_repo
from testing.git import git
from testing.literal import put_text
from testing.shared import once_per_run

__all__ = ["git"]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
AS_OF = dt.date(2026, 3, 1)
XSS = "<script>alert('xss')</script><img src=x onerror=alert(1)>"
XSS_FILE = "submissions/2025/water/treaties-in-force.yaml"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


XSS_ORIGINAL = "kk: Трансшекаралық су ресурстарын бірлесіп басқару қағидаттарын сақтау."


def add_xss(repo: Path) -> None:
    """Put the payload into a text field of a valid submission, and commit it."""
    path = repo / XSS_FILE
    text = path.read_text(encoding="utf-8")
    assert XSS_ORIGINAL in text, "the demo file changed: pick another field for the payload"
    path.write_text(text.replace(XSS_ORIGINAL, f'kk: "{XSS}"', 1), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "water: correct the obligations text")


@dataclass(frozen=True)
class Built:
    repo: Path
    public: Path
    internal: Path


@pytest.fixture(scope="session")
def site_repo(demo_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo repository with the XSS payload and text full of Markdown
    (:mod:`testing.literal`) committed on top."""

    def make(folder: Path) -> None:
        repo = copy_repo(demo_repo, folder / "repo")
        add_xss(repo)
        put_text(repo)

    return once_per_run(tmp_path_factory, "site-repo", make) / "repo"


@pytest.fixture(scope="session")
def built(site_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    args = ["site", "build", "--repo", str(site_repo), "--as-of", AS_OF.isoformat()]

    def make(out: Path) -> None:
        for edition in ("public", "internal"):
            assert main([*args, "--edition", edition, "-o", str(out / edition)]) == 0

    out = once_per_run(tmp_path_factory, "site", make)
    return Built(site_repo, out / "public", out / "internal")


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(folder: Path) -> tuple[_Server, str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(built: Built) -> Iterator[str]:
    server, url = serve(built.public)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser-deps` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(accept_downloads=True)  # type: ignore[attr-defined]
    page = context.new_page()
    yield page
    context.close()
