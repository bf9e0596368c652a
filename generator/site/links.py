"""The link check of a built site: every internal ``href`` and ``src`` points at a file.

MkDocs checks the links of its own Markdown pages; the data pages (see
:mod:`generator.site.shell`), the theme and the scripts' targets are only checked here, over
the whole output. Links are read with a pattern, not an HTML parser: the site's HTML is
the generator's own (attributes always in double quotes).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LINK = re.compile(r'\s(?:href|src)="([^"]*)"')
HOST_RELATIVE = "//"
EXTERNAL = ("http:", "https:", "mailto:", "javascript:", "data:", "tel:")


@dataclass(frozen=True)
class BrokenLink:
    page: str  # the page, relative to the site root
    href: str


def _target(root: Path, page: str, href: str) -> str | None:
    """The file ``href`` on ``page`` points at (relative to the root), or None if external."""
    if not href or href.startswith(("#", *EXTERNAL)):
        return None
    if href.startswith("//"):  # host-relative: the browser reads "//ru/" as the host "ru"
        return HOST_RELATIVE
    path = unquote(urlsplit(href).path)
    if path.startswith("/"):
        joined = path.lstrip("/")
    else:
        joined = posixpath.join(posixpath.dirname(page), path)
    target = posixpath.normpath(joined)
    if target == ".":
        target = ""
    if path.endswith("/") or target == "" or (root / target).is_dir():
        target = posixpath.join(target, "index.html")
    return target


def page_links(root: Path, page: str) -> Iterator[tuple[str, str]]:
    """(href, target file) of every internal link on ``page``."""
    text = (root / page).read_text(encoding="utf-8", errors="replace")
    for href in _LINK.findall(text):
        target = _target(root, page, href.replace("&amp;", "&"))
        if target is not None:
            yield href, target


def broken_links(root: Path) -> list[BrokenLink]:
    """Every internal link of every page under ``root`` whose target does not exist."""
    found: list[BrokenLink] = []
    known: dict[str, bool] = {}
    for path in sorted(root.rglob("*.html")):
        page = path.relative_to(root).as_posix()
        for href, target in page_links(root, page):
            if target not in known:
                inside = target != HOST_RELATIVE and not target.startswith("..")
                known[target] = inside and (root / target).is_file()
            if not known[target]:
                found.append(BrokenLink(page, href))
    return found
