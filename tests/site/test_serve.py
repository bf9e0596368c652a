"""``treaty site serve`` shows an edit of a submission at the next rebuild (no stale data)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from testing.fixtures import copy_repo
from tests.site.conftest import AS_OF, XSS_FILE

pytestmark = pytest.mark.slow
TREATY = Path(sys.executable).parent / "treaty"
PAGE = "treaties/unece-1992-water-convention/"
BEFORE = "Конвенция тараптарының жұмыс тобының отырысына"  # a measure in XSS_FILE
AFTER = "Серве сынағы бойынша өзгертілген мәтін"  # still valid YAML (no colon)
Served = tuple[Path, str, subprocess.Popen[bytes]]
WAIT = 240.0  # seconds for a build of the demo (three languages, every download)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, text: str, process: subprocess.Popen[bytes]) -> str:
    """The page at ``url`` once it holds ``text``; fails if the server dies or is slow."""
    end = time.monotonic() + WAIT
    while time.monotonic() < end:
        assert process.poll() is None, "treaty site serve stopped"
        found = fetch(url)
        if found is not None and text in found:
            return found
        time.sleep(1)
    raise AssertionError(f"{url} did not show {text!r} within {WAIT} s (see serve.log)")


@pytest.fixture()
def served(demo_repo: Path, tmp_path: Path) -> Iterator[Served]:
    repo = copy_repo(demo_repo, tmp_path / "repo")
    port = free_port()
    command = [str(TREATY), "site", "serve", "--repo", str(repo), "--as-of", AS_OF.isoformat(),
               "--dev-addr", f"127.0.0.1:{port}"]  # fmt: skip
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        yield repo, f"http://127.0.0.1:{port}/", process
    finally:
        log.close()
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_serve_shows_an_edited_submission(
    served: tuple[Path, str, subprocess.Popen[bytes]],
) -> None:
    repo, url, process = served
    first = wait_for(url + PAGE, BEFORE, process)
    assert AFTER not in first
    path = repo / XSS_FILE
    text = path.read_text(encoding="utf-8")
    assert BEFORE in text
    path.write_text(text.replace(BEFORE, AFTER, 1), encoding="utf-8")
    changed = wait_for(url + PAGE, AFTER, process)
    assert changed.count(BEFORE) == first.count(BEFORE) - 1  # 2024's same words stay
